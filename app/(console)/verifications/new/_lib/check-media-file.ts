import { formatBytes, VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import type { MediaSlot } from "./media-slots";

// Client-side checks of one chosen file against the chosen vendors' documented limits, worded as
// "video (clip.mp4): 12.4 MB is over FPT's 10 MB limit". The server checks again from the bytes and
// has the last word; this saves an upload that would be refused.

export interface FileFacts {
  name: string;
  size: number;
  /** The browser's idea of the type (from the extension); may be empty. */
  type: string;
  /** Read from the decoded file; null when the browser could not decode it. */
  width: number | null;
  height: number | null;
  durationS: number | null;
  decoded: boolean;
}

export interface FileCheck {
  errors: string[];
  warnings: string[];
}

// What Verdict stores at all, whatever the vendor (lib/media/media-types.ts).
const IMAGE_MIMES = ["image/jpeg", "image/png", "image/webp"];
const VIDEO_MIMES = ["video/mp4", "video/quicktime"];
const IMAGE_EXTENSIONS = [".jpg", ".jpeg", ".png", ".webp"];
const VIDEO_EXTENSIONS = [".mp4", ".mov"];
// Same tolerance as the server (lib/vendors/check-media-limits.ts): a 6.4 s clip is a 6 s clip.
const DURATION_TOLERANCE_S = 0.5;

export function extensionOf(name: string): string {
  return name.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? "";
}

export function checkFileFacts(slot: MediaSlot, file: FileFacts): FileCheck {
  const errors: string[] = [];
  const warnings: string[] = [];
  const at = `${slot.role} (${file.name})`;
  const ext = extensionOf(file.name);
  const isVideo = slot.role === "video";
  const kindMimes = isVideo ? VIDEO_MIMES : IMAGE_MIMES;
  const kindExtensions = isVideo ? VIDEO_EXTENSIONS : IMAGE_EXTENSIONS;
  const kindOk = file.type ? kindMimes.includes(file.type) : kindExtensions.includes(ext);
  if (!kindOk) {
    errors.push(`${at}: ${file.type || ext || "this file"} is not ${isVideo ? "an MP4 or QuickTime video" : "a JPEG, PNG or WebP image"}.`);
    return { errors, warnings };
  }
  if (file.size === 0) errors.push(`${at}: the file is empty.`);

  for (const { vendor, limits } of slot.limits) {
    const name = VENDOR_SHORT_NAMES[vendor];
    if (limits.maxBytes !== undefined && file.size > limits.maxBytes) {
      errors.push(`${at}: ${formatBytes(file.size)} is over ${name}'s ${formatBytes(limits.maxBytes)} limit.`);
    }
    const extOk = !limits.extensions || limits.extensions.includes(ext);
    if (!extOk) errors.push(`${at}: ${name} accepts only ${limits.extensions!.join(", ")} files.`);
    if (extOk && limits.mimeTypes && file.type && !limits.mimeTypes.includes(file.type)) {
      errors.push(`${at}: ${name} accepts only ${limits.mimeTypes.join(" or ")}, this file is ${file.type}.`);
    }
    if (file.durationS !== null && (limits.minDurationS !== undefined || limits.maxDurationS !== undefined)) {
      const tooShort = limits.minDurationS !== undefined && file.durationS < limits.minDurationS;
      const tooLong = limits.maxDurationS !== undefined && file.durationS > limits.maxDurationS + DURATION_TOLERANCE_S;
      if (tooShort || tooLong) {
        const range = [limits.minDurationS, limits.maxDurationS].filter((n) => n !== undefined).join("–");
        errors.push(`${at}: lasts ${file.durationS.toFixed(1)} s; ${name} needs ${range} s.`);
      }
    }
    // Resolution is a recommendation for accuracy in the vendors' documents, not a refusal.
    if (file.width !== null && file.height !== null && limits.minHeight !== undefined) {
      const short = Math.min(file.width, file.height);
      const tooSmall = isVideo ? short < limits.minHeight : file.width < (limits.minWidth ?? 0) || file.height < limits.minHeight;
      if (tooSmall) {
        warnings.push(`${at}: ${file.width}×${file.height} is below ${name}'s recommended ${limits.minWidth ?? "?"}×${limits.minHeight}.`);
      }
    }
  }
  if (!file.decoded) {
    if (isVideo) warnings.push(`${at}: this browser cannot play the video, so its duration and size were not checked here; the server will.`);
    else errors.push(`${at}: the image could not be decoded; is it a damaged file?`);
  }
  return { errors, warnings };
}

/** Decodes the file in the browser to learn its resolution and duration. */
export function readFileFacts(file: File): Promise<FileFacts> {
  const base = { name: file.name, size: file.size, type: file.type };
  const url = URL.createObjectURL(file);
  const done = (facts: Omit<FileFacts, "name" | "size" | "type">) => {
    URL.revokeObjectURL(url);
    return { ...base, ...facts };
  };
  const failed = { width: null, height: null, durationS: null, decoded: false };
  const isVideo = file.type.startsWith("video/") || VIDEO_EXTENSIONS.includes(extensionOf(file.name));
  return new Promise((resolve) => {
    if (isVideo) {
      const video = document.createElement("video");
      video.preload = "metadata";
      video.muted = true;
      video.onloadedmetadata = () =>
        resolve(done({ width: video.videoWidth || null, height: video.videoHeight || null, durationS: Number.isFinite(video.duration) ? video.duration : null, decoded: true }));
      video.onerror = () => resolve(done(failed));
      video.src = url;
    } else {
      const image = new Image();
      image.onload = () => resolve(done({ width: image.naturalWidth, height: image.naturalHeight, durationS: null, decoded: true }));
      image.onerror = () => resolve(done(failed));
      image.src = url;
    }
  });
}
