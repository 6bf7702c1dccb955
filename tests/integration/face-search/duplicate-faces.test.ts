import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { GET as getSubjectApi } from "@/app/api/v1/subjects/[reference]/route";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb, sqlPool } from "@/lib/db";
import { searchFaceIndex } from "@/lib/face-search/search-face-index";
import { eraseSubject } from "@/lib/data-protection/erase-subject";
import { analyseImage } from "@/lib/face-engine/analyse-image";
import { readFixture } from "@/lib/face-engine/face-fixtures";
import { addFaceBlock, removeFaceBlock } from "@/lib/face-search/face-blocklist";
import { searchFacesFromMedia } from "@/lib/face-search/find-similar-faces";
import { stopBoss } from "@/lib/jobs/boss";
import type { JobQueues } from "@/lib/jobs/queues";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { ruleDetailSchema } from "@/lib/review/get-case";
import { getSubject } from "@/lib/subjects/get-subject";
import { ensureDefaultVendorConfigs } from "@/lib/vendor-settings/vendor-configs";
import { createVerification } from "@/lib/verifications/create-verification";
import { verificationRequestSchema } from "@/lib/verifications/verification-input";
import { RunWaiter } from "../verifications/pipeline-support";

// 1:N face search with the real engine on real photos, in a real worker, on real PostgreSQL.
// The database is shared with other test files (which index the same fixture photos): every
// assertion looks at this file's own references only.

const tag = randomUUID().slice(0, 8);
const actor = { kind: "system", label: "face-search-test" } as const;
let worker: RunningWorker;
const waiter = new RunWaiter();

beforeAll(async () => {
  await ensureDefaultVendorConfigs({});
  await db.vendorConfig.update({ where: { vendor: "local" }, data: { enabled: true } });
  await analyseImage(await readFixture("same-person/yale-1.jpg"));
  worker = await startWorker<JobQueues>({ handlers: { "vendor-call.local": waiter.handler }, pollingIntervalSeconds: 0.5, log: () => {} });
}, 120_000);
afterAll(async () => {
  await worker.stop();
  await stopBoss();
  await disconnectDb();
});

// Distinct bytes per upload, same picture.
const recompress = async (fixture: string) => sharp(await readFixture(fixture)).jpeg({ quality: 85 + Math.floor(Math.random() * 10) }).toBuffer();

/** A selfie check by the engine alone, finished (its case, if any, opened). */
async function verify(reference: string, fixture: string) {
  const request = verificationRequestSchema.parse({ checkType: "liveness_selfie", vendors: ["local"], reference });
  const { id } = await createVerification(actor, { request, files: [{ role: "selfie", bytes: await recompress(fixture), filename: "selfie.jpg" }], source: "api" });
  const runs = await db.vendorRun.findMany({ where: { verificationId: id } });
  await waiter.forRuns(runs.map((r) => r.id));
  const media = await db.media.findFirstOrThrow({ where: { verificationId: id } });
  const reviewCase = await db.reviewCase.findFirst({ where: { verificationId: id }, orderBy: { openedAt: "desc" } });
  const details = reviewCase ? ruleDetailSchema.parse(reviewCase.ruleDetails) : [];
  return { id, mediaId: media.id, reviewCase, details };
}

const ref = (name: string) => `fs-${tag}-${name}`;

