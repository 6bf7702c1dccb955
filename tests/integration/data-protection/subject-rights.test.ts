import { randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import yauzl from "yauzl";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DELETE as deleteSubject } from "@/app/api/v1/subjects/[reference]/route";
import { GET as exportSubject } from "@/app/api/v1/subjects/[reference]/export/route";
import { GET as exportAudit } from "@/app/api/v1/audit/export/route";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import type { Actor } from "@/lib/audit/record-audit-event";
import { eraseSubject } from "@/lib/data-protection/erase-subject";
import { streamSubjectExport } from "@/lib/data-protection/export-subject";
import { placeLegalHold } from "@/lib/data-protection/legal-holds";
import { PURGED_MARK } from "@/lib/data-protection/scrub-vendor-images";
import { db, disconnectDb } from "@/lib/db";
import { blobObjectKey } from "@/lib/media/object-store";
import { getVerification } from "@/lib/verifications/get-verification";
import { getVerificationJson } from "@/lib/verifications/verification-json";
import { seedOldVerification } from "./support/seed-subject";
import { startTestS3, type TestS3 } from "./support/s3-server";

// A person's rights on real PostgreSQL and a real S3-compatible server: erase (library and
// DELETE /api/v1/subjects/{reference}), export as a zip, legal holds, and the audit CSV.

const admin: Actor = { kind: "cli", label: "rights-test" };
let s3: TestS3;
let adminKey: string;
let viewerKey: string;
let reviewerKey: string;
const tag = randomUUID().slice(0, 8);

beforeAll(async () => {
  s3 = await startTestS3();
  // The API routes use the configured backend: this suite's bucket.
  Object.assign(process.env, s3.env);
  adminKey = (await createApiKey(admin, { name: `rights-admin-${tag}`, role: "admin" })).key;
  viewerKey = (await createApiKey(admin, { name: `rights-viewer-${tag}`, role: "viewer" })).key;
  reviewerKey = (await createApiKey(admin, { name: `rights-reviewer-${tag}`, role: "reviewer" })).key;
});

afterAll(async () => {
  for (const key of Object.keys(s3.env)) delete process.env[key];
  await s3.close();
  await disconnectDb();
});

function call(method: string, path: string, key: string, body?: unknown) {
  return new NextRequest(`http://verdict.test${path}`, {
    method,
    headers: { authorization: `Bearer ${key}`, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
}

async function seedSubject(reference: string) {
  const decided = await seedOldVerification({ backend: s3.backend, reference, caseState: "case_decided", createdAt: new Date() });
  const plain = await seedOldVerification({ backend: s3.backend, reference, createdAt: new Date() });
  const reviewCase = await db.reviewCase.findFirstOrThrow({ where: { verificationId: decided.verification.id } });
  const reviewer = await db.user.create({ data: { email: `rights-${randomUUID().slice(0, 8)}@verdict.test`, role: "reviewer" } });
  await db.decisionReason.upsert({ where: { code: "rights_test" }, create: { code: "rights_test", label: "Test", kinds: ["approve"] }, update: {} });
  await db.decision.create({ data: { caseId: reviewCase.id, kind: "approve", reasonCode: "rights_test", decidedById: reviewer.id, comment: "same person" } });
  await db.comment.create({ data: { caseId: reviewCase.id, authorId: reviewer.id, body: "checked the ID" } });
  const mediaId = decided.media[0].id;
  await db.auditEvent.create({ data: { actorId: reviewer.id, actorLabel: reviewer.email, action: "media.viewed", targetType: "media", targetId: mediaId, after: { verificationId: decided.verification.id } } });
  return { decided, plain, reviewCase, reviewer, hashes: [...decided.media, ...plain.media].map((m) => m.sha256) };
}

async function assertNoBytesLeft(hashes: string[]) {
  expect(await db.blob.count({ where: { sha256: { in: hashes } } })).toBe(0);
  expect(await db.thumbnail.count({ where: { sha256: { in: hashes } } })).toBe(0);
  const keys = await s3.keys();
  for (const sha of hashes) expect(keys).not.toContain(blobObjectKey(sha));
}

async function unzip(bytes: Buffer): Promise<Map<string, Buffer>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.fromBuffer(bytes, { lazyEntries: true }, (e, z) => (e ? reject(e) : resolve(z))));
  const files = new Map<string, Buffer>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      zip.openReadStream(entry, (error, stream) => {
        if (error || !stream) return reject(error ?? new Error("the entry could not be read"));
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          files.set(entry.fileName, Buffer.concat(chunks));
          zip.readEntry();
        });
      });
    });
    zip.on("end", resolve);
    zip.on("error", reject);
    zip.readEntry();
  });
  return files;
}

