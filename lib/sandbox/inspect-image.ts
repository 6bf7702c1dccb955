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

/** A small JPEG thumbnail as base64 (what CVS returns as face1/face2 crops). */
export async function thumbnailBase64(bytes: Uint8Array, size = 48): Promise<string> {
  const thumb = await sharp(bytes).resize(size, size, { fit: "cover" }).jpeg({ quality: 70 }).toBuffer();
  return thumb.toString("base64");
}