describe("duplicate faces, face changes and the blocklist", () => {
  it("the same real person under two references opens a duplicate-face case that names the earlier face", async () => {
    const first = await verify(ref("anna"), "same-person/yale-1.jpg");
    const second = await verify(ref("anna-again"), "same-person/yale-2.jpg");
    expect(second.reviewCase?.rules).toContain("duplicate_face");
    // The case names the best earlier faces (other files index this photo too: anna's may be
    // outranked by their copies), each under another reference and above the threshold.
    const rule = second.details.find((d) => d.code === "duplicate_face")!;
    expect(rule.faces!.length).toBeGreaterThan(0);
    for (const face of rule.faces!) {
      expect(face.reference).not.toBe(ref("anna-again"));
      expect(face.similarity).toBeGreaterThanOrEqual(0.7);
    }
    const annaFace = await db.mediaFace.findFirstOrThrow({ where: { mediaId: first.mediaId } });
    const secondFace = await db.mediaFace.findFirstOrThrow({ where: { mediaId: second.mediaId } });
    const annaHit = (await searchFaceIndex(sqlPool(), secondFace.embedding, 200)).find((h) => h.faceId === annaFace.id);
    expect(annaHit!.similarity).toBeGreaterThanOrEqual(0.7);

    // A different person under a third reference: none of these faces is a duplicate of it.
    const other = await verify(ref("bob"), "people/sample3-face1.jpg");
    const otherDuplicates = other.details.find((d) => d.code === "duplicate_face")?.faces ?? [];
    expect(otherDuplicates.filter((f) => f.verificationId === first.id || f.verificationId === second.id)).toEqual([]);

    // The subject API: the history with the case and its rule; any key; unknown reference 404.
    const viewerKey = (await createApiKey(actor, { name: `fs-viewer-${tag}`, role: "viewer" })).key;
    const get = (reference: string, key?: string) =>
      getSubjectApi(new NextRequest(`http://verdict.test/api/v1/subjects/${encodeURIComponent(reference)}`, { headers: key ? { authorization: `Bearer ${key}` } : {} }), { params: Promise.resolve({ reference: encodeURIComponent(reference) }) });
    const response = await get(ref("anna-again"), viewerKey);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { reference: string; verifications: Array<{ id: string; media: Array<{ faces: number }>; cases: Array<{ rules: string[] }> }> };
    expect(body.reference).toBe(ref("anna-again"));
    expect(body.verifications.map((v) => v.id)).toEqual([second.id]);
    expect(body.verifications[0].media[0].faces).toBe(1);
    expect(body.verifications[0].cases[0].rules).toContain("duplicate_face");
    expect((await get(ref("nobody"), viewerKey)).status).toBe(404);

    // Every automatic search is audited.
    const audits = await db.auditEvent.findMany({ where: { action: "face.searched", targetId: { in: [first.id, second.id, other.id] } } });
    expect(new Set(audits.map((a) => a.targetId))).toEqual(new Set([first.id, second.id, other.id]));
  }, 180_000);

  it("a new face for a known reference opens a face-changed case", async () => {
    const before = await verify(ref("carol"), "same-person/yale-1.jpg");
    const changed = await verify(ref("carol"), "people/sample4-face2.jpg");
    expect(changed.reviewCase?.rules).toContain("face_changed");
    const rule = changed.details.find((d) => d.code === "face_changed")!;
    expect(rule.faces?.[0]).toMatchObject({ verificationId: before.id, reference: ref("carol") });
    expect(rule.faces![0].similarity).toBeLessThan(0.5);
    // The same person again under the same reference: no face change.
    const same = await verify(ref("dave"), "same-person/example-left.jpg");
    const sameAgain = await verify(ref("dave"), "same-person/example-right.jpg");
    expect(same.id).not.toBe(sameAgain.id);
    expect(sameAgain.reviewCase?.rules ?? []).not.toContain("face_changed");
  }, 180_000);

  it("a blocked face opens a high-priority case; removal is audited and stops it", async () => {
    const source = await verify(ref("eve"), "people/sample4-face2.jpg");
    const block = await addFaceBlock(actor, { mediaId: source.mediaId, reason: "Fraud ring, ticket 4711" });
    expect(await db.auditEvent.count({ where: { action: "face_block.added", targetId: block.id } })).toBe(1);

    const hit = await verify(ref("eve-alias"), "people/sample4-face2.jpg");
    expect(hit.reviewCase?.rules).toContain("blocked_face");
    expect(hit.reviewCase?.priority).toBe(100);
    expect(hit.details.find((d) => d.code === "blocked_face")?.details.join(" ")).toContain("Fraud ring, ticket 4711");

    await removeFaceBlock(actor, { blockId: block.id, reason: "Cleared by compliance" });
    expect(await db.auditEvent.count({ where: { action: "face_block.removed", targetId: block.id } })).toBe(1);
    await expect(removeFaceBlock(actor, { blockId: block.id, reason: "again" })).rejects.toThrow(/already removed/);
    const after = await verify(ref("eve-third"), "people/sample4-face2.jpg");
    expect(after.reviewCase?.rules ?? []).not.toContain("blocked_face");
  }, 180_000);

  it("an erased subject is no longer found, and every search by a person is audited", async () => {
    const kept = await verify(ref("frank"), "same-person/yale-2.jpg");
    const erased = await verify(ref("frank-old"), "same-person/yale-1.jpg");
    const user = { kind: "system", label: "face-search-test-reviewer" } as const;

    // Other files (and earlier runs) index the same photos: look deeper than the top 10 for this one.
    const erasedFace = await db.mediaFace.findFirstOrThrow({ where: { mediaId: erased.mediaId } });
    const keptFace = await db.mediaFace.findFirstOrThrow({ where: { mediaId: kept.mediaId } });
    const deep = async () => (await searchFaceIndex(sqlPool(), keptFace.embedding, 200)).map((h) => h.faceId);
    expect(await deep()).toContain(erasedFace.id);
    const before = await searchFacesFromMedia(user, { mediaId: kept.mediaId });
    expect(before.results.length).toBeGreaterThan(0);

    await eraseSubject(actor, { reference: ref("frank-old"), reason: "GDPR Art. 17 request" });
    expect(await deep()).not.toContain(erasedFace.id);
    const after = await searchFacesFromMedia(user, { mediaId: kept.mediaId });
    expect(after.results.map((r) => r.verificationId)).not.toContain(erased.id);
    expect(await db.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM "FaceSearchEntry" e JOIN "MediaFace" f ON f."id" = e."faceId" WHERE f."mediaId" = ${erased.mediaId}::uuid`).toEqual([{ n: 0 }]);
    // The subject page's data no longer has faces for the erased verification.
    const subject = await getSubject(ref("frank-old"));
    expect(subject?.verifications[0]?.erased).toBe(true);

    const audits = await db.auditEvent.findMany({ where: { action: "face.searched", targetId: kept.mediaId }, orderBy: { id: "asc" } });
    expect(audits).toHaveLength(2);
    expect(audits.map((a) => (a.after as { results: number }).results)).toEqual([before.results.length, after.results.length]);
  }, 180_000);
});