describe("erase a subject", () => {
  it("over the API with an admin key: media gone from the bucket and tables, decisions kept, tombstones answered; idempotent", async () => {
    const reference = `erase-${tag}`;
    const s = await seedSubject(reference);
    const response = await deleteSubject(call("DELETE", `/api/v1/subjects/${reference}`, adminKey, { reason: "erasure request 4411" }), { params: Promise.resolve({ reference }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ reference, verifications: 2, erased: 2, media: 4, held: [] });
    await assertNoBytesLeft(s.hashes);

    const v = await db.verification.findUniqueOrThrow({ where: { id: s.decided.verification.id } });
    expect(v).toMatchObject({ note: null, erasedAt: expect.any(Date), eraseReason: "erasure request 4411", erasedBy: `api-key:rights-admin-${tag}` });
    expect(await db.decision.count({ where: { caseId: s.reviewCase.id } })).toBe(1);
    expect(await db.comment.count({ where: { caseId: s.reviewCase.id } })).toBe(1);
    const run = await db.vendorRun.findFirstOrThrow({ where: { verificationId: v.id } });
    expect(run.raw).toMatchObject({ data: { face1: PURGED_MARK } });

    const json = await getVerificationJson(v.id);
    expect(json).toMatchObject({ erased: { reason: "erasure request 4411" } });
    expect(json!.media.every((m) => m.url === null && m.purged?.kind === "erase")).toBe(true);
    const page = await getVerification(v.id);
    expect(page!.media[0].purged!.description).toMatch(/^erased on \d{4}-\d{2}-\d{2} by api-key:rights-admin-/);

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "subject.erased", targetId: reference } });
    expect(audit.after).toMatchObject({ reason: "erasure request 4411", erased: 2, media: 4 });

    const again = await deleteSubject(call("DELETE", `/api/v1/subjects/${reference}`, adminKey, { reason: "erasure request 4411" }), { params: Promise.resolve({ reference }) });
    expect(await again.json()).toMatchObject({ erased: 0, alreadyErased: 2, media: 0, message: "Already erased: nothing left to erase." });
  });

  it("refuses a viewer's or reviewer's key, an unknown reference, a missing reason and a wrong confirmation, changing nothing", async () => {
    const reference = `refuse-${tag}`;
    const s = await seedSubject(reference);
    const auditBefore = await db.auditEvent.count({ where: { action: "subject.erased" } });

    for (const key of [viewerKey, reviewerKey]) {
      const refused = await deleteSubject(call("DELETE", `/api/v1/subjects/${reference}`, key, { reason: "no right" }), { params: Promise.resolve({ reference }) });
      expect(refused.status).toBe(403);
      expect((await refused.json()).detail).toMatch(/needs an admin API key; this one has the (viewer|reviewer) role\. Nothing was erased\./);
    }
    const unknown = await deleteSubject(call("DELETE", `/api/v1/subjects/nobody-${tag}`, adminKey, { reason: "typo" }), { params: Promise.resolve({ reference: `nobody-${tag}` }) });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).detail).toBe(`No verification has the reference "nobody-${tag}"; nothing was erased.`);
    const noReason = await deleteSubject(call("DELETE", `/api/v1/subjects/${reference}`, adminKey), { params: Promise.resolve({ reference }) });
    expect(noReason.status).toBe(400);
    expect((await noReason.json()).errors).toHaveProperty("reason");
    await expect(eraseSubject(admin, { reference, reason: "typed wrong", confirmation: `${reference}x` })).rejects.toMatchObject({ status: 400, fieldErrors: { confirmation: [`Type the reference exactly: ${reference}`] } });

    expect(await db.auditEvent.count({ where: { action: "subject.erased" } })).toBe(auditBefore);
    expect(await db.media.count({ where: { verificationId: { in: [s.decided.verification.id, s.plain.verification.id] }, purgedAt: null } })).toBe(4);
    expect(await db.blob.count({ where: { sha256: { in: s.hashes } } })).toBe(4);
  });

  it("skips verifications under legal hold and says which", async () => {
    const reference = `held-${tag}`;
    const s = await seedSubject(reference);
    await placeLegalHold(admin, { scope: "case", caseId: s.reviewCase.id, reason: "court order" });
    const result = await eraseSubject(admin, { reference, reason: "erasure request" }, s3.backend);
    expect(result).toMatchObject({ erased: 1, held: [s.decided.verification.id], media: 2 });
    expect(await db.media.count({ where: { verificationId: s.decided.verification.id, purgedAt: null } })).toBe(2);
    expect(await db.blob.count({ where: { sha256: { in: s.decided.media.map((m) => m.sha256) } } })).toBe(2);
    await assertNoBytesLeft(s.plain.media.map((m) => m.sha256));
  });
});

