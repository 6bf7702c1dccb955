import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { parseDashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { loadDashboards } from "@/lib/dashboards/load-dashboards";
import { stopBoss } from "@/lib/jobs/boss";
import type { RunningWorker } from "@/lib/jobs/worker";
import { createSampleImage } from "@/lib/sandbox/sample-media";
import { startSandbox, type RunningSandbox } from "@/lib/sandbox/start-sandbox";
import { findSandboxVendors } from "@/lib/vendor-settings/find-sandbox-vendors";
import { isSandboxBaseUrl } from "@/lib/vendor-settings/sandbox-base-url";
import { ensureDefaultVendorConfigs, updateVendorConfig } from "@/lib/vendor-settings/vendor-configs";
import { vendorConfigInputSchema } from "@/lib/vendor-settings/vendor-config-schemas";
import { createVerification } from "@/lib/verifications/create-verification";
import { findVerifications } from "@/lib/verifications/find-verifications";
import { verificationRequestSchema } from "@/lib/verifications/verification-input";
import { getVerificationJson } from "@/lib/verifications/verification-json";
import { RunWaiter, startSandboxForVendors, startVendorWorker } from "./verifications/pipeline-support";

// Sandbox answers are marked at call time: by the vendor config (its base URL is the built-in
// sandbox's) or by the sandbox's own `Verdict-Sandbox: 1` header, never by the adapters.
const actor = { kind: "system", label: "sandbox-answers-test" } as const;
const tag = Math.random().toString(36).slice(2, 8);
let sandbox: RunningSandbox;
let otherSandbox: RunningSandbox;
let standIn: Server;
let standInUrl: string;
let worker: RunningWorker;
const waiter = new RunWaiter();

// A stand-in for the real Kairos: speaks its protocol (by relaying each request to a sandbox
// instance) but answers with the status, type and body only, as a real vendor would, without the
// sandbox's header.
function startStandInVendor(relayTo: string): Promise<Server> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers = Object.fromEntries(Object.entries(req.headers).filter(([k, v]) => typeof v === "string" && !["host", "content-length", "connection"].includes(k))) as Record<string, string>;
      fetch(`${relayTo}${req.url}`, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined })
        .then(async (answer) => {
          res.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" });
          res.end(Buffer.from(await answer.arrayBuffer()));
        })
        .catch(() => {
          res.writeHead(502);
          res.end();
        });
    });
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

beforeAll(async () => {
  sandbox = await startSandboxForVendors();
  otherSandbox = await startSandbox({ port: 0 });
  standIn = await startStandInVendor(otherSandbox.url);
  standInUrl = `http://127.0.0.1:${(standIn.address() as AddressInfo).port}`;
  worker = await startVendorWorker(waiter);
});
afterAll(async () => {
  await worker.stop();
  await stopBoss();
  // Leave every vendor on the suite's sandbox defaults for the files that run after this one.
  await db.vendorConfig.deleteMany();
  await ensureDefaultVendorConfigs({ sandboxUrl: sandbox.url });
  await new Promise<void>((resolve) => standIn.close(() => resolve()));
  await otherSandbox.close();
  await sandbox.close();
  await disconnectDb();
});

function kairosConfig(baseUrl: string) {
  return vendorConfigInputSchema.parse({ vendor: "kairos", enabled: true, baseUrl, timeoutMs: 5000, maxRetries: 1, concurrency: 2, ratePerSecond: "", credentials: {} });
}

async function runKairos(reference: string, seed: number) {
  const selfie = await createSampleImage({ scenario: "pass", seed, width: 640, height: 480 });
  const request = verificationRequestSchema.parse({ checkType: "liveness_selfie", vendors: ["kairos"], reference });
  const { id } = await createVerification(actor, { request, files: [{ role: "selfie", bytes: selfie, filename: "selfie.jpg" }], source: "api" });
  const runs = await db.vendorRun.findMany({ where: { verificationId: id } });
  await waiter.forRuns(runs.map((r) => r.id));
  return db.verification.findUniqueOrThrow({ where: { id }, include: { runs: true } });
}

const ids: Record<"sandbox" | "standIn" | "otherSandbox" | "ingest", string> = { sandbox: "", standIn: "", otherSandbox: "", ingest: "" };

