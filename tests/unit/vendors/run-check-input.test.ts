import { describe, expect, it } from "vitest";
import { runCheck, type MediaInput } from "@/lib/vendors";
import { defaultPolicies } from "@/lib/policy";

const selfie: MediaInput = { role: "selfie", bytes: Buffer.from("x"), mime: "image/jpeg", filename: "s.jpg" };
import { closedPortUrl } from "../../integration/vendors/sandbox-test-kit";

// Nothing listens there: a request that got this far would be vendor_unreachable, not the reasons below.
const config = { baseUrl: await closedPortUrl("/kairos"), credentials: { appId: "a", appKey: "b" }, timeoutMs: 500, maxRetries: 0, backoffMs: 0 };

describe("runCheck refuses bad input before any request, as an error outcome", () => {
  it("unsupported check type", async () => {
    const result = await runCheck({ vendor: "kairos", checkType: "face_match", media: [selfie], config });
    expect(result).toMatchObject({ outcome: "error", attempts: [], reasons: [{ code: "unsupported_check_type", category: "input" }] });
  });

  it("missing credentials, named without echoing values", async () => {
    const result = await runCheck({ vendor: "kairos", checkType: "liveness_selfie", media: [selfie], config: { ...config, credentials: { appId: "secret-id" } } });
    expect(result.reasons[0]).toMatchObject({ code: "invalid_config", message: "Invalid vendor config: appKey" });
    expect(JSON.stringify(result)).not.toContain("secret-id");
  });

  it("a policy of another vendor", async () => {
    const result = await runCheck({ vendor: "kairos", checkType: "liveness_selfie", media: [selfie], config, policy: defaultPolicies["fpt.liveness_video"] });
    expect(result.reasons[0].code).toBe("invalid_policy");
  });

  it("missing media", async () => {
    const result = await runCheck({ vendor: "cvs", checkType: "liveness_3angle", media: [], config: { ...config, credentials: { apiKey: "k", apiSecret: "s" } } });
    expect(result.reasons.map((r) => r.message)).toEqual(["Missing media: portrait_left", "Missing media: portrait_mid", "Missing media: portrait_right"]);
  });

  it("an unreachable vendor is a transient error with the attempt kept", async () => {
    const result = await runCheck({ vendor: "kairos", checkType: "liveness_selfie", media: [selfie], config });
    expect(result.reasons[0]).toMatchObject({ code: "vendor_unreachable", category: "transient" });
    expect(result.attempts).toHaveLength(1);
    expect(result.attempts[0].networkError).toMatch(/ECONNREFUSED/);
  });
});
