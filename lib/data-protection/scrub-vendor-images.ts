// Vendors' raw answers may echo the face: CVS face_matching returns `face1` / `face2` as base64
// crops. When media are purged those image fields go too; every other field (scores, codes) stays.

// Keys that hold an image in a documented vendor answer.
const IMAGE_KEYS = new Set(["face1", "face2"]);
// Any other long base64 run (or data: URL) is treated as an image too: an undocumented echo must not survive.
const LONG_BASE64 = /^(data:image\/[a-z+.-]+;base64,)?[A-Za-z0-9+/=\s]{512,}$/;

export const PURGED_MARK = "[purged]";

function isImageString(key: string | null, value: string) {
  if (value === "" || value === PURGED_MARK) return false;
  return (key !== null && IMAGE_KEYS.has(key)) || LONG_BASE64.test(value);
}

/** A copy of `value` with image fields replaced by "[purged]", and whether anything changed. */
export function scrubVendorImages(value: unknown, key: string | null = null): { value: unknown; changed: boolean } {
  if (typeof value === "string") return isImageString(key, value) ? { value: PURGED_MARK, changed: true } : { value, changed: false };
  if (Array.isArray(value)) {
    let changed = false;
    const out = value.map((item) => {
      const scrubbed = scrubVendorImages(item, key);
      changed ||= scrubbed.changed;
      return scrubbed.value;
    });
    return { value: changed ? out : value, changed };
  }
  if (value && typeof value === "object") {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const scrubbed = scrubVendorImages(v, k);
      changed ||= scrubbed.changed;
      out[k] = scrubbed.value;
    }
    return { value: changed ? out : value, changed };
  }
  return { value, changed: false };
}
