import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { analyseImage } from "@/lib/face-engine/analyse-image";
import { readFixture } from "@/lib/face-engine/face-fixtures";
import { searchFacesFromUpload, type PictureSearcher } from "@/lib/face-search/search-uploaded-picture";
import { stopBoss } from "@/lib/jobs/boss";
import type { JobQueues } from "@/lib/jobs/queues";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { sha256Hex } from "@/lib/media/hash-bytes";
import { ensureDefaultVendorConfigs } from "@/lib/vendor-settings/vendor-configs";
import { createVerification } from "@/lib/verifications/create-verification";
import { verificationRequestSchema } from "@/lib/verifications/verification-input";
import { RunWaiter } from "../verifications/pipeline-support";

// Search by face from an uploaded picture, with the real engine on real photos and real
// PostgreSQL: the request is a real multipart body read by the same code as POST /api/face-search.
// The database is shared with other files that index the same photos: assertions look at this
// file's own reference and audit rows (found by the picture's hash).

const tag = randomUUID().slice(0, 8);
const system = { kind: "system", label: "picture-search-test" } as const;
const reviewerLabel = `picture-search-reviewer-${tag}`;
const reviewer: PictureSearcher = { role: "reviewer", actor: { kind: "system", label: reviewerLabel } };
const DUPLICATE_THRESHOLD = 0.7;
let worker: RunningWorker;
const waiter = new RunWaiter();
let indexedReference: string;

