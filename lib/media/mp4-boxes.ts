/**
 * Minimal ISO-BMFF (mp4) box walker: enough to read the `comment` tag ffmpeg writes
 * (moov/udta/meta/ilst/©cmt/data), the movie duration (mvhd) and the video track size (tkhd).
 */
export type Mp4Box = { type: string; start: number; headerSize: number; size: number };

const containerTypes = new Set(["moov", "udta", "meta", "ilst", "trak", "mdia", "minf", "stbl", "edts"]);

function readBoxes(bytes: Uint8Array, from: number, to: number): Mp4Box[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const boxes: Mp4Box[] = [];
  let offset = from;
  while (offset + 8 <= to) {
    let size = view.getUint32(offset);
    const type = String.fromCharCode(bytes[offset + 4], bytes[offset + 5], bytes[offset + 6], bytes[offset + 7]);
    let headerSize = 8;
    if (size === 1) {
      if (offset + 16 > to) break;
      size = Number(view.getBigUint64(offset + 8));
      headerSize = 16;
    } else if (size === 0) {
      size = to - offset;
    }
    if (size < headerSize || offset + size > to) break;
    boxes.push({ type, start: offset, headerSize, size });
    offset += size;
  }
  return boxes;
}

function childrenOf(bytes: Uint8Array, box: Mp4Box): Mp4Box[] {
  // `meta` is a full box (4 bytes version/flags) in mp4; QuickTime writes it without them.
  let start = box.start + box.headerSize;
  if (box.type === "meta") {
    const looksLikeBox = /^[a-z©]{4}$/i.test(String.fromCharCode(...bytes.slice(start + 4, start + 8)));
    if (!looksLikeBox) start += 4;
  }
  return readBoxes(bytes, start, box.start + box.size);
}

export function isMp4(bytes: Uint8Array): boolean {
  return bytes.length >= 12 && String.fromCharCode(...bytes.slice(4, 8)) === "ftyp";
}

/** Depth-first search for boxes along a path of types, e.g. ["moov", "udta", "meta", "ilst"]. */
export function findBoxes(bytes: Uint8Array, path: string[]): Mp4Box[] {
  let level = readBoxes(bytes, 0, bytes.length);
  for (let depth = 0; depth < path.length; depth += 1) {
    const matches = level.filter((b) => b.type === path[depth]);
    if (depth === path.length - 1) return matches;
    level = matches.filter((b) => containerTypes.has(b.type)).flatMap((b) => childrenOf(bytes, b));
  }
  return [];
}

/** The `©cmt` tag (as written by `ffmpeg -metadata comment=...`), or null. */
export function readMp4Comment(bytes: Uint8Array): string | null {
  const tags = findBoxes(bytes, ["moov", "udta", "meta", "ilst", "\u00a9cmt"]);
  for (const tag of tags) {
    const data = readBoxes(bytes, tag.start + tag.headerSize, tag.start + tag.size).find((b) => b.type === "data");
    if (!data) continue;
    // data box: 4 bytes type indicator + 4 bytes locale, then the UTF-8 value.
    const valueStart = data.start + data.headerSize + 8;
    return Buffer.from(bytes.slice(valueStart, data.start + data.size)).toString("utf8");
  }
  return null;
}

/** Movie duration in seconds from mvhd, or null. */
export function readMp4DurationSeconds(bytes: Uint8Array): number | null {
  const [mvhd] = findBoxes(bytes, ["moov", "mvhd"]);
  if (!mvhd) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const body = mvhd.start + mvhd.headerSize;
  const version = bytes[body];
  const timescale = version === 1 ? view.getUint32(body + 20) : view.getUint32(body + 12);
  const duration = version === 1 ? Number(view.getBigUint64(body + 24)) : view.getUint32(body + 16);
  return timescale > 0 ? duration / timescale : null;
}

/** Largest track width × height from tkhd (16.16 fixed point), or null. */
export function readMp4VideoSize(bytes: Uint8Array): { width: number; height: number } | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let best: { width: number; height: number } | null = null;
  for (const tkhd of findBoxes(bytes, ["moov", "trak", "tkhd"])) {
    const end = tkhd.start + tkhd.size;
    const width = view.getUint32(end - 8) / 65536;
    const height = view.getUint32(end - 4) / 65536;
    if (width > 0 && height > 0 && (!best || width * height > best.width * best.height)) best = { width, height };
  }
  return best;
}
