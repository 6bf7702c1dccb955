import type { ScenarioInfo } from "@/lib/vendors/sandbox-scenarios";

/** Sandbox scenarios for biometric.kz Liveness Short: one per documented answer. */
export const biometricKzScenarios = [
  { name: "pass", description: "result true, high prediction, failure_reason null", vendorCode: "200" },
  { name: "borderline", description: "result true with a prediction just above 0.5", vendorCode: "200" },
  { name: "not_live", description: "result false, failure_reason CALC_RESULT (the document's second sample)", vendorCode: "200 CALC_RESULT" },
  { name: "service_unavailable", description: "400 Could not send image to liveness service", vendorCode: "400" },
  { name: "no_access", description: "400 Client does not have access to Liveness technology", vendorCode: "400" },
  { name: "subscription_not_started", description: "400 Subscription has not started", vendorCode: "400" },
  { name: "no_active_subscription", description: "400 No active or future subscription for technology", vendorCode: "400" },
  { name: "no_subscription", description: "400 Client does not have subscription", vendorCode: "400" },
  { name: "unsupported_file", description: "415 Not allowed file, valid extensions: .jpg .png .jpeg", vendorCode: "415" },
] as const satisfies readonly ScenarioInfo[];

export type BiometricKzScenario = (typeof biometricKzScenarios)[number]["name"];
export const biometricKzScenarioNames: BiometricKzScenario[] = biometricKzScenarios.map((s) => s.name);
