import type { ScenarioInfo } from "@/lib/vendors/sandbox-scenarios";

/** Sandbox scenarios for Kairos liveness verification: every documented answer, plus face-count cases. */
export const kairosScenarios = [
  { name: "pass", description: "faces_liveness well above the threshold sent", vendorCode: "200" },
  { name: "borderline", description: "faces_liveness just above the threshold sent", vendorCode: "200" },
  { name: "not_live", description: "the document's sample: faces_liveness 0.0", vendorCode: "200" },
  { name: "no_face", description: "faces_predicted is empty", vendorCode: "200" },
  { name: "multiple_faces", description: "two faces predicted", vendorCode: "200" },
  { name: "unexpected_response_code", description: "response_code 3 (undocumented value)", vendorCode: "200" },
  { name: "auth_failed", description: "HTTP 401: authentication failure", vendorCode: "401" },
  { name: "quota_exhausted", description: "HTTP 403: usage limit reached", vendorCode: "403" },
  { name: "server_error", description: "HTTP 500 on every attempt", vendorCode: "500" },
  { name: "invalid_request", description: "HTTP 400 (assumed: a refused request)", vendorCode: "400" },
] as const satisfies readonly ScenarioInfo[];

export type KairosScenario = (typeof kairosScenarios)[number]["name"];
export const kairosScenarioNames: KairosScenario[] = kairosScenarios.map((s) => s.name);
