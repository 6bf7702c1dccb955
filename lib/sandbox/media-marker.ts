import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { isMp4, readMp4Comment } from "@/lib/media/mp4-boxes";
import { readEnv } from "@/lib/config/env";

/**
 * Scenario markers, like payment test cards: a media file whose metadata comment reads
 * `sandbox:<scenario>` gets that scenario's answer from the sandbox. Images carry it in a JPEG COM
 * segment or a PNG tEXt chunk (keyword "Comment"); mp4 in the `comment` tag ffmpeg writes.
 */
export const MARKER_PREFIX = "sandbox:";
const scenarioNamePattern = /^[a-z0-9_]+$/;

const execFileAsync = promisify(execFile);

export type MediaFormat = "jpeg" | "png" | "mp4" | "unknown";

export function detectMediaFormat(bytes: Uint8Array): MediaFormat {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return "jpeg";
  if (bytes.length >= 8 && Buffer.from(bytes.subarray(0, 8)).equals(pngSignature)) return "png";
  if (isMp4(bytes)) return "mp4";
  return "unknown";
}

function parseMarker(comment: string | null): string | null {
  if (!comment) return null;
  const text = comment.replace(/\0+$/, "").trim();
  if (!text.startsWith(MARKER_PREFIX)) return null;
  const scenario = text.slice(MARKER_PREFIX.length).trim();
  return scenarioNamePattern.test(scenario) ? scenario : null;
}

function assertScenarioName(scenario: string): void {
  if (!scenarioNamePattern.test(scenario)) throw new Error(`invalid scenario name "${scenario}" (use a-z, 0-9, _)`);
}

// ---- JPEG -------------------------------------------------------------------------------------

type JpegSegment = { marker: number; start: number; end: number };

/** Segments between SOI and SOS (metadata lives there); stops at the entropy-coded data. */
function readJpegHeaderSegments(bytes: Uint8Array): JpegSegment[] {
  const segments: JpegSegment[] = [];
  let offset = 2;
  while (offset + 4 <= bytes.length && bytes[offset] === 0xff) {
    const marker = bytes[offset + 1];
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2;
      continue;
    }
    const length = (bytes[offset + 2] << 8) | bytes[offset + 3];
    const end = offset + 2 + length;
    if (end > bytes.length) break;
    segments.push({ marker, start: offset, end });
    if (marker === 0xda) break;
    offset = end;
  }
  return segments;
}

function readJpegComments(bytes: Uint8Array): string[] {
  return readJpegHeaderSegments(bytes)
    .filter((s) => s.marker === 0xfe)
    .map((s) => Buffer.from(bytes.subarray(s.start + 4, s.end)).toString("utf8"));
}

function writeJpegMarker(bytes: Uint8Array, scenario: string): Buffer {
  const payload = Buffer.from(MARKER_PREFIX + scenario, "utf8");
  const segment = Buffer.concat([Buffer.from([0xff, 0xfe, (payload.length + 2) >> 8, (payload.length + 2) & 0xff]), payload]);
  // Drop earlier sandbox markers, then put ours right after SOI (any COM position before SOS is valid).
  const parts: Buffer[] = [Buffer.from(bytes.subarray(0, 2)), segment];
  let cursor = 2;
  for (const s of readJpegHeaderSegments(bytes)) {
    const isOldMarker = s.marker === 0xfe && parseMarker(Buffer.from(bytes.subarray(s.start + 4, s.end)).toString("utf8")) !== null;
    if (isOldMarker) {
      parts.push(Buffer.from(bytes.subarray(cursor, s.start)));
      cursor = s.end;
    }
  }
  parts.push(Buffer.from(bytes.subarray(cursor)));
  return Buffer.concat(parts);
}

// ---- PNG --------------------------------------------------------------------------------------

