import { Hono } from "hono";
import { readForm, readFormFile, readFormText } from "@/lib/sandbox/read-request-media";
import { pickScenario, scoreBetween } from "@/lib/sandbox/scenario-selection";
import type { SandboxEnv, VendorSandbox } from "@/lib/sandbox/sandbox-types";
import { BIOMETRIC_KZ_LIVENESS_PATH } from "@/lib/vendors/biometric-kz/biometric-kz-adapter";
import { biometricKzScenarioNames, biometricKzScenarios, type BiometricKzScenario } from "@/lib/vendors/biometric-kz/biometric-kz-scenarios";
import { vendorRegistry } from "@/lib/vendors/vendor-registry";

/**
 * biometric.kz Liveness Short emulator (document 003). Assumptions where the document is silent:
 * errors are `{"detail": "<text of the table>"}`; a wrong or missing api_key gets
 * 400 "Client does not have access to Liveness technology" (the only access error documented);
 * a missing image gets a DRF-style field error `{"image": ["No file was submitted."]}`;
 * bodies are strict JSON (`null`, where the document prints Python's `None`).
 */
const allowedExtensions = [".jpg", ".png", ".jpeg"];

const detail = (status: 400 | 415, text: string) => Response.json({ detail: text }, { status });
const noAccess = () => detail(400, "Client does not have access to Liveness technology");
const noActiveSubscription = () => detail(400, "No active or future subscription for technology");

function scenarioAnswer(scenario: BiometricKzScenario, jitter: number): Response {
  const createdAt = new Date().toISOString();
  switch (scenario) {
    case "pass":
      return Response.json({ result: true, prediction: scoreBetween(jitter, 0.9, 0.999, 6).toFixed(6), created_at: createdAt, failure_reason: null });
    case "borderline":
      return Response.json({ result: true, prediction: scoreBetween(jitter, 0.51, 0.54, 6).toFixed(6), created_at: createdAt, failure_reason: null });
    case "not_live":
      // The document's second sample, typo included.
      return Response.json({ result: false, prediction: "0.235123", created_at: createdAt, failure_reason: { type: "CALC_RESULT", detail: "Low overall prediciton" } });
    case "service_unavailable":
      return detail(400, "Could not send image to liveness service");
    case "no_access":
      return noAccess();
    case "subscription_not_started":
      return detail(400, "Subscription has not started");
    case "no_active_subscription":
      return noActiveSubscription();
    case "no_subscription":
      return detail(400, "Client does not have subscription");
    case "unsupported_file":
      return detail(415, "Not allowed file, valid extensions: .jpg .png .jpeg");
  }
}

function createBiometricKzRoutes(): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  app.post(BIOMETRIC_KZ_LIVENESS_PATH, async (c) => {
    const form = await readForm(c);
    if (readFormText(form, "api_key") !== vendorRegistry.biometric_kz.sandboxCredentials.apiKey) return noAccess();
    const image = await readFormFile(form, "image");
    if (!image) return c.json({ image: ["No file was submitted."] }, 400);
    const extension = image.filename.toLowerCase().match(/\.[a-z0-9]+$/)?.[0] ?? "";
    if (!allowedExtensions.includes(extension)) return detail(415, "Not allowed file, valid extensions: .jpg .png .jpeg");
    const picked = pickScenario([image.bytes], biometricKzScenarioNames, { pass: "pass", review: "borderline", fail: "not_live" });
    return scenarioAnswer(picked.scenario, picked.jitter);
  });
  return app;
}

export const biometricKzSandbox: VendorSandbox = {
  vendor: "biometric_kz",
  pathPrefix: "/biometric",
  scenarios: biometricKzScenarios,
  createRoutes: createBiometricKzRoutes,
  respondQuotaExhausted: noActiveSubscription,
  respondBadCredentials: noAccess,
};