describe("sandbox answers", () => {
  it("tells a base URL on the sandbox's server from any other", () => {
    const at = "http://127.0.0.1:4010/kairos";
    expect(isSandboxBaseUrl("http://127.0.0.1:4010/kairos", at)).toBe(true);
    expect(isSandboxBaseUrl("http://localhost:4010/cvs/", at)).toBe(true);
    expect(isSandboxBaseUrl("http://127.0.0.1:4011/kairos", at)).toBe(false);
    expect(isSandboxBaseUrl("https://idv-eu.kairos.com", at)).toBe(false);
    expect(isSandboxBaseUrl("http://127.0.0.1:4010/kairos", null)).toBe(false);
    expect(isSandboxBaseUrl("not a url", at)).toBe(false);
  });

  it("marks a run the built-in sandbox answered over HTTP, in the database and the API", async () => {
    const config = await db.vendorConfig.findUniqueOrThrow({ where: { vendor: "kairos" } });
    expect(config).toMatchObject({ sandbox: true, sandboxBaseUrl: `${sandbox.url}/kairos` });
    expect((await findSandboxVendors()).sandbox).toEqual(expect.arrayContaining(["kairos", "cvs", "fpt", "biometric_kz"]));

    const v = await runKairos(`sbx-${tag}-a`, 11);
    ids.sandbox = v.id;
    expect(v.runs[0]).toMatchObject({ status: "completed", sandbox: true });
    expect(v.runs[0].attempts).toEqual([expect.objectContaining({ httpStatus: 200, sandbox: true })]);
    expect((await getVerificationJson(v.id))?.runs[0]).toMatchObject({ vendor: "kairos", sandbox: true });
    const listed = await findVerifications({ reference: `sbx-${tag}-a` });
    expect(listed.rows[0]?.runs).toEqual([expect.objectContaining({ vendor: "kairos", sandbox: true })]);
  });

  it("does not mark a run to a vendor that is not a sandbox, and recomputes the flag on every save", async () => {
    const saved = await updateVendorConfig(actor, kairosConfig(`${standInUrl}/kairos`));
    expect(saved.sandbox).toBe(false);
    const v = await runKairos(`sbx-${tag}-b`, 12);
    ids.standIn = v.id;
    expect(v.runs[0]).toMatchObject({ status: "completed", sandbox: false });
    expect((await getVerificationJson(v.id))?.runs[0]).toMatchObject({ sandbox: false });
    expect((await findSandboxVendors()).sandbox).not.toContain("kairos");
    // The sandbox's address typed by hand, another loopback name and a trailing slash: still the sandbox.
    const back = await updateVendorConfig(actor, kairosConfig(`${sandbox.url.replace("127.0.0.1", "localhost")}/kairos/`));
    expect(back.sandbox).toBe(true);
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "vendor_config.updated", targetId: "kairos" }, orderBy: { at: "desc" } });
    expect(audit.after).toMatchObject({ sandbox: true });
  });

  it("marks the answer of a sandbox Verdict was not started with, by its Verdict-Sandbox header", async () => {
    const saved = await updateVendorConfig(actor, kairosConfig(`${otherSandbox.url}/kairos`));
    expect(saved.sandbox).toBe(false);
    const v = await runKairos(`sbx-${tag}-c`, 13);
    ids.otherSandbox = v.id;
    expect(v.runs[0]).toMatchObject({ status: "completed", sandbox: true });
    await updateVendorConfig(actor, kairosConfig(`${sandbox.url}/kairos`));
  });

  it("never marks an ingested answer", async () => {
    const selfie = await createSampleImage({ scenario: "pass", seed: 14, width: 640, height: 480 });
    const request = verificationRequestSchema.parse({ checkType: "liveness_selfie", vendors: ["kairos"], reference: `sbx-${tag}-d` });
    const body = JSON.stringify({ response_code: 2, message: "ok", status: "success", liveness: { live: true, score: 0.97 } });
    const { id } = await createVerification(actor, { request, files: [{ role: "selfie", bytes: selfie, filename: "selfie.jpg" }], source: "ingest", ingested: { httpStatus: 200, body, contentType: "application/json" } });
    ids.ingest = id;
    expect(await db.vendorRun.findFirstOrThrow({ where: { verificationId: id } })).toMatchObject({ sandbox: false, status: expect.stringMatching(/completed|failed/) });
  });

  it("leaves sandbox answers out of the dashboards unless asked, and the rollups stay exact", async () => {
    // A day of their own, so other suites' rows never count here.
    const day = `2003-0${1 + Math.floor(Math.random() * 9)}-1${Math.floor(Math.random() * 9)}`;
    const at = new Date(`${day}T10:00:00Z`);
    const mine = Object.values(ids);
    await db.verification.updateMany({ where: { id: { in: mine } }, data: { createdAt: at } });
    await db.vendorRun.updateMany({ where: { verificationId: { in: mine } }, data: { requestedAt: at } });

    const filters = (params: Record<string, string>) => parseDashboardFilters({ from: day, to: day, tz: "UTC", vendor: "kairos", ...params });
    const real = await loadDashboards(filters({}));
    const all = await loadDashboards(filters({ sandbox: "include" }));
    // Real answers: the stand-in vendor's run and the ingested one; the two sandbox answers only with the switch.
    expect(real.rates.totals.answers).toBe(2);
    expect(all.rates.totals.answers).toBe(4);
    expect(real.vendorHealth.totals.runs).toBe(2);
    expect(all.vendorHealth.totals.runs).toBe(4);
    // The verifications themselves are counted either way.
    expect(real.rates.totals.verifications).toBe(4);
    const differences = await db.$queryRaw<{ rollup: string; differing_keys: bigint }[]>`SELECT * FROM dash_rollup_differences()`;
    expect(differences.filter((d) => d.differing_keys !== 0n)).toEqual([]);
  });
});
