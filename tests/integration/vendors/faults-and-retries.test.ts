import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseFaultsEnv } from "@/lib/sandbox/faults";
import { startSandbox, type RunningSandbox } from "@/lib/sandbox/start-sandbox";
import { runCheck, type MediaInput, type VendorCallConfig, type VendorId } from "@/lib/vendors";
import { expectValidResult, jpeg, mp4, reasonCodes, sandboxConfig } from "./sandbox-test-kit";

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

const selfieCheck = async (overrides: Partial<VendorCallConfig> = {}, scenario = "pass") =>
  expectValidResult(
    await runCheck({ vendor: "biometric_kz", checkType: "liveness_selfie", media: [await jpeg("selfie", scenario)], config: sandboxConfig(sandbox, "biometric_kz", overrides) }),
  );

async function putFault(vendor: string, fault: unknown): Promise<Response> {
  return fetch(`${sandbox.url}/_sandbox/faults/${vendor}`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(fault) });
}

describe("retries", () => {
  it("retries 5xx and succeeds when the vendor recovers (next 2 requests → 503)", async () => {
    expect((await putFault("biometric_kz", { status5xx: 503, remaining: 2 })).status).toBe(200);
    const result = await selfieCheck({ maxRetries: 2 });
    expect(result.outcome).toBe("pass");
    expect(result.attempts.map((a) => a.httpStatus)).toEqual([503, 503, 200]);
    expect(sandbox.requests("biometric_kz")).toHaveLength(3);
    expect(result.attempts.every((a) => a.startedAt.length > 0 && a.latencyMs >= 0)).toBe(true);
  });

  it("gives up after maxRetries on a persistent 5xx: error, transient, raw kept", async () => {
    sandbox.setFault("biometric_kz", { status5xx: 502 });
    const result = await selfieCheck({ maxRetries: 1 });
    expect(result.outcome).toBe("error");
    expect(result.reasons).toMatchObject([{ code: "vendor_unavailable", category: "transient", vendorCode: "HTTP 502" }]);
    expect(result.httpStatus).toBe(502);
    expect(result.raw).toBe("Service Unavailable");
    expect(result.attempts).toHaveLength(2);
  });

  it("never retries a 4xx", async () => {
    const result = await selfieCheck({ maxRetries: 3 }, "no_subscription");
    expect(result.httpStatus).toBe(400);
    expect(result.attempts).toHaveLength(1);
    expect(sandbox.requests("biometric_kz")).toHaveLength(1);
  });

  it("retries a connection reset", async () => {
    sandbox.setFault("biometric_kz", { connectionReset: true, remaining: 1 });
    const result = await selfieCheck({ maxRetries: 1 });
    expect(result.outcome).toBe("pass");
    expect(result.attempts[0]).toMatchObject({ httpStatus: null });
    // The socket's or the HTTP client's code is kept, for the run's attempt history.
    expect(result.attempts[0].networkError).toMatch(/ECONNRESET|UND_ERR_SOCKET/);
    expect(result.attempts[1]).toMatchObject({ httpStatus: 200, networkError: null });
    expect(sandbox.requests("biometric_kz")).toHaveLength(2);
  });

  it("a persistent connection reset ends as vendor_unreachable", async () => {
    sandbox.setFault("kairos", { connectionReset: true });
    const result = await runCheck({ vendor: "kairos", checkType: "liveness_selfie", media: [await jpeg("selfie")], config: sandboxConfig(sandbox, "kairos", { maxRetries: 2 }) });
    expect(result.outcome).toBe("error");
    expect(result.reasons).toMatchObject([{ code: "vendor_unreachable", category: "transient" }]);
    expect(result.attempts).toHaveLength(3);
    expect(result.httpStatus).toBeNull();
  });

  it("a timeout ends as an error with the attempt history kept", async () => {
    sandbox.setFault("fpt", { timeout: true });
    const result = expectValidResult(
      await runCheck({ vendor: "fpt", checkType: "liveness_video", media: [await mp4("pass")], config: sandboxConfig(sandbox, "fpt", { timeoutMs: 60, maxRetries: 1 }) }),
    );
    expect(result.outcome).toBe("error");
    expect(result.reasons).toEqual([{ code: "timeout", message: "The vendor did not answer in time", vendorCode: null, severity: "error", category: "transient" }]);
    expect(result.attempts).toHaveLength(2);
    expect(result.attempts.map((a) => a.networkError)).toEqual(["timeout", "timeout"]);
    expect(result.attempts.every((a) => a.latencyMs >= 55)).toBe(true);
    expect(sandbox.requests("fpt")).toHaveLength(2);
  });

  it("latency below the timeout is only slower", async () => {
    sandbox.setFault("biometric_kz", { latencyMs: 40, remaining: 1 });
    const result = await selfieCheck({ timeoutMs: 2_000 });
    expect(result.outcome).toBe("pass");
    expect(result.attempts[0].latencyMs).toBeGreaterThanOrEqual(35);
  });

  it("a deterministic rate faults every 2nd request", async () => {
    sandbox.setFault("biometric_kz", { status5xx: true, rate: 0.5 });
    const outcomes = [];
    for (let i = 0; i < 4; i += 1) outcomes.push((await selfieCheck({ maxRetries: 0 })).outcome);
    expect(outcomes).toEqual(["pass", "error", "pass", "error"]);
  });
});

