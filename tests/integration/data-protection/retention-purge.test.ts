import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/record-audit-event";
import { placeLegalHold } from "@/lib/data-protection/legal-holds";
import { requestRetentionRun } from "@/lib/data-protection/retention-job";
import { saveRetentionSchedule, retentionScheduleSchema, previewRetention } from "@/lib/data-protection/retention-policies";
import { runRetentionPurge } from "@/lib/data-protection/run-retention-purge";
import { PURGED_MARK } from "@/lib/data-protection/scrub-vendor-images";
import { db, disconnectDb } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { serveOriginalMedia } from "@/lib/media/serve-media";
import { blobObjectKey } from "@/lib/media/object-store";
import { getVerification } from "@/lib/verifications/get-verification";
import { getVerificationJson } from "@/lib/verifications/verification-json";
import { distinctImage, seedOldVerification } from "./support/seed-subject";
import { startTestS3, type TestS3 } from "./support/s3-server";

// Retention on real PostgreSQL and a real S3-compatible server (s3rver over HTTP): what a purge
// deletes, what it keeps (holds, shared blobs, the decision trail), and a worker killed mid-purge.

const admin: Actor = { kind: "cli", label: "retention-test" };
const postgres = { storage: "postgres" } as const;
let s3: TestS3;

// 100 years: only this suite's 1920 verifications are old enough.
const CENTURY = "36500";

beforeAll(async () => {
  s3 = await startTestS3();
  await saveRetentionSchedule(admin, retentionScheduleSchema.parse({ "api.no_case": CENTURY, "api.case_decided": CENTURY }), null);
});

afterAll(async () => {
  await db.retentionPolicy.deleteMany({});
  await stopBoss();
  await s3.close();
  await disconnectDb();
});

async function assertNoBytesLeft(hashes: string[]) {
  expect(await db.blob.count({ where: { sha256: { in: hashes } } })).toBe(0);
  expect(await db.thumbnail.count({ where: { sha256: { in: hashes } } })).toBe(0);
  const keys = await s3.keys();
  for (const sha of hashes) expect(keys).not.toContain(blobObjectKey(sha));
}

const viewer = { actor: admin, role: "admin" as const };

describe("retention purge, PostgreSQL blobs", () => {
  it("deletes the bytes, thumbnails, filmstrips and vendor face crops of due media, and leaves a tombstone", async () => {
    const due = await seedOldVerification({ backend: postgres });
    const open = await seedOldVerification({ backend: postgres, caseState: "case_open" });
    const hashes = due.media.map((m) => m.sha256);
    const preview = await previewRetention();
    expect(preview.get("api.no_case")).toMatchObject({ media: expect.any(Number), bytes: expect.any(Number) });
    expect(preview.get("api.no_case")!.media).toBeGreaterThanOrEqual(2);

    const summary = await runRetentionPurge("test", { backend: postgres });
    expect(summary.media).toBeGreaterThanOrEqual(2);
    await assertNoBytesLeft(hashes);

    const media = await db.media.findMany({ where: { verificationId: due.verification.id } });
    for (const m of media) expect(m).toMatchObject({ sha256: null, originalFilename: null, purgeKind: "policy", purgedAt: expect.any(Date) });
    expect(media.reduce((n, m) => n + (m.purgedBytes ?? 0), 0)).toBe(due.media.reduce((n, m) => n + m.size, 0));
    const run = await db.vendorRun.findFirstOrThrow({ where: { verificationId: due.verification.id } });
    expect(run.raw).toMatchObject({ data: { face1: PURGED_MARK, face2: PURGED_MARK, matching: "81.2" } });
    expect(JSON.stringify(run.normalized)).not.toContain(Buffer.from(due.media[0].sha256).toString("base64").slice(0, 10));
    expect(run.outcome).toBe("pass");

    // The page data and the API answer with the tombstone.
    const page = await getVerification(due.verification.id);
    const today = new Date().toISOString().slice(0, 10);
    expect(page!.media.map((m) => m.purged?.description)).toEqual([`purged on ${today} by policy API · no case`, `purged on ${today} by policy API · no case`]);
    const json = await getVerificationJson(due.verification.id);
    expect(json!.media[0]).toMatchObject({ url: null, sha256: null, purged: { kind: "policy", policy: "API · no case" } });
    const gone = await serveOriginalMedia(new Request("http://x"), media[0].id, viewer).catch((e: unknown) => e);
    expect(gone).toMatchObject({ status: 410, message: expect.stringContaining("purged on") });

    const audit = await db.auditEvent.findFirstOrThrow({ where: { action: "media.purged", targetId: due.verification.id } });
    expect(audit.after).toMatchObject({ cause: "policy", policy: "API · no case", bytes: due.media.reduce((n, m) => n + m.size, 0) });

    // A case still open has no duration: kept.
    expect(await db.blob.count({ where: { sha256: { in: open.media.map((m) => m.sha256) } } })).toBe(2);

    // Idempotent: nothing is left to do.
    const again = await runRetentionPurge("test", { backend: postgres });
    expect(again.media).toBe(0);
  });

  it("skips media under a legal hold (reference or case) and says so; keeps a blob another verification still needs", async () => {
    const heldByReference = await seedOldVerification({ backend: postgres });
    const heldByCase = await seedOldVerification({ backend: postgres, caseState: "case_decided" });
    await placeLegalHold(admin, { scope: "reference", reference: heldByReference.verification.reference!, reason: "litigation 114" });
    const reviewCase = await db.reviewCase.findFirstOrThrow({ where: { verificationId: heldByCase.verification.id } });
    await placeLegalHold(admin, { scope: "case", caseId: reviewCase.id, reason: "regulator inquiry" });

    const shared = await distinctImage();
    const keeper = await seedOldVerification({ backend: postgres, caseState: "case_open", images: [{ role: "image1", bytes: shared }, { role: "image2", bytes: await distinctImage() }] });
    const purgedOne = await seedOldVerification({ backend: postgres, images: [{ role: "image1", bytes: shared }, { role: "image2", bytes: await distinctImage() }] });
    const sharedSha = keeper.media[0].sha256;

    const summary = await runRetentionPurge("test", { backend: postgres });
    const rule = summary.rules.find((r) => r.policy === "API · no case")!;
    expect(rule.heldMedia).toBeGreaterThanOrEqual(2);
    expect(summary.rules.find((r) => r.policy === "API · case decided")!.heldMedia).toBeGreaterThanOrEqual(2);

    for (const held of [heldByReference, heldByCase]) {
      expect(await db.media.count({ where: { verificationId: held.verification.id, purgedAt: null } })).toBe(2);
      expect(await db.blob.count({ where: { sha256: { in: held.media.map((m) => m.sha256) } } })).toBe(2);
    }
    // The shared content stays (bytes and thumbnails) for the verification that keeps it.
    expect(await db.media.count({ where: { verificationId: purgedOne.verification.id, purgedAt: { not: null } } })).toBe(2);
    expect(await db.blob.count({ where: { sha256: sharedSha } })).toBe(1);
    expect(await db.thumbnail.count({ where: { sha256: sharedSha } })).toBe(2);
    await assertNoBytesLeft([purgedOne.media[1].sha256]);
    const sharedMedia = await db.media.findFirstOrThrow({ where: { verificationId: purgedOne.verification.id, role: "image1" } });
    expect(sharedMedia.purgedBytes).toBe(0);
  });
});

