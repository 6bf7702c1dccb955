import sharp from "sharp";
import { getMediaEnv } from "@/lib/media/media-env";

export interface ImageFacts {
  // As displayed: EXIF orientation applied (a portrait shot sideways with orientation 6 is tall).
  width: number;
  height: number;
  // As stored in the file, before orientation.
  storedWidth: number;
  storedHeight: number;
  // EXIF orientation 1–8; 1 when absent.
  orientation: number;
  format: string;
}

// sharp on untrusted bytes: a pixel-count limit against decompression bombs.
export function openImage(bytes: Uint8Array, maxPixels = getMediaEnv().MEDIA_MAX_IMAGE_PIXELS) {
  return sharp(bytes, { limitInputPixels: maxPixels, failOn: "error" });
}

/**
 * Size and orientation of an image; throws when the bytes do not decode or exceed the pixel limit.
 * The whole image is decoded (to a tiny size, so a JPEG decodes at 1/8 scale), since the header
 * alone says nothing of the rest: a file cut in half or with undecodable data fails here, on
 * upload, not later in a thumbnail job or at the vendor.
 */
export async function inspectImage(bytes: Uint8Array, maxPixels = getMediaEnv().MEDIA_MAX_IMAGE_PIXELS): Promise<ImageFacts> {
  // metadata() reads only the header; the pixel limit is checked here with a clearer message.
  const meta = await sharp(bytes).metadata();
  if (!meta.width || !meta.height) throw new Error("the image has no size");
  if (meta.width * meta.height > maxPixels) {
    throw new Error(`the image is ${meta.width}×${meta.height} pixels; at most ${maxPixels} pixels are accepted`);
  }
  await openImage(bytes, maxPixels).resize(64, 64, { fit: "inside" }).raw().toBuffer();
  return {
    width: meta.autoOrient.width,
    height: meta.autoOrient.height,
    storedWidth: meta.width,
    storedHeight: meta.height,
    orientation: meta.orientation ?? 1,
    format: meta.format,
  };
}
