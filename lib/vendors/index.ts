/**
 * The vendor layer: one interface over every vendor API. Nothing here knows whether a base URL
 * points at the real vendor or at the local sandbox.
 */
export { runCheck, type RunCheckInput } from "@/lib/vendors/run-check";
export { normalizeVendorResponse, type NormalizeResponseInput } from "@/lib/vendors/normalize-response";
export { testConnection, type ConnectionStatus, type ConnectionTestResult } from "@/lib/vendors/test-connection";
export { checkMediaLimits } from "@/lib/vendors/check-media-limits";
export {
  findCheckSpec,
  listVendorsForCheck,
  sandboxBaseUrl,
  vendorRegistry,
  type CheckSpec,
  type MediaLimits,
  type VendorInfo,
} from "@/lib/vendors/vendor-registry";
export { sandboxScenarios, listScenarioNames, type ScenarioInfo } from "@/lib/vendors/sandbox-scenarios";
export * from "@/lib/vendors/types";
