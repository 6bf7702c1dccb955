import type { MediaRole } from "@/lib/generated/prisma/enums";

// The media Verdict stores, identified from the bytes. Vendor rules (e.g. biometric.kz takes only
// JPEG/PNG) are stricter and checked by the vendor layer against `mime`/`ext`.
export const IMAGE_TYPES = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/webp": "webp",
} as const;

export const VIDEO_TYPES = {
  "video/mp4": "mp4",
  "video/quicktime": "mov",
} as const;

export type ImageMime = keyof typeof IMAGE_TYPES;
export type VideoMime = keyof typeof VIDEO_TYPES;
export type MediaKind = "image" | "video";

export interface SniffedType {
  kind: MediaKind;
  mime: ImageMime | VideoMime;
  // The canonical extension of the sniffed type, without a dot: "jpg", "png", "webp", "mp4", "mov".
  ext: string;
}

// Which kind of file each role carries.
export function kindOfRole(role: MediaRole): MediaKind {
  return role === "video" ? "video" : "image";
}

export function isImageMime(mime: string): mime is ImageMime {
  return Object.hasOwn(IMAGE_TYPES, mime);
}

export function isVideoMime(mime: string): mime is VideoMime {
  return Object.hasOwn(VIDEO_TYPES, mime);
}

export function describeAllowed(kind: MediaKind | "any"): string {
  const images = "a JPEG, PNG or WebP image";
  const videos = "an MP4 or QuickTime (.mov) video";
  if (kind === "image") return images;
  if (kind === "video") return videos;
  return `${images}, or ${videos}`;
}
