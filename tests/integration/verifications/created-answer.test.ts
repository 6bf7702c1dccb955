import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { generateThumbnails } from "@/lib/media/generate-thumbnails";
import { createSampleImage } from "@/lib/sandbox/sample-media";
import type { RunningSandbox } from "@/lib/sandbox/start-sandbox";
import { createVerification } from "@/lib/verifications/create-verification";
import { verificationRequestSchema } from "@/lib/verifications/verification-input";
import { getVerificationJson, verificationJsonOf } from "@/lib/verifications/verification-json";
import { RunWaiter, startSandboxForVendors, startVendorWorker } from "./pipeline-support";

// The answer to POST /api/v1/verifications (and …/ingest) is made from the rows as the insert wrote
// them, not read back: it must be exactly what GET /api/v1/verifications/{id} answers at that moment
// (no worker runs here, so nothing changes in between).

const actor = { kind: "system", label: "created-answer-test" } as const;
const tag = randomUUID().slice(0, 8);
// Images no earlier run has stored (and thumbnailed): the database outlives a run.
const seed = 10_000 + Math.floor(Math.random() * 1_000_000);
let sandbox: RunningSandbox;
const queuedRuns: string[] = [];

beforeAll(async () => {
  sandbox = await startSandboxForVendors();
});

afterAll(async () => {
  // Nothing is left queued for a later suite's worker (and its sandbox's request counts): the runs
  // are worked here, once every answer has been compared.
  const waiter = new RunWaiter();
  const worker = await startVendorWorker(waiter);
  await waiter.forRuns(queuedRuns);
  await worker.stop();
  await stopBoss();
  await sandbox?.close();
  await disconnectDb();
});

async function created(input: Parameters<typeof createVerification>[1]) {
  const result = await createVerification(actor, input);
  expect(result.written).not.toBeNull();
  queuedRuns.push(...result.written!.runs.filter((r) => r.status === "queued").map((r) => r.id));
  return { answer: verificationJsonOf(result.written!), readBack: await getVerificationJson(result.id) };
}

describe("the answer of a verification just created", () => {
  it("is what a read gives: queued runs, two new images, a reference and a note", async () => {
    const files = [
      { role: "image2" as const, bytes: await createSampleImage({ seed: seed + 2, width: 640, height: 480 }), filename: "selfie.jpg" },
      { role: "image1" as const, bytes: await createSampleImage({ seed: seed + 1, width: 640, height: 480 }), filename: "card.jpg" },
    ];
    const request = verificationRequestSchema.parse({ checkType: "face_match", vendors: ["cvs"], reference: `answer-${tag}`, note: "face match" });
    const { answer, readBack } = await created({ request, files, source: "api" });
    expect(answer).toEqual(readBack);
    expect(answer.media.map((m) => [m.role, m.thumbnailsReady])).toEqual([["image1", false], ["image2", false]]);
  });

  it("lists the runs of two vendors in the order a read gives", async () => {
    const request = verificationRequestSchema.parse({ checkType: "liveness_selfie", vendors: ["kairos", "biometric_kz"] });
    const files = [{ role: "selfie" as const, bytes: await createSampleImage({ seed: seed + 5, width: 640, height: 480 }), filename: "selfie.jpg" }];
    const { answer, readBack } = await created({ request, files, source: "api" });
    expect(answer).toEqual(readBack);
    expect(answer.runs.map((r) => [r.vendor, r.status])).toEqual(readBack!.runs.map((r) => [r.vendor, "queued"]));
  });

  it("says thumbnails are ready for an image Verdict has seen and thumbnailed before", async () => {
    const bytes = await createSampleImage({ seed: seed + 3, width: 640, height: 480 });
    const request = verificationRequestSchema.parse({ checkType: "liveness_selfie", vendors: ["kairos"] });
    const first = await createVerification(actor, { request, files: [{ role: "selfie", bytes, filename: "a.jpg" }], source: "api" });
    queuedRuns.push(...(first.written?.runs.map((r) => r.id) ?? []));
    const [media] = await db.media.findMany({ where: { verificationId: first.id } });
    await generateThumbnails(media.sha256!);
    const { answer, readBack } = await created({ request, files: [{ role: "selfie", bytes, filename: "b.jpg" }], source: "upload" });
    expect(answer).toEqual(readBack);
    expect(answer.media[0].thumbnailsReady).toBe(true);
  });

  it("is what a read gives for an ingested answer: finished, normalized and raw", async () => {
    const request = verificationRequestSchema.parse({ checkType: "liveness_selfie", vendors: ["biometric_kz"], reference: `ingest-${tag}` });
    const vendorAnswer = { result: true, prediction: "0.91", created_at: "2026-11-27T10:00:00.000Z" };
    const { answer, readBack } = await created({
      request,
      files: [{ role: "selfie", bytes: await createSampleImage({ seed: seed + 4, width: 640, height: 480 }), filename: "selfie.jpg" }],
      source: "ingest",
      ingested: { httpStatus: 200, body: JSON.stringify(vendorAnswer) },
    });
    expect(answer).toEqual(readBack);
    expect(answer).toMatchObject({ status: "completed", runs: [{ vendor: "biometric_kz", status: "completed", raw: { prediction: "0.91" } }] });
  });
});