function spawnPurgeWorker(env: Record<string, string>): { child: ChildProcess; lines: AsyncIterator<string> } {
  // tsx as a loader in the one process (its CLI would fork a child that a SIGKILL of the CLI leaves running).
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve(import.meta.dirname, "support/purge-worker.ts")], {
    env: { ...process.env, ...s3.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  return { child, lines: createInterface({ input: child.stdout })[Symbol.asyncIterator]() };
}

async function waitForLine(lines: AsyncIterator<string>, prefix: string): Promise<string> {
  for (;;) {
    const next = await lines.next();
    if (next.done) throw new Error(`the worker exited before printing ${prefix}`);
    if (next.value.startsWith(prefix)) return next.value;
  }
}

describe("retention purge, S3 objects", () => {
  it("a worker killed mid-purge (SIGKILL) and a restarted one end with every due byte gone from the bucket and the tables", async () => {
    const seeded = await Promise.all([1, 2, 3].map(() => seedOldVerification({ backend: s3.backend })));
    const hashes = seeded.flatMap((s) => s.media.map((m) => m.sha256));
    const keysBefore = await s3.keys();
    for (const sha of hashes) expect(keysBefore).toContain(blobObjectKey(sha));

    await requestRetentionRun(admin, "test");
    const first = spawnPurgeWorker({ PURGE_PAUSE_AFTER_FIRST_BATCH: "1" });
    await waitForLine(first.lines, "BATCH_COMMITTED");
    const exited = new Promise((resolve) => first.child.once("exit", resolve));
    first.child.kill("SIGKILL");
    await exited;

    // Killed between the commit and the S3 delete: one media is a tombstone, its object still there.
    const pending = await db.blob.findMany({ where: { sha256: { in: hashes }, deletePendingAt: { not: null } } });
    expect(pending).toHaveLength(1);
    expect(await s3.keys()).toContain(blobObjectKey(pending[0].sha256));
    expect(await db.media.count({ where: { verificationId: { in: seeded.map((s) => s.verification.id) }, purgedAt: { not: null } } })).toBe(1);

    await requestRetentionRun(admin, "test");
    const second = spawnPurgeWorker({});
    const done = await waitForLine(second.lines, "RUN_DONE");
    const secondExited = new Promise((resolve) => second.child.once("exit", resolve));
    second.child.kill("SIGKILL");
    await secondExited;
    // At least this suite's 5 remaining media and 6 objects: other suites share the database.
    const summary = JSON.parse(done.slice("RUN_DONE ".length)) as { media: number; s3ObjectsDeleted: number };
    expect(summary.media).toBeGreaterThanOrEqual(5);
    expect(summary.s3ObjectsDeleted).toBeGreaterThanOrEqual(6);

    await assertNoBytesLeft(hashes);
    for (const s of seeded) {
      const json = await getVerificationJson(s.verification.id);
      expect(json!.media.every((m) => m.url === null && m.purged?.policy === "API · no case")).toBe(true);
      expect(json!.runs[0].outcome).toBe("pass");
    }
  }, 120_000);
});
