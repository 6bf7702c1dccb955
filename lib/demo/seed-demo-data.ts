import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { generateThumbnails } from "@/lib/media/generate-thumbnails";
import { putBlob } from "@/lib/media/blob-store";
import { inspectMedia } from "@/lib/media/inspect-media";
import { createSampleImage, createSampleVideo } from "@/lib/sandbox/sample-media";
import { startSandbox } from "@/lib/sandbox/start-sandbox";
import { getActivePolicy } from "@/lib/vendor-settings/vendor-policies";
import { runCheck } from "@/lib/vendors/run-check";
import { sandboxBaseUrl, vendorRegistry } from "@/lib/vendors/vendor-registry";
import type { CheckType, MediaRole, VendorId } from "@/lib/vendors/types";
import { onVerificationFinished } from "@/lib/verifications/on-verification-finished";
import { answeredBySandbox, finishedRunData, toJson } from "@/lib/verifications/run-result-data";

// Demo data for trying the console: verifications of every check type, run for real (adapters over
// HTTP) against an in-process sandbox, spread over the last 30 days. Every row is marked `demo`,
// and references start with "DEMO-", so nobody mistakes them for real customers.

interface DemoCase {
  checkType: CheckType;
  vendors: VendorId[];
  roles: MediaRole[];
  scenario: string | undefined;
}

const CASES: DemoCase[] = [
  { checkType: "liveness_selfie", vendors: ["kairos", "biometric_kz"], roles: ["selfie"], scenario: undefined },
  { checkType: "liveness_selfie", vendors: ["kairos", "biometric_kz"], roles: ["selfie"], scenario: "borderline" },
  { checkType: "liveness_selfie", vendors: ["kairos", "biometric_kz"], roles: ["selfie"], scenario: "not_live" },
  { checkType: "face_match", vendors: ["cvs"], roles: ["image1", "image2"], scenario: undefined },
  { checkType: "face_match", vendors: ["cvs"], roles: ["image1", "image2"], scenario: "borderline" },
  { checkType: "face_match", vendors: ["cvs"], roles: ["image1", "image2"], scenario: "sunglasses" },
  { checkType: "liveness_3angle", vendors: ["cvs"], roles: ["portrait_left", "portrait_mid", "portrait_right"], scenario: undefined },
  { checkType: "liveness_3angle", vendors: ["cvs"], roles: ["portrait_left", "portrait_mid", "portrait_right"], scenario: "mid_right_mismatch" },
  { checkType: "liveness_video", vendors: ["fpt"], roles: ["video"], scenario: undefined },
  { checkType: "liveness_video", vendors: ["fpt"], roles: ["video"], scenario: "need_to_review" },
];

async function sampleFile(role: MediaRole, scenario: string | undefined, seed: number): Promise<Buffer | null> {
  if (role === "video") return createSampleVideo({ scenario, seed, durationS: 5 }).catch(() => null);
  return createSampleImage({ scenario, seed, width: 900, height: 700 });
}

export async function seedDemoData(options: { count?: number; log?: (line: string) => void } = {}) {
  const log = options.log ?? (() => {});
  const count = options.count ?? 40;
  const sandbox = await startSandbox({ port: 0 });
  let created = 0;
  try {
    for (let i = 0; i < count; i++) {
      const demo = CASES[i % CASES.length]!;
      const files: Array<{ role: MediaRole; bytes: Buffer }> = [];
      for (const role of demo.roles) {
        const bytes = await sampleFile(role, demo.scenario, 1000 + i * 7 + files.length);
        if (bytes) files.push({ role, bytes });
      }
      if (files.length < demo.roles.length) {
        log(`skipped a ${demo.checkType} demo: ffmpeg is not installed`);
        continue;
      }
      const createdAt = new Date(Date.now() - ((count - i) / count) * 30 * 24 * 3600 * 1000);
      const facts = await Promise.all(files.map((f) => inspectMedia(f.bytes, f.role)));
      const verification = await db.$transaction(async (tx) => {
        const v = await tx.verification.create({
          data: { checkType: demo.checkType, reference: `DEMO-${String(i + 1).padStart(4, "0")}`, note: "Demo data", source: "upload", demo: true, status: "running", createdAt },
        });
        for (const [j, file] of files.entries()) {
          const f = facts[j]!;
          await putBlob(tx, { bytes: file.bytes, mime: f.mime });
          await tx.media.create({ data: { verificationId: v.id, role: file.role, sha256: f.sha256, mime: f.mime, size: f.size, width: f.width, height: f.height, durationMs: f.durationMs, fps: f.fps, createdAt } });
        }
        await recordAuditEvent(tx, { kind: "system", label: "demo-seed" }, { action: "verification.created", targetType: "verification", targetId: v.id, after: { demo: true } });
        return v;
      });
      for (const vendor of demo.vendors) {
        const active = await getActivePolicy(vendor, demo.checkType);
        const result = await runCheck({
          vendor,
          checkType: demo.checkType,
          media: files.map((f, j) => ({ role: f.role, bytes: f.bytes, mime: facts[j]!.mime, filename: `${f.role}.${facts[j]!.ext}` })),
          config: { baseUrl: sandboxBaseUrl(sandbox.url, vendor), credentials: { ...vendorRegistry[vendor].sandboxCredentials }, timeoutMs: 10_000, maxRetries: 1 },
          policy: active?.policy,
        });
        // Sent to the in-process sandbox: a sandbox answer, like any run to a sandbox base URL.
        const data = finishedRunData(result, active?.policyId ?? null, toJson(result.attempts), answeredBySandbox(true, result.attempts));
        await db.vendorRun.create({
          data: { verificationId: verification.id, vendor, checkType: demo.checkType, requestedAt: createdAt, startedAt: createdAt, ...data, finishedAt: new Date(createdAt.getTime() + data.latencyMs) },
        });
      }
      const anyAnswer = await db.vendorRun.count({ where: { verificationId: verification.id, status: "completed" } });
      await db.verification.update({ where: { id: verification.id }, data: { status: anyAnswer ? "completed" : "failed", completedAt: new Date(createdAt.getTime() + 2000) } });
      for (const sha256 of new Set(facts.map((f) => f.sha256))) await generateThumbnails(sha256);
      await onVerificationFinished(verification.id);
      created += 1;
    }
  } finally {
    await sandbox.close();
  }
  log(`created ${created} demo verifications (references DEMO-0001…)`);
  return created;
}

export async function deleteDemoData() {
  return db.$transaction(async (tx) => {
    const ids = (await tx.verification.findMany({ where: { demo: true }, select: { id: true } })).map((v) => v.id);
    // Demo verifications leave the test sets they were put in; their runs, media rows and cases go with them.
    await tx.testSetItem.deleteMany({ where: { verificationId: { in: ids } } });
    await tx.verification.deleteMany({ where: { id: { in: ids } } });
    return ids.length;
  });
}
