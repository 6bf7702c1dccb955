import type { MediaLimits } from "@/lib/vendors/vendor-registry";
import { vendorRegistry } from "@/lib/vendors/vendor-registry";
import type { CheckType, MediaRole, VendorId } from "@/lib/vendors/types";

// Words for the enum values, shared by the verification pages and (later) the review queue.
// Client-safe: only types and the client-safe vendor registry.

export const CHECK_TYPE_LABELS: Record<CheckType, { title: string; explanation: string }> = {
  liveness_3angle: { title: "Liveness — 3 angles", explanation: "Three portraits (left, middle, right) prove a live person turned their head." },
  liveness_video: { title: "Liveness — video", explanation: "A short selfie video, optionally matched against an ID photo." },
  face_match: { title: "Face match", explanation: "Two faces (an ID card or portrait, and a portrait) compared for the same person." },
  liveness_selfie: { title: "Liveness — selfie", explanation: "One selfie judged live or spoofed (photo of a photo, screen, mask)." },
};

export const ROLE_LABELS: Record<MediaRole, string> = {
  portrait_left: "Portrait — left",
  portrait_mid: "Portrait — middle",
  portrait_right: "Portrait — right",
  video: "Video",
  id_image: "ID image",
  image1: "Image 1 — ID card or portrait",
  image2: "Image 2 — portrait",
  selfie: "Selfie",
};

export const SOURCE_LABELS = { upload: "Upload", api: "API", ingest: "Ingested" } as const;

/** Short vendor names for badges and messages ("FPT's 10 MB limit"). */
export const VENDOR_SHORT_NAMES: Record<VendorId, string> = {
  cvs: "CVS",
  fpt: "FPT",
  biometric_kz: "biometric.kz",
  kairos: "Kairos",
  local: "Engine",
};

export function vendorDisplayName(vendor: VendorId): string {
  return vendorRegistry[vendor].displayName;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  const mb = bytes / (1024 * 1024);
  return `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB`;
}

export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return "—";
  if (ms < 1000) return `${ms} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}

/** "mp4, 5–6 s, ≤10 MB" — the limits a drop zone states next to its label. */
export function describeLimits(limits: MediaLimits | undefined): string | null {
  if (!limits) return null;
  const parts: string[] = [];
  if (limits.extensions?.length) parts.push(limits.extensions.map((e) => e.replace(/^\./, "")).join("/"));
  if (limits.minDurationS !== undefined && limits.maxDurationS !== undefined) parts.push(`${limits.minDurationS}–${limits.maxDurationS} s`);
  else if (limits.minDurationS !== undefined) parts.push(`≥${limits.minDurationS} s`);
  else if (limits.maxDurationS !== undefined) parts.push(`≤${limits.maxDurationS} s`);
  if (limits.minWidth !== undefined && limits.minHeight !== undefined) parts.push(`≥${limits.minWidth}×${limits.minHeight}`);
  if (limits.maxBytes !== undefined) parts.push(`≤${formatBytes(limits.maxBytes)}`);
  return parts.length ? parts.join(", ") : null;
}

/** "2024-03-10 12:00:05 UTC": the same text on the server and in every browser (no hydration drift), and the list's date filter is in UTC days too. */
export function formatDateTime(value: Date | string | null | undefined): string {
  if (!value) return "—";
  const iso = typeof value === "string" ? value : value.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)} UTC`;
}
