import { findCheckSpec } from "@/lib/vendors/vendor-registry";
import type { CheckType, MediaRole, VendorId } from "@/lib/vendors/types";

// Pure: which of a verification's media each vendor received (the roles its API takes for the
// check type), and whether the compared runs looked at the same files at all — CVS's face_match
// compares image1 with image2, FPT's compares a video with an ID image.

export interface SentMedia<M extends { id: string; role: MediaRole }> {
  vendor: VendorId;
  media: M[];
}

export function mediaSentTo<M extends { id: string; role: MediaRole }>(vendor: VendorId, checkType: CheckType, media: M[]): M[] {
  const spec = findCheckSpec(vendor, checkType);
  if (!spec) return [];
  const order = [...spec.requiredRoles, ...spec.optionalRoles];
  return media.filter((m) => order.includes(m.role)).sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role));
}

// "Image 1 — ID card or portrait" → "Image 1": the sentence names files, the thumbnails say more.
const shortRole = (label: string) => label.split(" — ")[0] ?? label;

/** Null when every vendor got the same files; else one sentence per vendor saying what it got. */
export function describeDifferentMedia<M extends { id: string; role: MediaRole }>(
  columns: SentMedia<M>[],
  names: { vendor: Record<VendorId, string>; role: Record<MediaRole, string> },
): string | null {
  if (columns.length < 2) return null;
  const key = (c: SentMedia<M>) => c.media.map((m) => m.id).sort().join(",");
  if (new Set(columns.map(key)).size === 1) return null;
  const parts = columns.map((c) => `${names.vendor[c.vendor]} got ${c.media.length ? c.media.map((m) => shortRole(names.role[m.role])).join(" and ") : "no media"}`);
  return `These runs compared different files: ${parts.join("; ")}. Their answers are not about the same media.`;
}