describe("bodies that do not fit the document", () => {
  it("malformed JSON is retried like a 5xx, then error malformed_response with the raw text kept", async () => {
    sandbox.setFault("cvs", { malformedJson: true });
    const result = expectValidResult(
      await runCheck({
        vendor: "cvs",
        checkType: "face_match",
        media: [await jpeg("image1", "pass"), await jpeg("image2")],
        config: sandboxConfig(sandbox, "cvs"),
      }),
    );
    expect(result.outcome).toBe("error");
    expect(reasonCodes(result)).toEqual(["malformed_response"]);
    expect(result.reasons[0].category).toBe("vendor");
    expect(typeof result.raw).toBe("string");
    expect(String(result.raw)).toMatch(/^\{"data":/);
    expect(result.httpStatus).toBe(200);
    // maxRetries 2: the answer cut short is asked for twice more.
    expect(result.attempts.map((a) => a.httpStatus)).toEqual([200, 200, 200]);
  });

  it("a truncated answer that recovers on the retry is used", async () => {
    sandbox.setFault("kairos", { malformedJson: true, remaining: 1 });
    const result = await runCheck({ vendor: "kairos", checkType: "liveness_selfie", media: [await jpeg("selfie", "pass")], config: sandboxConfig(sandbox, "kairos") });
    expect(result.outcome).toBe("pass");
    expect(result.attempts).toHaveLength(2);
  });

  it("an HTML page with 200 → error malformed_response, raw HTML kept", async () => {
    sandbox.setFault("kairos", { htmlError: true });
    const result = await runCheck({ vendor: "kairos", checkType: "liveness_selfie", media: [await jpeg("selfie")], config: sandboxConfig(sandbox, "kairos") });
    expect(result.outcome).toBe("error");
    expect(reasonCodes(result)).toEqual(["malformed_response"]);
    expect(String(result.raw)).toContain("<!DOCTYPE html>");
    // A proxy's page is retried like a 5xx before it is taken as the answer.
    expect(result.attempts).toHaveLength(3);
  });

  it("an HTML 502 page is retried, then vendor_unavailable with the HTML kept", async () => {
    sandbox.setFault("fpt", { htmlError: true, status5xx: 502 });
    const result = await runCheck({ vendor: "fpt", checkType: "liveness_video", media: [await mp4()], config: sandboxConfig(sandbox, "fpt", { maxRetries: 1 }) });
    expect(result.attempts.map((a) => a.httpStatus)).toEqual([502, 502]);
    expect(reasonCodes(result)).toEqual(["vendor_unavailable"]);
    expect(String(result.raw)).toContain("502 Error");
  });
});

describe("vendor-specific injected answers", () => {
  const mediaFor = async (vendor: VendorId): Promise<{ checkType: "liveness_3angle" | "liveness_video" | "liveness_selfie"; media: MediaInput[] }> => {
    if (vendor === "cvs") return { checkType: "liveness_3angle", media: [await jpeg("portrait_left"), await jpeg("portrait_mid"), await jpeg("portrait_right")] };
    if (vendor === "fpt") return { checkType: "liveness_video", media: [await mp4()] };
    return { checkType: "liveness_selfie", media: [await jpeg("selfie")] };
  };

  for (const vendor of ["cvs", "fpt", "biometric_kz", "kairos"] as const) {
    it(`${vendor}: quotaExhausted → quota, badCredentials → auth`, async () => {
      sandbox.setFault(vendor, { quotaExhausted: true, remaining: 1 });
      const quota = await runCheck({ vendor, ...(await mediaFor(vendor)), config: sandboxConfig(sandbox, vendor) });
      expect(quota.outcome).toBe("error");
      expect(quota.reasons.map((r) => r.category)).toEqual(["quota"]);
      sandbox.setFault(vendor, { badCredentials: true, remaining: 1 });
      const auth = await runCheck({ vendor, ...(await mediaFor(vendor)), config: sandboxConfig(sandbox, vendor) });
      expect(auth.reasons.map((r) => r.category)).toEqual(["auth"]);
      const after = await runCheck({ vendor, ...(await mediaFor(vendor)), config: sandboxConfig(sandbox, vendor) });
      expect(after.reasons.map((r) => r.category)).not.toContain("auth");
    });
  }
});

describe("sandbox admin API", () => {
  it("PUT, GET, DELETE a fault; remaining counts down", async () => {
    expect(await (await putFault("kairos", { status5xx: 500, remaining: 2 })).json()).toEqual({ vendor: "kairos", fault: { status5xx: 500, remaining: 2 }, remaining: 2 });
    await runCheck({ vendor: "kairos", checkType: "liveness_selfie", media: [await jpeg("selfie")], config: sandboxConfig(sandbox, "kairos", { maxRetries: 0 }) });
    expect(await (await fetch(`${sandbox.url}/_sandbox/faults/kairos`)).json()).toMatchObject({ remaining: 1 });
    expect(await (await fetch(`${sandbox.url}/_sandbox/faults`)).json()).toHaveProperty("kairos");
    expect((await fetch(`${sandbox.url}/_sandbox/faults/kairos`, { method: "DELETE" })).status).toBe(204);
    expect(await (await fetch(`${sandbox.url}/_sandbox/faults/kairos`)).json()).toEqual({ vendor: "kairos", fault: null, remaining: null });
  });

  it("rejects an invalid fault and an unknown vendor", async () => {
    const invalid = await putFault("fpt", { status5xx: 404 });
    expect(invalid.status).toBe(400);
    expect(await invalid.json()).toHaveProperty("details");
    expect((await putFault("fpt", { explode: true })).status).toBe(400);
    expect((await putFault("acme", { timeout: true })).status).toBe(404);
  });

  it("lists requests per vendor, scenarios per vendor", async () => {
    await selfieCheck();
    const requests = (await (await fetch(`${sandbox.url}/_sandbox/requests?vendor=biometric_kz`)).json()) as unknown[];
    expect(requests).toEqual([expect.objectContaining({ vendor: "biometric_kz", method: "POST", path: "/biometric/api/v1/backend/liveness/short/", faulted: false })]);
    const scenarios = (await (await fetch(`${sandbox.url}/_sandbox/scenarios/fpt`)).json()) as { name: string }[];
    expect(scenarios.map((s) => s.name)).toContain("need_to_review");
    expect((await fetch(`${sandbox.url}/nowhere`)).status).toBe(404);
  });

  it("takes faults at start (SANDBOX_FAULTS)", async () => {
    const faults = parseFaultsEnv('{"cvs":{"status5xx":503,"remaining":1}}');
    expect(faults).toEqual({ cvs: { status5xx: 503, remaining: 1 } });
    expect(() => parseFaultsEnv('{"cvs":{"status5xx":"x"}}')).toThrow(/SANDBOX_FAULTS is invalid/);
    expect(() => parseFaultsEnv("{nope")).toThrow(/not valid JSON/);
    const other = await startSandbox({ port: 0, faults });
    try {
      const result = await runCheck({
        vendor: "cvs",
        checkType: "face_match",
        media: [await jpeg("image1", "pass"), await jpeg("image2")],
        config: sandboxConfig(other, "cvs", { maxRetries: 1 }),
      });
      expect(result.attempts.map((a) => a.httpStatus)).toEqual([503, 200]);
      expect(result.outcome).toBe("pass");
    } finally {
      await other.close();
    }
  });
});
