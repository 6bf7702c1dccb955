/**
 * The vendor layer: one interface over every vendor API. Nothing here knows whether a base URL
 * points at the real vendor or at the local sandbox.
 */
export { runCheck } from "@/lib/vendors/run-check";
export { normalizeVendorResponse } from "@/lib/vendors/normalize-response";
export { testConnection } from "@/lib/vendors/test-connection";
export { checkMediaLimits } from "@/lib/vendors/check-media-limits";
export { listVendorsForCheck, sandboxBaseUrl, vendorRegistry } from "@/lib/vendors/vendor-registry";
export * from "@/lib/vendors/types";
