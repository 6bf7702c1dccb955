import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startSandbox, type RunningSandbox } from "@/lib/sandbox/start-sandbox";
import { kairosScenarioNames } from "@/lib/vendors/kairos/kairos-scenarios";
import { defaultPolicies } from "@/lib/policy";
import { runCheck, testConnection, type MediaInput, type Outcome } from "@/lib/vendors";
import { expectValidResult, jpeg, reasonCodes, sandboxConfig } from "./sandbox-test-kit";

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

const expectations: Record<string, [Outcome, string[]]> = {
  pass: ["pass", []],
  borderline: ["review", ["liveness_borderline"]],
  not_live: ["fail", ["not_live"]],
  no_face: ["error", ["face_not_found"]],
  multiple_faces: ["review", ["multiple_faces"]],
  unexpected_response_code: ["review", ["unexpected_response_code"]],
  auth_failed: ["error", ["auth_failed"]],
  quota_exhausted: ["error", ["quota_exhausted"]],
  server_error: ["error", ["vendor_unavailable"]],
  invalid_request: ["error", ["invalid_request"]],
};

const run = (selfie: MediaInput, config = sandboxConfig(sandbox, "kairos"), threshold?: number) =>
  runCheck({
    vendor: "kairos",
    checkType: "liveness_selfie",
    media: [selfie],
    config,
    policy: threshold === undefined ? undefined : { ...defaultPolicies["kairos.liveness_selfie"], threshold, version: "t" },
  });

describe("Kairos liveness-verification over HTTP", () => {
  it("has an expectation for every scenario", () => {
    expect(Object.keys(expectations).sort()).toEqual([...kairosScenarioNames].sort());
  });

  for (const [scenario, [outcome, codes]] of Object.entries(expectations)) {
    it(`scenario ${scenario} → ${outcome}`, async () => {
      const result = expectValidResult(await run(await jpeg("selfie", scenario)));
      expect(result.outcome).toBe(outcome);
      expect(reasonCodes(result)).toEqual(codes);
    });
  }

  it("5xx is retried (maxRetries + 1 attempts); 401 and 403 are not", async () => {
    const failing = await run(await jpeg("selfie", "server_error"), sandboxConfig(sandbox, "kairos", { maxRetries: 3 }));
    expect(failing.attempts.map((a) => a.httpStatus)).toEqual([500, 500, 500, 500]);
    expect(sandbox.requests("kairos")).toHaveLength(4);
    sandbox.clearRequests();
    const unauthorized = await run(await jpeg("selfie", "auth_failed"), sandboxConfig(sandbox, "kairos", { maxRetries: 3 }));
    expect(unauthorized.attempts).toHaveLength(1);
    const limited = await run(await jpeg("selfie", "quota_exhausted"), sandboxConfig(sandbox, "kairos", { maxRetries: 3 }));
    expect(limited.attempts).toHaveLength(1);
    expect(sandbox.requests("kairos")).toHaveLength(2);
  });

  it("sends the policy threshold; the verdict is faces_liveness >= threshold", async () => {
    const result = await run(await jpeg("selfie", "borderline"), sandboxConfig(sandbox, "kairos"), 0.3);
    const score = Number(result.vendorVerdict.faces_liveness);
    expect(score).toBeGreaterThan(0.3);
    expect(score).toBeLessThan(0.35);
    expect(result.vendorVerdict).toMatchObject({ threshold: 0.3, live: true, response_code: 2 });
    expect(result.liveness).toEqual({ isLive: true, score });
    expect(result.outcome).toBe("review");
  });

  it("wrong app_key → 401 → auth_failed", async () => {
    const result = await run(await jpeg("selfie", "pass"), sandboxConfig(sandbox, "kairos", { credentials: { appId: "sandbox_app", appKey: "nope" } }));
    expect(result.httpStatus).toBe(401);
    expect(result.reasons).toMatchObject([{ code: "auth_failed", category: "auth", vendorCode: "HTTP 401" }]);
  });

  it("is doc-faithful: the Python sample (headers app_id/app_key, files selfie named 'file', data threshold) works unchanged", async () => {
    const form = new FormData();
    form.append("selfie", new Blob([new Uint8Array((await jpeg("selfie", "not_live")).bytes)]), "file");
    form.append("threshold", "0.6");
    const response = await fetch(`${sandbox.url}/kairos/v0.1/liveness-verification`, {
      method: "POST",
      headers: { app_id: "sandbox_app", app_key: "sandbox_key" },
      body: form,
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual(["api_req_uid", "processed_at", "requested_at", "response_code", "response_data"]);
    expect(body).toMatchObject({ response_code: 2, response_data: { faces_liveness: 0, img: { height: 48, width: 48 } } });
    expect(body.processed_at).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it("testConnection: ok, auth_failed, unreachable", async () => {
    expect((await testConnection("kairos", sandboxConfig(sandbox, "kairos"))).status).toBe("ok");
    expect((await testConnection("kairos", sandboxConfig(sandbox, "kairos", { credentials: { appId: "a", appKey: "b" } }))).status).toBe("auth_failed");
    sandbox.setFault("kairos", { connectionReset: true });
    expect((await testConnection("kairos", sandboxConfig(sandbox, "kairos", { maxRetries: 0 }))).status).toBe("unreachable");
  });
});