const pngSignature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const crcTable = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n += 1) {
    let c = n;
    for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = crcTable[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

type PngChunk = { type: string; start: number; end: number; dataStart: number; dataEnd: number };

function readPngChunks(bytes: Uint8Array): PngChunk[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks: PngChunk[] = [];
  let offset = 8;
  while (offset + 12 <= bytes.length) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const end = offset + 12 + length;
    if (end > bytes.length) break;
    chunks.push({ type, start: offset, end, dataStart: offset + 8, dataEnd: offset + 8 + length });
    if (type === "IEND") break;
    offset = end;
  }
  return chunks;
}

function readPngChunkComment(bytes: Uint8Array, chunk: PngChunk): string | null {
  if (chunk.type !== "tEXt") return null;
  const data = Buffer.from(bytes.subarray(chunk.dataStart, chunk.dataEnd));
  const separator = data.indexOf(0);
  if (separator < 0 || data.subarray(0, separator).toString("latin1") !== "Comment") return null;
  return data.subarray(separator + 1).toString("latin1");
}

function readPngComments(bytes: Uint8Array): string[] {
  return readPngChunks(bytes)
    .map((c) => readPngChunkComment(bytes, c))
    .filter((c): c is string => c !== null);
}

function buildPngTextChunk(keyword: string, text: string): Buffer {
  const data = Buffer.concat([Buffer.from(keyword, "latin1"), Buffer.from([0]), Buffer.from(text, "latin1")]);
  const typeAndData = Buffer.concat([Buffer.from("tEXt", "latin1"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData));
  return Buffer.concat([length, typeAndData, crc]);
}

function writePngMarker(bytes: Uint8Array, scenario: string): Buffer {
  const chunks = readPngChunks(bytes);
  const ihdr = chunks.find((c) => c.type === "IHDR");
  if (!ihdr) throw new Error("not a valid PNG: no IHDR chunk");
  const isOldMarker = (c: PngChunk) => parseMarker(readPngChunkComment(bytes, c)) !== null;
  const parts: Buffer[] = [pngSignature];
  for (const chunk of chunks) {
    if (isOldMarker(chunk)) continue;
    parts.push(Buffer.from(bytes.subarray(chunk.start, chunk.end)));
    if (chunk === ihdr) parts.push(buildPngTextChunk("Comment", MARKER_PREFIX + scenario));
  }
  return Buffer.concat(parts);
}

// ---- MP4 --------------------------------------------------------------------------------------

function readMp4Marker(bytes: Uint8Array): string | null {
  const fromTag = parseMarker(readMp4Comment(bytes));
  if (fromTag) return fromTag;
  // Other muxers put the comment elsewhere (e.g. an XMP or ©cmt directly in udta): scan the moov box text.
  const text = Buffer.from(bytes).toString("latin1");
  const match = /sandbox:([a-z0-9_]+)/.exec(text);
  return match ? match[1] : null;
}

export const FFMPEG_PATH = readEnv().FFMPEG_PATH;

export class FfmpegMissingError extends Error {
  constructor(cause: unknown) {
    super(`ffmpeg is required for mp4 markers and test videos but was not found (set FFMPEG_PATH or install ffmpeg)`, { cause });
    this.name = "FfmpegMissingError";
  }
}

export async function runFfmpeg(args: string[]): Promise<void> {
  try {
    await execFileAsync(FFMPEG_PATH, ["-hide_banner", "-loglevel", "error", "-y", ...args], { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === "ENOENT") throw new FfmpegMissingError(error);
    throw error;
  }
}

async function writeMp4Marker(bytes: Uint8Array, scenario: string): Promise<Buffer> {
  const dir = await mkdtemp(path.join(tmpdir(), "verdict-marker-"));
  try {
    const input = path.join(dir, "in.mp4");
    const output = path.join(dir, "out.mp4");
    await writeFile(input, bytes);
    await runFfmpeg(["-i", input, "-map", "0", "-c", "copy", "-metadata", `comment=${MARKER_PREFIX}${scenario}`, output]);
    return await readFile(output);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

// ---- public API -------------------------------------------------------------------------------

/** The scenario named by the file's `sandbox:<scenario>` comment, or null (unmarked or unknown format). */
export function readScenarioMarker(bytes: Uint8Array): string | null {
  switch (detectMediaFormat(bytes)) {
    case "jpeg":
      return readJpegComments(bytes).map(parseMarker).find((s) => s !== null) ?? null;
    case "png":
      return readPngComments(bytes).map(parseMarker).find((s) => s !== null) ?? null;
    case "mp4":
      return readMp4Marker(bytes);
    default:
      return null;
  }
}

/** Synchronous variant for images (JPEG, PNG). */
export function writeImageScenarioMarker(bytes: Uint8Array, scenario: string): Buffer {
  assertScenarioName(scenario);
  const format = detectMediaFormat(bytes);
  if (format === "jpeg") return writeJpegMarker(bytes, scenario);
  if (format === "png") return writePngMarker(bytes, scenario);
  throw new Error(`cannot write an image marker into ${format} data (JPEG or PNG only)`);
}

/** Returns a copy of the file carrying `sandbox:<scenario>`, replacing an earlier sandbox marker. mp4 needs ffmpeg. */
export async function writeScenarioMarker(bytes: Uint8Array, scenario: string): Promise<Buffer> {
  assertScenarioName(scenario);
  const format = detectMediaFormat(bytes);
  if (format === "mp4") return writeMp4Marker(bytes, scenario);
  return writeImageScenarioMarker(bytes, scenario);
}