describe("export a subject", () => {
  it("streams a zip with the media files, results, decisions, comments and who viewed the faces; audited", async () => {
    const reference = `export-${tag}`;
    const s = await seedSubject(reference);
    const response = await exportSubject(call("GET", `/api/v1/subjects/${reference}/export`, reviewerKey), { params: Promise.resolve({ reference }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    const files = await unzip(Buffer.from(await response.arrayBuffer()));
    expect([...files.keys()].sort()).toEqual(
      ["README.txt", "access-log.json", "subject.json", ...[s.decided, s.plain].flatMap((x) => [`media/${x.verification.id}/image1.jpg`, `media/${x.verification.id}/image2.jpg`])].sort(),
    );
    const original = s.decided.media[0];
    const stored = await db.media.findUniqueOrThrow({ where: { id: original.id } });
    expect(files.get(`media/${s.decided.verification.id}/image1.jpg`)!.length).toBe(stored.size);
    const subject = JSON.parse(files.get("subject.json")!.toString());
    const decided = subject.verifications.find((v: { id: string }) => v.id === s.decided.verification.id);
    expect(decided.cases[0].decisions[0]).toMatchObject({ kind: "approve", comment: "same person", by: s.reviewer.email });
    expect(decided.cases[0].comments[0]).toMatchObject({ body: "checked the ID" });
    expect(decided.vendorRuns[0]).toMatchObject({ vendor: "cvs", outcome: "pass" });
    const accessLog = JSON.parse(files.get("access-log.json")!.toString());
    expect(accessLog.faceViews).toEqual([expect.objectContaining({ by: s.reviewer.email, mediaId: original.id })]);
    expect(await db.auditEvent.count({ where: { action: "subject.exported", targetId: reference } })).toBe(1);
  });

  it("refuses a reference on legal hold to a reviewer (admins may), and a viewer always, writing nothing", async () => {
    const reference = `export-held-${tag}`;
    await seedSubject(reference);
    await placeLegalHold(admin, { scope: "reference", reference, reason: "litigation" });
    const reviewer = await exportSubject(call("GET", `/api/v1/subjects/${reference}/export`, reviewerKey), { params: Promise.resolve({ reference }) });
    expect(reviewer.status).toBe(403);
    expect((await reviewer.json()).detail).toBe(`The reference "${reference}" is under legal hold (litigation): only an admin may export it.`);
    const viewer = await exportSubject(call("GET", `/api/v1/subjects/${reference}/export`, viewerKey), { params: Promise.resolve({ reference }) });
    expect(viewer.status).toBe(403);
    expect(await db.auditEvent.count({ where: { action: "subject.exported", targetId: reference } })).toBe(0);
    const stream = await streamSubjectExport(admin, "admin", reference);
    expect((await new Response(stream).arrayBuffer()).byteLength).toBeGreaterThan(0);
  });
});

describe("audit CSV", () => {
  it("exports the filtered rows with formula cells escaped", async () => {
    const reference = `csv-${tag}`;
    const s = await seedSubject(reference);
    const trap = await db.user.create({ data: { email: `=cmd-${tag}@verdict.test`, role: "viewer" } });
    await db.auditEvent.create({ data: { actorId: trap.id, actorLabel: `=HYPERLINK("x")-${tag}`, action: "media.viewed", targetType: "media", targetId: s.plain.media[0].id, after: { verificationId: s.plain.verification.id } } });
    const today = new Date().toISOString().slice(0, 10);
    const response = await exportAudit(call("GET", `/api/v1/audit/export?reference=${reference}&action=media.viewed&from=${today}&to=${today}`, adminKey), { params: Promise.resolve({}) });
    expect(response.status).toBe(200);
    const lines = (await response.text()).trim().split("\r\n");
    expect(lines[0]).toBe("id,at_utc,actor,action,target_type,target_id,change,before_json,after_json,ip");
    expect(lines).toHaveLength(3);
    expect(lines.some((l) => l.includes(`"'=HYPERLINK(""x"")-${tag}"`))).toBe(true);
    expect(lines.every((l) => !l.split(",")[2].startsWith("="))).toBe(true);
    const viewerCsv = await exportAudit(call("GET", `/api/v1/audit/export`, viewerKey), { params: Promise.resolve({}) });
    expect(viewerCsv.status).toBe(403);
  });
});
