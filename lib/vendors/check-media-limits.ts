import { readMp4DurationSeconds, readMp4VideoSize } from "@/lib/media/mp4-boxes";
import type { ReasonTemplate } from "@/lib/vendors/reasons";
import { buildReason } from "@/lib/vendors/reasons";
import type { CheckType, MediaInput, Reason, VendorId } from "@/lib/vendors/types";
import { findCheckSpec } from "@/lib/vendors/vendor-registry";

const limitReason = (code: string, severity: "warning" | "error"): ReasonTemplate => ({ code, message: "", severity, category: "input" });

/**
 * Checks media against the limits the vendor documents, before sending: what an upload form or the
 * REST API should tell a person. runCheck does not refuse over-limit media (the vendor answers with its
 * own code), so this is advisory for callers. Hard limits are errors; accuracy recommendations are warnings.
 */
export function checkMediaLimits(vendor: VendorId, checkType: CheckType, media: readonly MediaInput[]): Reason[] {
  const spec = findCheckSpec(vendor, checkType);
  if (!spec) return [];
  const reasons: Reason[] = [];
  for (const item of media) {
    const limits = spec.limits[item.role];
    if (!limits) continue;
    const at = `${item.role} (${item.filename})`;
    if (limits.maxBytes !== undefined && item.bytes.length > limits.maxBytes) {
      reasons.push(buildReason(limitReason("media_too_large", "error"), null, `${at} is larger than ${limits.maxBytes} bytes`));
    }
    const extension = item.filename.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? "";
    if (limits.extensions && !limits.extensions.includes(extension)) {
      reasons.push(buildReason(limitReason("unsupported_file_type", "error"), null, `${at}: allowed extensions are ${limits.extensions.join(" ")}`));
    }
    if (limits.mimeTypes && !limits.mimeTypes.includes(item.mime.toLowerCase())) {
      reasons.push(buildReason(limitReason("unsupported_media_type", "warning"), null, `${at}: expected ${limits.mimeTypes.join(" or ")}`));
    }
    if (limits.minDurationS !== undefined || limits.maxDurationS !== undefined) {
      const duration = readMp4DurationSeconds(item.bytes);
      const tooShort = duration !== null && limits.minDurationS !== undefined && duration < limits.minDurationS;
      const tooLong = duration !== null && limits.maxDurationS !== undefined && duration > limits.maxDurationS + 0.5;
      if (tooShort || tooLong) {
        reasons.push(
          buildReason(limitReason("video_duration_out_of_range", "error"), null, `${at} lasts ${duration?.toFixed(1)} s; expected ${limits.minDurationS}–${limits.maxDurationS} s`),
        );
      }
      const size = readMp4VideoSize(item.bytes);
      if (size && limits.minHeight !== undefined && Math.min(size.width, size.height) < limits.minHeight) {
        reasons.push(buildReason(limitReason("video_resolution_low", "warning"), null, `${at} is ${size.width}×${size.height}; at least 720p is recommended`));
      }
    }
  }
  return reasons;
}
