import { describeLimits, ROLE_LABELS } from "@/lib/verifications/verification-labels";
import type { CheckType, MediaRole, VendorId } from "@/lib/vendors/types";
import { findCheckSpec, type MediaLimits } from "@/lib/vendors/vendor-registry";

// Which files a verification needs for the chosen vendors, and the limits each file must meet:
// the union of the vendors' required roles, each role checked against every vendor that takes it.

export interface VendorLimit {
  vendor: VendorId;
  limits: MediaLimits;
}

export interface MediaSlot {
  role: MediaRole;
  required: boolean;
  /** Vendors that use this file. */
  vendors: VendorId[];
  /** Per vendor, so a message can name the vendor whose rule a file breaks. */
  limits: VendorLimit[];
  /** The strictest combination, for the label. */
  merged: MediaLimits;
  label: string;
}

const ROLE_ORDER: MediaRole[] = ["portrait_left", "portrait_mid", "portrait_right", "selfie", "image1", "image2", "video", "id_image"];

export function mergeLimits(list: readonly MediaLimits[]): MediaLimits {
  const merged: MediaLimits = {};
  for (const l of list) {
    if (l.maxBytes !== undefined) merged.maxBytes = Math.min(merged.maxBytes ?? Infinity, l.maxBytes);
    if (l.extensions) merged.extensions = merged.extensions ? merged.extensions.filter((e) => l.extensions!.includes(e)) : [...l.extensions];
    if (l.mimeTypes) merged.mimeTypes = merged.mimeTypes ? merged.mimeTypes.filter((m) => l.mimeTypes!.includes(m)) : [...l.mimeTypes];
    if (l.minDurationS !== undefined) merged.minDurationS = Math.max(merged.minDurationS ?? 0, l.minDurationS);
    if (l.maxDurationS !== undefined) merged.maxDurationS = Math.min(merged.maxDurationS ?? Infinity, l.maxDurationS);
    if (l.minWidth !== undefined) merged.minWidth = Math.max(merged.minWidth ?? 0, l.minWidth);
    if (l.minHeight !== undefined) merged.minHeight = Math.max(merged.minHeight ?? 0, l.minHeight);
  }
  return merged;
}

export function listMediaSlots(checkType: CheckType, vendors: readonly VendorId[]): MediaSlot[] {
  const slots = new Map<MediaRole, { required: boolean; vendors: VendorId[]; limits: VendorLimit[] }>();
  for (const vendor of vendors) {
    const spec = findCheckSpec(vendor, checkType);
    if (!spec) continue;
    const roles: [MediaRole, boolean][] = [...spec.requiredRoles.map((r): [MediaRole, boolean] => [r, true]), ...spec.optionalRoles.map((r): [MediaRole, boolean] => [r, false])];
    for (const [role, required] of roles) {
      const slot = slots.get(role) ?? { required: false, vendors: [], limits: [] };
      slot.required ||= required;
      slot.vendors.push(vendor);
      const limits = spec.limits[role];
      if (limits) slot.limits.push({ vendor, limits });
      slots.set(role, slot);
    }
  }
  return [...slots.entries()]
    .sort(([a], [b]) => ROLE_ORDER.indexOf(a) - ROLE_ORDER.indexOf(b))
    .map(([role, slot]) => {
      const merged = mergeLimits(slot.limits.map((l) => l.limits));
      const details = [slot.required ? null : "optional", describeLimits(merged)].filter(Boolean);
      return { role, ...slot, merged, label: details.length ? `${ROLE_LABELS[role]} (${details.join(", ")})` : ROLE_LABELS[role] };
    });
}

/** The `accept` attribute of a role's file input. */
export function acceptFor(slot: MediaSlot): string {
  if (slot.merged.extensions?.length) return [...slot.merged.extensions, ...(slot.merged.mimeTypes ?? [])].join(",");
  return slot.role === "video" ? "video/mp4,video/quicktime,.mp4,.mov" : "image/jpeg,image/png,image/webp,.jpg,.jpeg,.png,.webp";
}
