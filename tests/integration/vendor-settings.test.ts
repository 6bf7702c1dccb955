import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptSecret } from "@/lib/crypto/secret-box";
import { db, disconnectDb } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { startSandbox, type RunningSandbox } from "@/lib/sandbox/start-sandbox";
import { testVendorConnection } from "@/lib/vendor-settings/test-vendor-connection";
import { vendorConfigInputSchema } from "@/lib/vendor-settings/vendor-config-schemas";
import { ensureDefaultVendorConfigs, getVendorRuntimeConfig, updateVendorConfig } from "@/lib/vendor-settings/vendor-configs";
import { getActivePolicy, savePolicy } from "@/lib/vendor-settings/vendor-policies";

const actor = { kind: "cli", label: "test" } as const;
let sandbox: RunningSandbox;

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  await db.vendorConfig.deleteMany();
  await ensureDefaultVendorConfigs({ sandboxUrl: sandbox.url });
});
afterAll(async () => {
  // Leave the vendors' documented defaults for the suites that run after this one.
  await db.vendorPolicy.deleteMany({ where: { createdById: null, vendor: "cvs", checkType: "face_match" } });
  await sandbox.close();
  await disconnectDb();
});

function input(overrides: Record<string, unknown>) {
  return vendorConfigInputSchema.parse({
    vendor: "kairos", enabled: true, baseUrl: `${sandbox.url}/kairos`, timeoutMs: 5000, maxRetries: 1, concurrency: 2, ratePerSecond: "", credentials: {},
    ...overrides,
  });
}

describe("vendor configuration", () => {
  it("defaults every vendor to the sandbox with its documented credentials, encrypted at rest", async () => {
    const row = await db.vendorConfig.findUniqueOrThrow({ where: { vendor: "cvs" }, omit: { credentialsEncrypted: false } });
    expect(row.baseUrl).toBe(`${sandbox.url}/cvs`);
    expect(row.enabled).toBe(true);
    expect(row.credentialsEncrypted).not.toContain("sandbox_secret");
    expect(JSON.parse(decryptSecret(row.credentialsEncrypted!))).toEqual({ apiKey: "sandbox_key", apiSecret: "sandbox_secret" });
    expect(row.credentialsMasked).toEqual({ apiKey: "sand••••ey", apiSecret: "sand••••et" });
    const runtime = await getVendorRuntimeConfig("fpt");
    expect(runtime?.call).toMatchObject({ baseUrl: `${sandbox.url}/fpt`, credentials: { apiKey: "sandbox_key" } });
  });

  it("keeps stored credentials when a field is left blank, and audits only masked values", async () => {
    await updateVendorConfig(actor, input({ credentials: { appId: "", appKey: "rotated_key_123" }, timeoutMs: 7000 }));
    const runtime = await getVendorRuntimeConfig("kairos");
    expect(runtime?.call.credentials).toEqual({ appId: "sandbox_app", appKey: "rotated_key_123" });
    expect(runtime?.call.timeoutMs).toBe(7000);
    const event = await db.auditEvent.findFirstOrThrow({ where: { action: "vendor_config.updated", targetId: "kairos" }, orderBy: { id: "desc" } });
    expect(JSON.stringify([event.before, event.after])).not.toContain("rotated_key_123");
    expect(event.after).toMatchObject({ timeoutMs: 7000, credentials: { appKey: "rota••••23" } });
  });

  it("tests the connection against the vendor: refused credentials, then good ones", async () => {
    const refused = await testVendorConnection(actor, "kairos");
    expect(refused).toMatchObject({ ok: false, status: "auth_failed" });
    await updateVendorConfig(actor, input({ credentials: { appKey: "sandbox_key" } }));
    const ok = await testVendorConnection(actor, "kairos");
    expect(ok).toMatchObject({ ok: true, status: "ok" });
    await updateVendorConfig(actor, input({ baseUrl: "http://127.0.0.1:1/kairos" }));
    expect((await testVendorConnection(actor, "kairos")).status).toBe("unreachable");
    await updateVendorConfig(actor, input({}));
  });

  it("rejects bad input with the field named, and changes nothing", async () => {
    const parsed = vendorConfigInputSchema.safeParse({ vendor: "kairos", enabled: true, baseUrl: "ftp://x", timeoutMs: "10", maxRetries: 9, concurrency: 0, ratePerSecond: "-1" });
    expect(parsed.success).toBe(false);
    const fields = new Set(parsed.error?.issues.map((i) => i.path.join(".")));
    expect(fields).toEqual(new Set(["baseUrl", "timeoutMs", "maxRetries", "concurrency", "ratePerSecond"]));
    const before = await db.vendorConfig.findUniqueOrThrow({ where: { vendor: "kairos" } });
    await expect(updateVendorConfig(actor, input({ credentials: { secretThing: "x" } }))).rejects.toBeInstanceOf(ValidationError);
    expect((await db.vendorConfig.findUniqueOrThrow({ where: { vendor: "kairos" } })).updatedAt).toEqual(before.updatedAt);
  });
});

describe("decision policies", () => {
  it("starts from the vendor's documented defaults, then versions every save", async () => {
    await db.vendorPolicy.deleteMany({ where: { vendor: "cvs", checkType: "face_match" } });
    const initial = await getActivePolicy("cvs", "face_match");
    expect(initial).toMatchObject({ policyId: null, version: 0, policy: { matchAbove: 0.75, borderlineFrom: 0.65 } });
    const v1 = await savePolicy(actor, "cvs", "face_match", { matchAbove: 0.8, borderlineFrom: 0.7, reviewOnQualityWarning: true });
    const v2 = await savePolicy(actor, "cvs", "face_match", { matchAbove: 0.85, borderlineFrom: 0.7, reviewOnQualityWarning: false });
    expect([v1.version, v2.version]).toEqual([1, 2]);
    const active = await getActivePolicy("cvs", "face_match");
    expect(active).toMatchObject({ policyId: v2.id, version: 2, policy: { kind: "cvs.face_match", version: "v2", matchAbove: 0.85 } });
    const events = await db.auditEvent.findMany({ where: { action: "vendor_policy.saved", targetId: "cvs.face_match" }, orderBy: { id: "asc" } });
    expect(events.at(-1)?.before).toMatchObject({ version: 1 });
    expect(events.at(-1)?.after).toMatchObject({ version: 2, settings: { matchAbove: 0.85 } });
  });

  it("refuses an invalid policy and a vendor that does not serve the check type", async () => {
    const count = await db.vendorPolicy.count();
    await expect(savePolicy(actor, "kairos", "liveness_selfie", { threshold: 1.5 })).rejects.toMatchObject({ fieldErrors: { threshold: [expect.any(String)] } });
    await expect(savePolicy(actor, "kairos", "face_match", {})).rejects.toThrow(/does not serve/);
    expect(await db.vendorPolicy.count()).toBe(count);
  });
});
