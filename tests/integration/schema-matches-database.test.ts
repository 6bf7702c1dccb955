import { randomUUID, createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";

// Proves the hand-written migrations and prisma/schema.prisma agree: every model is written with
// every column filled and read back. A schema change without its migration fails here.
afterAll(() => disconnectDb());

const tag = randomUUID().slice(0, 8);

describe("the migrated database matches the Prisma schema", () => {
  it("writes and reads back every model", async () => {
    const user = await db.user.create({
      data: { email: `schema-${tag}@verdict.test`, name: "Schema", role: "reviewer", passwordHash: "x", oidcSubject: `sub-${tag}`, disabledAt: new Date(), sessionVersion: 3, lastLoginAt: new Date(), mentionsSeenAt: new Date(), seniorReviewer: true, jumpToNextCase: true },
    });
    const apiKey = await db.apiKey.create({ data: { name: `key-${tag}`, prefix: "vdk_abc", hash: `hash-${tag}`, role: "operator", createdById: user.id, lastUsedAt: new Date(), revokedAt: new Date() } });
    await db.auditEvent.create({ data: { actorId: user.id, apiKeyId: apiKey.id, actorLabel: "x", action: "schema.test", targetType: "user", targetId: user.id, before: { a: 1 }, after: { b: [1, 2] }, ip: "127.0.0.1" } });
    await db.vendorConfig.upsert({
      where: { vendor: "kairos" },
      create: { vendor: "kairos", baseUrl: "http://x", credentialsEncrypted: "enc", credentialsMasked: { app_id: "s…" }, timeoutMs: 1000, maxRetries: 1, concurrency: 2, ratePerSecond: 5.5, updatedById: user.id },
      update: {},
    });
    const policy = await db.vendorPolicy.create({ data: { vendor: "fpt", checkType: "liveness_video", version: 1000 + Math.floor(Math.random() * 1e6), settings: { threshold: 0.5 }, createdById: user.id } });
    const verification = await db.verification.create({
      data: { checkType: "face_match", reference: `ref-${tag}`, note: "n", source: "api", status: "completed", demo: true, createdById: user.id, apiKeyId: apiKey.id, idempotencyKey: `idem-${tag}`, completedAt: new Date() },
    });
    const bytes = Buffer.from(`bytes-${tag}`);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    await db.blob.create({ data: { sha256, size: bytes.length, mime: "image/jpeg", storage: "postgres", data: bytes } });
    await db.media.create({ data: { verificationId: verification.id, role: "image1", sha256, mime: "image/jpeg", size: bytes.length, width: 10, height: 20, durationMs: 5000, fps: 29.97, originalFilename: "a.jpg" } });
    await db.thumbnail.create({ data: { sha256, kind: "filmstrip", position: 2, mime: "image/webp", width: 64, height: 64, data: bytes } });
    const schemaRun = await db.vendorRun.create({
      data: {
        verificationId: verification.id, vendor: "cvs", checkType: "face_match", attempt: 2, status: "completed", outcome: "review", vendorVerdict: "match:0",
        livenessScore: 0.4, matchSimilarity: 0.7, httpStatus: 200, latencyMs: 123, normalized: { outcome: "review" }, raw: { errorCode: "0" }, attempts: [{ status: 200 }],
        policyId: policy.id, requestedById: user.id, rerunReason: "why", batchId: randomUUID(), startedAt: new Date(), finishedAt: new Date(),
      },
    });
    const call = await db.vendorCallAttempt.create({
      data: { vendorRunId: schemaRun.id, attempt: 1, jobId: "job-1", jobAttempt: 2, worker: "host:1", sentAt: new Date(), heartbeatAt: new Date(), finishedAt: new Date(), outcome: "unknown", httpStatus: 504, error: "gone" },
    });
    expect(await db.vendorCallAttempt.findUniqueOrThrow({ where: { vendorRunId_attempt: { vendorRunId: schemaRun.id, attempt: 1 } } })).toEqual(call);
    const reviewCase = await db.reviewCase.create({
      data: { verificationId: verification.id, status: "decided", rules: ["vendor_borderline"], ruleDetails: [{ rule: "x" }], priority: 5, checkType: "face_match", reference: `ref-${tag}`, assigneeId: user.id, assignedAt: new Date(), slaDueAt: new Date(), decision: "approve", decidedAt: new Date(), version: 2, escalatedById: user.id },
    });
    await db.decisionReason.create({ data: { code: `reason-${tag}`, label: "Looks fine", kinds: ["approve", "escalate"], checkTypes: ["face_match"] } });
    await db.decision.create({ data: { caseId: reviewCase.id, kind: "approve", reasonCode: `reason-${tag}`, comment: "ok", overridesVendor: true, decidedById: user.id, confirmedById: user.id, confirmedAt: new Date() } });
    await db.comment.create({ data: { caseId: reviewCase.id, authorId: user.id, body: "hi @x", mentions: [user.id] } });
    // Inactive: later suites share this database, and a live hook with a fake secret would get their events.
    const webhook = await db.webhook.create({ data: { url: "https://example.com/hook", events: ["case.decided"], secretEncrypted: "enc", active: false, allowPrivate: true, createdById: user.id } });
    await db.webhookDelivery.create({ data: { webhookId: webhook.id, event: "case.decided", payload: { a: 1 }, status: "delivered", attempts: 1, responseStatus: 200, responseBody: "ok", lastAttemptAt: new Date() } });
    // Review queue (issue 5): new columns and tables.
    await db.verification.update({ where: { id: verification.id }, data: { manualReview: true, manualReviewNote: "look" } });
    await db.reviewCase.update({ where: { id: reviewCase.id }, data: { ruleSetVersion: 3, evaluatedRunsAt: new Date() } });
    await db.decision.updateMany({ where: { caseId: reviewCase.id }, data: { declinedById: user.id, declinedAt: new Date() } });
    await db.webhookDelivery.updateMany({ where: { webhookId: webhook.id }, data: { lastError: "HTTP 500", deliveredAt: new Date() } });
    const ruleSet = await db.reviewRuleSet.create({ data: { version: 100_000 + Math.floor(Math.random() * 1e6), settings: { manual_review: { enabled: true } }, createdById: user.id } });
    const view = await db.savedView.create({ data: { userId: user.id, name: `view-${tag}`, query: "status=open" } });
    expect((await db.reviewRuleSet.findUniqueOrThrow({ where: { id: ruleSet.id } })).settings).toEqual({ manual_review: { enabled: true } });
    expect(await db.savedView.findUniqueOrThrow({ where: { id: view.id }, include: { user: true } })).toMatchObject({ query: "status=open", user: { id: user.id } });
    expect(await db.reviewCase.findUniqueOrThrow({ where: { id: reviewCase.id } })).toMatchObject({ ruleSetVersion: 3, updatedAt: expect.any(Date) });
    expect(await db.decision.findFirstOrThrow({ where: { caseId: reviewCase.id } })).toMatchObject({ declinedById: user.id });
    expect(await db.webhookDelivery.findFirstOrThrow({ where: { webhookId: webhook.id } })).toMatchObject({ lastError: "HTTP 500" });
    expect(await db.verification.findUniqueOrThrow({ where: { id: verification.id } })).toMatchObject({ manualReview: true, manualReviewNote: "look" });
    expect(await db.decisionReason.count({ where: { code: { in: ["same_person_confirmed", "different_person", "needs_senior_review"] } } })).toBe(3);

    const testSet = await db.testSet.create({ data: { name: `set-${tag}`, checkType: "face_match", description: "d", createdById: user.id } });
    await db.testSetItem.create({ data: { testSetId: testSet.id, verificationId: verification.id, label: "same_person", attackType: null } });
    const batch = await db.rerunBatch.create({
      data: {
        status: "cancelled", vendors: ["cvs", "fpt"], selection: { kind: "ids", ids: [verification.id] }, reason: "schema", testSetId: testSet.id, requestedById: user.id, chunkSize: 7,
        cursor: "1", selectedCount: 1, plannedRuns: 2, createdRuns: 1, skippedRuns: 1, enqueuedAt: new Date(), finishedAt: new Date(), cancelledAt: new Date(), error: "e",
      },
    });
    expect(await db.rerunBatch.findUniqueOrThrow({ where: { id: batch.id }, include: { testSet: true } })).toMatchObject({ vendors: ["cvs", "fpt"], chunkSize: 7, testSet: { name: `set-${tag}` } });

    const read = await db.verification.findUniqueOrThrow({
      where: { id: verification.id },
      include: { media: true, runs: { include: { policy: true } }, cases: { include: { decisions: true, comments: true } }, testSetItems: { include: { testSet: true } }, apiKey: true, createdBy: true },
    });
    expect(read.media[0]).toMatchObject({ role: "image1", fps: 29.97, durationMs: 5000 });
    expect(read.runs[0]).toMatchObject({ outcome: "review", matchSimilarity: 0.7, attempts: [{ status: 200 }] });
    expect(read.runs[0]?.policy?.settings).toEqual({ threshold: 0.5 });
    expect(read.cases[0]?.decisions[0]).toMatchObject({ kind: "approve", overridesVendor: true });
    expect(read.cases[0]?.comments[0]?.mentions).toEqual([user.id]);
    expect(read.testSetItems[0]?.testSet.name).toBe(`set-${tag}`);
    expect(read.createdBy?.email).toBe(`schema-${tag}@verdict.test`);
    const blob = await db.blob.findUniqueOrThrow({ where: { sha256 }, omit: { data: false }, include: { thumbnails: { omit: { data: false } } } });
    expect(Buffer.from(blob.data!).toString()).toBe(`bytes-${tag}`);
    expect(blob.thumbnails[0]).toMatchObject({ kind: "filmstrip", position: 2 });
    expect(Buffer.from(blob.thumbnails[0].data).toString()).toBe(`bytes-${tag}`);
    // Engine (issue 11): faces per media, the quality gate's settings and flags.
    const media = read.media[0];
    await db.mediaFace.create({
      data: {
        mediaId: media.id, faceIndex: 0, frameMs: 1500, box: [1, 2, 3, 4], landmarks: { nose: [1, 2] }, yaw: 10.5, pitch: -2, roll: 1, quality: { sharpness: 50 },
        detectorScore: 0.99, antispoofScore: 0.7, livenessScore: 0.8, embedding: [0.25, -0.5], modelName: "human", modelVersion: "3.3.6",
      },
    });
    expect(await db.mediaFace.findFirstOrThrow({ where: { mediaId: media.id }, include: { media: true } })).toMatchObject({ yaw: 10.5, embedding: [0.25, -0.5], frameMs: 1500, media: { id: media.id } });
    await db.qualityGateSetting.upsert({ where: { checkType: "liveness_video" }, create: { checkType: "liveness_video", apiTraffic: true, consoleUploads: false, updatedById: user.id }, update: {} });
    expect(await db.qualityGateSetting.findUniqueOrThrow({ where: { checkType: "liveness_video" } })).toMatchObject({ updatedAt: expect.any(Date) });
    await db.verification.update({ where: { id: verification.id }, data: { qualityGate: true } });
    await db.vendorRun.updateMany({ where: { verificationId: verification.id }, data: { skippedByGate: true } });
    expect(await db.vendorRun.count({ where: { verificationId: verification.id, skippedByGate: true, vendor: { not: "local" } } })).toBe(1);
    const withHash = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { passwordHash: false } });
    expect(withHash.passwordHash).toBe("x");
    expect(await db.webhookDelivery.count({ where: { webhookId: webhook.id } })).toBe(1);

    // Sessions, second factor (issue 14).
    await db.user.update({ where: { id: user.id }, data: { totpSecretEncrypted: "enc", totpEnabledAt: new Date(), totpLastStep: 7 } });
    const session = await db.userSession.create({ data: { userId: user.id, method: "password", ip: "127.0.0.1", revokedAt: new Date() } });
    await db.recoveryCode.create({ data: { userId: user.id, codeHash: `h-${tag}`, usedAt: new Date() } });
    await db.totpRequiredRole.upsert({ where: { role: "viewer" }, create: { role: "viewer", createdById: user.id }, update: {} });
    await db.totpRequiredRole.delete({ where: { role: "viewer" } });
    const secured = await db.user.findUniqueOrThrow({ where: { id: user.id }, omit: { totpSecretEncrypted: false }, include: { sessions: true, recoveryCodes: true } });
    expect(secured).toMatchObject({ totpSecretEncrypted: "enc", totpLastStep: 7, sessions: [{ id: session.id, method: "password" }], recoveryCodes: [{ codeHash: `h-${tag}` }] });
    const chained = await db.auditEvent.findFirstOrThrow({ where: { action: "schema.test", actorId: user.id } });
    expect(chained.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(chained.prevHash).toMatch(/^[0-9a-f]{64}$/);
    // Data protection (issue 12): retention policies, tombstones, erasure, legal holds.
    const retention = await db.retentionPolicy.upsert({
      where: { source_caseState: { source: "ingest", caseState: "case_open" } },
      create: { name: "Ingest · case open", source: "ingest", caseState: "case_open", mediaDays: 400, updatedById: user.id },
      update: {},
    });
    await db.media.updateMany({
      where: { verificationId: verification.id },
      data: { sha256: null, purgedAt: new Date(), purgeKind: "policy", purgePolicyId: retention.id, purgedBy: "policy:x", purgedBytes: 12 },
    });
    await db.blob.update({ where: { sha256 }, data: { deletePendingAt: new Date() } });
    await db.verification.update({ where: { id: verification.id }, data: { erasedAt: new Date(), erasedBy: "admin@x", eraseReason: "request" } });
    const hold = await db.legalHold.create({ data: { scope: "case", caseId: reviewCase.id, reason: "court", createdBy: "admin@x", releasedAt: new Date(), releasedBy: "admin@x", releaseReason: "done" } });
    await db.legalHold.create({ data: { scope: "reference", reference: `ref-${tag}`, reason: "court", createdBy: "admin@x" } });
    expect(await db.media.findFirstOrThrow({ where: { verificationId: verification.id }, include: { purgePolicy: true } })).toMatchObject({ sha256: null, purgedBytes: 12, purgePolicy: { mediaDays: retention.mediaDays } });
    expect(await db.legalHold.findUniqueOrThrow({ where: { id: hold.id }, include: { reviewCase: true } })).toMatchObject({ releaseReason: "done", reviewCase: { id: reviewCase.id } });
    await expect(db.retentionPolicy.update({ where: { id: retention.id }, data: { mediaDays: -1 } })).rejects.toThrow();
    await expect(db.legalHold.create({ data: { scope: "case", reference: "x", reason: "r", createdBy: "x" } })).rejects.toThrow();
    await db.legalHold.deleteMany({ where: { reference: `ref-${tag}` } });
    await db.retentionPolicy.deleteMany({ where: { id: retention.id } });
  });

  it("keeps secret columns out of ordinary queries", async () => {
    const user = await db.user.create({ data: { email: `omit-${tag}@verdict.test`, passwordHash: "secret-hash" } });
    expect(user).not.toHaveProperty("passwordHash");
    const webhook = await db.webhook.create({ data: { url: "https://example.com", events: [], secretEncrypted: "enc", active: false } });
    expect(webhook).not.toHaveProperty("secretEncrypted");
  });

  it("refuses to change or delete audit events", async () => {
    const event = await db.auditEvent.create({ data: { actorLabel: "test", action: "schema.append_only", targetType: "test" } });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } })).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
  });
});
