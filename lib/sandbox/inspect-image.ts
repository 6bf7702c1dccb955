import sharp from "sharp";

export type ImageInspection = { ok: true; width: number; height: number; format: string } | { ok: false };

/** Whether the bytes decode as an image (what a vendor's "incorrect image format" means). */
export async function inspectImage(bytes: Uint8Array): Promise<ImageInspection> {
  if (bytes.length === 0) return { ok: false };
  try {
    const meta = await sharp(bytes).metadata();
    if (!meta.width || !meta.height || !meta.format) return { ok: false };
    return { ok: true, width: meta.width, height: meta.height, format: meta.format };
  } catch {
    return { ok: false };
  }
}

let faceCrop: Promise<string> | undefined;

/**
 * What the sandbox returns as CVS's face crops (face1/face2): a 48-px grey JPEG as base64, made
 * once. The sandbox looks for no faces, so a crop of the upload would be no truer, and decoding
 * every upload to shrink it would bill the vendor's work to the machine Verdict is measured on.
 */
export function sandboxFaceCrop(): Promise<string> {
  faceCrop ??= sharp({ create: { width: 48, height: 48, channels: 3, background: { r: 200, g: 180, b: 160 } } })
    .jpeg({ quality: 70 })
    .toBuffer()
    .then((bytes) => bytes.toString("base64"));
  return faceCrop;
}
