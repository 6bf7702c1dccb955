import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { getGateSavings } from "@/lib/dashboards/get-gate-savings";
import { analyseImage } from "@/lib/face-engine/analyse-image";
import { readFixture } from "@/lib/face-engine/face-fixtures";
import { deleteFacesOfMedia } from "@/lib/face-engine/media-faces";
import { stopBoss } from "@/lib/jobs/boss";
import type { JobQueues } from "@/lib/jobs/queues";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import type { RunningSandbox } from "@/lib/sandbox/start-sandbox";
import { createVerification } from "@/lib/verifications/create-verification";
import { verificationRequestSchema, type IncomingFile } from "@/lib/verifications/verification-input";
import { getVerificationJson } from "@/lib/verifications/verification-json";
import { RunWaiter, startSandboxForVendors } from "../verifications/pipeline-support";

// The engine as a vendor in the pipeline, and "check quality first": real photos, the real engine
// in a real worker, real HTTP to the CVS sandbox (which must receive nothing when the gate stops).

const actor = { kind: "system", label: "quality-gate-test" } as const;
let sandbox: RunningSandbox;
let worker: RunningWorker;
const waiter = new RunWaiter();

beforeAll(async () => {
  sandbox = await startSandboxForVendors();
  // The built-in defaults: on for console uploads, off for API traffic.
  await db.qualityGateSetting.deleteMany();
  // Models load once, before the tests (slow on a busy machine).
  await analyseImage(await readFixture("people/sample3-face1.jpg"));
  const h = waiter.handler;
  worker = await startWorker<JobQueues>({ handlers: { "vendor-call.cvs": h, "vendor-call.local": h }, pollingIntervalSeconds: 0.5, log: () => {} });
}, 120_000);
afterAll(async () => {
  await worker.stop();
  await stopBoss();
  await sandbox.close();
  await disconnectDb();
});

const grey = () => sharp({ create: { width: 640, height: 480, channels: 3, background: { r: 120, g: 120, b: 120 } } }).jpeg().toBuffer();
// Distinct bytes per test (the sandbox answers by file hash; the engine does not care).
const withNoise = async (bytes: Buffer) => sharp(bytes).jpeg({ quality: 80 + Math.floor(Math.random() * 15) }).toBuffer();

async function create(files: IncomingFile[], source: "upload" | "api", vendors: string[]) {
  const request = verificationRequestSchema.parse({ checkType: "face_match", vendors, reference: `gate-${randomUUID().slice(0, 8)}` });
  const { id } = await createVerification(actor, { request, files, source });
  return id;
}

async function runsOf(id: string) {
  return db.vendorRun.findMany({ where: { verificationId: id }, orderBy: { vendor: "asc" } });
}

describe("the engine as a vendor, and the quality gate", () => {
  it("console upload with a picture without a face: the engine answers no_face for image 2 and CVS is never called", async () => {
    sandbox.clearRequests();
    const id = await create(
      [
        { role: "image1", bytes: await withNoise(await readFixture("people/sample3-face1.jpg")), filename: "card.jpg" },
        { role: "image2", bytes: await grey(), filename: "selfie.jpg" },
      ],
      "upload",
      ["cvs"],
    );
    const before = await runsOf(id);
    expect(before.map((r) => [r.vendor, r.status])).toEqual([["cvs", "queued"], ["local", "queued"]]);
    await waiter.forRuns(before.filter((r) => r.vendor === "local").map((r) => r.id));

    const runs = await runsOf(id);
    expect(runs.find((r) => r.vendor === "cvs")).toMatchObject({ status: "cancelled", skippedByGate: true, outcome: null });
    expect(runs.find((r) => r.vendor === "local")).toMatchObject({ status: "completed", outcome: "fail" });
    expect(sandbox.requests("cvs")).toHaveLength(0);
    const json = await getVerificationJson(id);
    expect(json?.status).toBe("completed");
    expect(json?.qualityGate).toEqual({ status: "stopped", problems: [{ role: "image2", code: "no_face", message: "No face found in image 2" }], skippedVendors: ["cvs"] });
    // The dashboards count the saved call.
    const today = new Date().toISOString().slice(0, 10);
    const savings = await getGateSavings({ from: today, to: today, bucket: "day", tz: "UTC", checkType: "face_match", source: "upload", includeSandbox: true });
    expect(savings.byVendor.find((s) => s.vendor === "cvs")?.saved).toBeGreaterThanOrEqual(1);

    // The faces the engine found are stored per media, and retention can delete them.
    const media = await db.media.findMany({ where: { verificationId: id }, include: { faces: true }, orderBy: { role: "asc" } });
    expect(media.map((m) => [m.role, m.faces.length])).toEqual([["image1", 1], ["image2", 0]]);
    expect(media[0].faces[0].embedding).toHaveLength(1024);
    expect(await db.$transaction((tx) => deleteFacesOfMedia(tx, media.map((m) => m.id)))).toBe(1);
    expect(await db.mediaFace.count({ where: { mediaId: { in: media.map((m) => m.id) } } })).toBe(0);
  });

  it("console upload with two faces: the gate lets CVS be called once the engine has read the media", async () => {
    sandbox.clearRequests();
    const id = await create(
      [
        { role: "image1", bytes: await withNoise(await readFixture("same-person/example-left.jpg")), filename: "a.jpg" },
        { role: "image2", bytes: await withNoise(await readFixture("same-person/example-right.jpg")), filename: "b.jpg" },
      ],
      "upload",
      ["cvs"],
    );
    const runs = await runsOf(id);
    await waiter.forRuns(runs.map((r) => r.id));
    expect((await runsOf(id)).map((r) => [r.vendor, r.status, r.skippedByGate])).toEqual([["cvs", "completed", false], ["local", "completed", false]]);
    expect(sandbox.requests("cvs")).toHaveLength(1);
    expect((await getVerificationJson(id))?.qualityGate).toMatchObject({ status: "passed", problems: [], skippedVendors: [] });
  });

  it("API traffic (gate off by default): CVS is called at once and the engine is not added", async () => {
    sandbox.clearRequests();
    const id = await create(
      [
        { role: "image1", bytes: await withNoise(await readFixture("people/sample3-face1.jpg")), filename: "a.jpg" },
        { role: "image2", bytes: await grey(), filename: "b.jpg" },
      ],
      "api",
      ["cvs"],
    );
    const runs = await runsOf(id);
    expect(runs.map((r) => r.vendor)).toEqual(["cvs"]);
    await waiter.forRuns(runs.map((r) => r.id));
    expect(sandbox.requests("cvs")).toHaveLength(1);
    expect((await getVerificationJson(id))?.qualityGate).toBeNull();
  });
});