function uploadRequest(parts: { picture?: { bytes: Buffer; name: string }; face?: string }) {
  const form = new FormData();
  if (parts.picture) form.set("picture", new Blob([new Uint8Array(parts.picture.bytes)], { type: "image/jpeg" }), parts.picture.name);
  if (parts.face !== undefined) form.set("face", parts.face);
  return new Request("http://verdict.test/api/face-search", { method: "POST", body: form });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  if (!(error instanceof AppError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

beforeAll(async () => {
  await ensureDefaultVendorConfigs({});
  await db.vendorConfig.update({ where: { vendor: "local" }, data: { enabled: true } });
  await analyseImage(await readFixture("same-person/yale-1.jpg"));
  worker = await startWorker<JobQueues>({ handlers: { "vendor-call.local": waiter.handler }, pollingIntervalSeconds: 0.5, log: () => {} });
  // One photo of a person indexed under this file's reference.
  indexedReference = `upload-${tag}`;
  const request = verificationRequestSchema.parse({ checkType: "liveness_selfie", vendors: ["local"], reference: indexedReference });
  const selfie = await sharp(await readFixture("same-person/yale-1.jpg")).jpeg({ quality: 90 }).toBuffer();
  const { id } = await createVerification(system, { request, files: [{ role: "selfie", bytes: selfie, filename: "selfie.jpg" }], source: "api" });
  await waiter.forRuns((await db.vendorRun.findMany({ where: { verificationId: id } })).map((r) => r.id));
}, 180_000);

afterAll(async () => {
  await worker.stop();
  await stopBoss();
  await disconnectDb();
});

describe("search by face from an uploaded picture", () => {
  it("finds the same person's other photo first, stores nothing of the picture and audits the search", async () => {
    const bytes = await readFixture("same-person/yale-2.jpg");
    const mediaBefore = await db.media.count();
    const search = await searchFacesFromUpload(uploadRequest({ picture: { bytes, name: "yale-2.jpg" } }), reviewer);

    expect(search.faces).toHaveLength(1);
    expect(search.searchedFace).toBe(0);
    expect(search.results.length).toBeGreaterThan(0);
    expect(search.results.length).toBeLessThanOrEqual(10);
    // Other files index this person's photos too: whatever ranks above this file's face is the same person.
    const mine = search.results.findIndex((r) => r.reference === indexedReference);
    expect(mine).toBeGreaterThanOrEqual(0);
    for (const r of search.results.slice(0, mine + 1)) expect(r.similarity).toBeGreaterThanOrEqual(DUPLICATE_THRESHOLD);
    expect(search.results[0].similarity).toBeGreaterThanOrEqual(search.results[mine].similarity);

    // Nothing of the picture is kept: no media row, no blob (blobs hang off media rows).
    expect(await db.media.count()).toBe(mediaBefore);
    const sha256 = sha256Hex(bytes);
    const audits = await db.auditEvent.findMany({ where: { action: "face.searched", actorLabel: reviewerLabel, after: { path: ["sha256"], equals: sha256 } } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({ targetType: "face_search", targetId: null });
    expect(audits[0].after).toMatchObject({ from: "uploaded_picture", sha256, faces: 1, face: 0, results: search.results.length });
    // The row holds the hash, not the picture.
    expect(JSON.stringify(audits[0].after).length).toBeLessThan(4000);
  }, 120_000);

  it("with several faces, searches with the largest and says which; another can be chosen", async () => {
    // Two people side by side: this file's person large, another small.
    const large = await sharp(await readFixture("same-person/yale-2.jpg")).resize({ height: 380 }).toBuffer();
    const small = await sharp(await readFixture("people/sample3-face1.jpg")).resize(180, 180).toBuffer();
    const group = await sharp({ create: { width: 640, height: 400, channels: 3, background: { r: 128, g: 128, b: 128 } } })
      .composite([{ input: large, left: 10, top: 10 }, { input: small, left: 420, top: 110 }])
      .jpeg()
      .toBuffer();
    const largest = await searchFacesFromUpload(uploadRequest({ picture: { bytes: group, name: "group.jpg" } }), reviewer);
    expect(largest.faces.length).toBeGreaterThanOrEqual(2);
    expect(largest.searchedFace).toBe(0);
    expect(largest.faces[0].box[0]).toBeLessThan(320);
    expect(largest.results.some((r) => r.reference === indexedReference)).toBe(true);

    const other = await searchFacesFromUpload(uploadRequest({ picture: { bytes: group, name: "group.jpg" }, face: "1" }), reviewer);
    expect(other.searchedFace).toBe(1);
    expect(other.results.find((r) => r.reference === indexedReference)?.similarity ?? 0).toBeLessThan(DUPLICATE_THRESHOLD);
    const audits = await db.auditEvent.findMany({ where: { action: "face.searched", after: { path: ["sha256"], equals: sha256Hex(group) } }, orderBy: { id: "asc" } });
    expect(audits.map((a) => (a.after as { face: number }).face)).toEqual([0, 1]);
  }, 120_000);

  it("answers that no face was found for a picture without one, and audits that too", async () => {
    const bytes = await readFixture("no-face/balloons.jpg");
    const search = await searchFacesFromUpload(uploadRequest({ picture: { bytes, name: "balloons.jpg" } }), reviewer);
    expect(search).toMatchObject({ faces: [], searchedFace: null, results: [] });
    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "face.searched", after: { path: ["sha256"], equals: sha256Hex(bytes) } }, orderBy: { id: "desc" } });
    expect(audit.after).toMatchObject({ from: "uploaded_picture", faces: 0, results: 0 });
    // Choosing a face that is not there is a field error.
    const choice = await refusal(searchFacesFromUpload(uploadRequest({ picture: { bytes, name: "balloons.jpg" }, face: "1" }), reviewer));
    expect(choice.status).toBe(400);
    expect(choice.fieldErrors?.face?.[0]).toMatch(/No face/);
  }, 60_000);

  it("refuses a viewer, junk bytes and a cut-off picture, naming the field; nothing is audited for them", async () => {
    const bytes = await readFixture("same-person/yale-2.jpg");
    const viewer: PictureSearcher = { role: "viewer", actor: { kind: "system", label: `picture-search-viewer-${tag}` } };
    expect((await refusal(searchFacesFromUpload(uploadRequest({ picture: { bytes, name: "yale-2.jpg" } }), viewer))).status).toBe(403);
    expect(await db.auditEvent.count({ where: { actorLabel: `picture-search-viewer-${tag}` } })).toBe(0);
    const reviewerAudits = await db.auditEvent.count({ where: { actorLabel: reviewerLabel } });

    const junk = await refusal(searchFacesFromUpload(uploadRequest({ picture: { bytes: Buffer.from("not a picture at all"), name: "x.jpg" } }), reviewer));
    expect(junk.status).toBe(400);
    expect(junk.fieldErrors?.picture?.[0]).toMatch(/JPEG or PNG/);

    const cut = await refusal(searchFacesFromUpload(uploadRequest({ picture: { bytes: bytes.subarray(0, Math.floor(bytes.length / 2)), name: "cut.jpg" } }), reviewer));
    expect(cut.status).toBe(400);
    expect(cut.fieldErrors?.picture?.[0]).toMatch(/could not be read/);

    const missing = await refusal(searchFacesFromUpload(uploadRequest({}), reviewer));
    expect(missing.fieldErrors?.picture).toBeDefined();
    const badChoice = await refusal(searchFacesFromUpload(uploadRequest({ picture: { bytes, name: "yale-2.jpg" }, face: "first" }), reviewer));
    expect(badChoice.fieldErrors?.face).toBeDefined();
    expect(await db.auditEvent.count({ where: { actorLabel: reviewerLabel } })).toBe(reviewerAudits);
  }, 60_000);

  it("says the engine is switched off instead of failing", async () => {
    await db.vendorConfig.update({ where: { vendor: "local" }, data: { enabled: false } });
    try {
      const off = await refusal(searchFacesFromUpload(uploadRequest({ picture: { bytes: await readFixture("same-person/yale-2.jpg"), name: "yale-2.jpg" } }), reviewer));
      expect(off.status).toBe(422);
      expect(off.message).toMatch(/switched off/);
    } finally {
      await db.vendorConfig.update({ where: { vendor: "local" }, data: { enabled: true } });
    }
  });
});
