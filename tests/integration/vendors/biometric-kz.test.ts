import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "@/lib/sandbox/start-sandbox";
import { biometricKzScenarioNames } from "@/lib/vendors/biometric-kz/biometric-kz-scenarios";
import { runCheck, testConnection, type MediaInput, type Outcome, type ReasonCategory } from "@/lib/vendors";
import { expectValidResult, jpeg, png, reasonCodes, sandboxConfig } from "./sandbox-test-kit";

let sandbox: RunningSandbox;
beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
});
afterAll(async () => {
  await sandbox.close();
});
beforeEach(() => {
  sandbox.clearFaults();
  sandbox.clearRequests();
});

const expectations: Record<string, [Outcome, string[], ReasonCategory | null]> = {
  pass: ["pass", [], null],
  borderline: ["review", ["liveness_borderline"], "fraud"],
  not_live: ["fail", ["low_liveness_score"], "fraud"],
  service_unavailable: ["error", ["vendor_unavailable"], "transient"],
  no_access: ["error", ["technology_access_denied"], "auth"],
  subscription_not_started: ["error", ["subscription_not_started"], "quota"],
  no_active_subscription: ["error", ["no_active_subscription"], "quota"],
  no_subscription: ["error", ["no_subscription"], "quota"],
  unsupported_file: ["error", ["unsupported_file_type"], "input"],
};

const run = (selfie: MediaInput, config = sandboxConfig(sandbox, "biometric_kz")) =>
  runCheck({ vendor: "biometric_kz", checkType: "liveness_selfie", media: [selfie], config });

describe("biometric.kz Liveness Short over HTTP", () => {
  it("has an expectation for every scenario", () => {
    expect(Object.keys(expectations).sort()).toEqual([...biometricKzScenarioNames].sort());
  });

  for (const [scenario, [outcome, codes, category]] of Object.entries(expectations)) {
    it(`scenario ${scenario} → ${outcome}`, async () => {
      const result = expectValidResult(await run(await jpeg("selfie", scenario)));
      expect(result.outcome).toBe(outcome);
      expect(reasonCodes(result)).toEqual(codes);
      if (category) expect(result.reasons[0].category).toBe(category);
      // 4xx answers are never retried, not even "could not send image to liveness service".
      expect(result.attempts).toHaveLength(1);
    });
  }

  it("keeps result/prediction as the vendor verdict and prediction as the liveness score", async () => {
    const result = await run(await png("selfie", "not_live"));
    expect(result.vendorVerdict).toEqual({ result: false, prediction: 0.235123, failure_type: "CALC_RESULT" });
    expect(result.liveness).toEqual({ isLive: false, score: 0.235123 });
    expect(result.reasons[0]).toMatchObject({ vendorCode: "CALC_RESULT", message: "Low overall prediciton" });
  });

  it("415 for a file extension outside .jpg .png .jpeg (checked by the vendor, as documented)", async () => {
    const result = await run({ ...(await jpeg("selfie", "pass")), filename: "selfie.webp" });
    expect(result.httpStatus).toBe(415);
    expect(result.reasons).toEqual([
      { code: "unsupported_file_type", message: "Not allowed file, valid extensions: .jpg .png .jpeg", vendorCode: "HTTP 415", severity: "error", category: "input" },
    ]);
    expect(result.raw).toEqual({ detail: "Not allowed file, valid extensions: .jpg .png .jpeg" });
  });

  it("a wrong api_key → 400 access error → auth category", async () => {
    const result = await run(await jpeg("selfie", "pass"), sandboxConfig(sandbox, "biometric_kz", { credentials: { apiKey: "wrong" } }));
    expect(result.outcome).toBe("error");
    expect(result.reasons).toMatchObject([{ code: "technology_access_denied", category: "auth", vendorCode: "Client does not have access to Liveness technology" }]);
  });

  it("is doc-faithful: the node-fetch/Python sample (image then api_key as form fields) works unchanged", async () => {
    const form = new FormData();
    form.append("image", new Blob([new Uint8Array((await jpeg("selfie", "pass")).bytes)], { type: "image/jpeg" }), "face.jpeg");
    form.append("api_key", "sandbox_key");
    const response = await fetch(`${sandbox.url}/biometric/api/v1/backend/liveness/short/`, {
      method: "POST",
      headers: { accept: "application/json" },
      body: form,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["created_at", "failure_reason", "prediction", "result"]);
    expect(body).toMatchObject({ result: true, failure_reason: null });
    expect(typeof body.prediction).toBe("string");
  });

  it("testConnection: ok and auth_failed", async () => {
    expect((await testConnection("biometric_kz", sandboxConfig(sandbox, "biometric_kz"))).status).toBe("ok");
    expect((await testConnection("biometric_kz", sandboxConfig(sandbox, "biometric_kz", { credentials: { apiKey: "bad" } }))).status).toBe("auth_failed");
  });
});
