import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { generateThumbnails } from "@/lib/media/generate-thumbnails";
import { putBlob } from "@/lib/media/blob-store";
import { inspectMedia } from "@/lib/media/inspect-media";
import { demoPortrait, demoSelfieVideo, listDemoFaces, type DemoFace } from "@/lib/demo/demo-faces";
import { startSandbox } from "@/lib/sandbox/start-sandbox";
import { getActivePolicy } from "@/lib/vendor-settings/vendor-policies";
import { runCheck } from "@/lib/vendors/run-check";
import { sandboxBaseUrl, vendorRegistry } from "@/lib/vendors/vendor-registry";
import type { CheckType, MediaRole, VendorId } from "@/lib/vendors/types";
import { onVerificationFinished } from "@/lib/verifications/on-verification-finished";
import { answeredBySandbox, finishedRunData, toJson } from "@/lib/verifications/run-result-data";

// Demo data for trying the console: verifications of every check type with real face photos (see
// demo-faces.ts), run for real (adapters over HTTP) against an in-process sandbox, spread over the
// last 30 days. Every row is marked `demo`, and references start with "DEMO-", so nobody mistakes
// them for real customers. Outcomes come from the sandbox markers in the files.

interface DemoCase {
  checkType: CheckType;
  vendors: VendorId[];
  scenario: string | undefined;
}

const CASES: DemoCase[] = [
  { checkType: "liveness_selfie", vendors: ["kairos", "biometric_kz"], scenario: undefined },
  { checkType: "liveness_selfie", vendors: ["kairos", "biometric_kz"], scenario: "borderline" },
  { checkType: "liveness_selfie", vendors: ["kairos", "biometric_kz"], scenario: "not_live" },
  { checkType: "face_match", vendors: ["cvs"], scenario: undefined },
  { checkType: "face_match", vendors: ["cvs"], scenario: "borderline" },
  { checkType: "face_match", vendors: ["cvs"], scenario: "sunglasses" },
  { checkType: "liveness_3angle", vendors: ["cvs"], scenario: undefined },
  { checkType: "liveness_3angle", vendors: ["cvs"], scenario: "mid_right_mismatch" },
  { checkType: "liveness_video", vendors: ["fpt"], scenario: undefined },
  { checkType: "liveness_video", vendors: ["fpt"], scenario: "need_to_review" },
];

// The files of one demo verification: one person throughout (a derived pair for face matching, three
// framings for the 3-angle set), except where the scenario says the faces differ.
async function demoFiles(demo: DemoCase, faces: DemoFace[], index: number): Promise<Array<{ role: MediaRole; bytes: Buffer }> | null> {
  const face = faces[index % faces.length];
  const other = faces[(index + 7) % faces.length];
  const brightness = 1 + ((index % 5) - 2) * 0.04; // no two demo files alike, whichever person repeats
  switch (demo.checkType) {
    case "liveness_selfie":
      return [{ role: "selfie", bytes: await demoPortrait(face, demo.scenario, { brightness }) }];
    case "face_match":
      return [
        { role: "image1", bytes: await demoPortrait(face, demo.scenario, { brightness }) },
        { role: "image2", bytes: await demoPortrait(face, demo.scenario, { margin: 0.4, brightness: brightness + 0.1 }) },
      ];
    case "liveness_3angle":
      return [
        { role: "portrait_left", bytes: await demoPortrait(face, demo.scenario, { shift: -0.2, brightness }) },
        { role: "portrait_mid", bytes: await demoPortrait(face, demo.scenario, { brightness }) },
        { role: "portrait_right", bytes: await demoPortrait(demo.scenario === "mid_right_mismatch" ? other : face, demo.scenario, { shift: 0.2, brightness }) },
      ];
    case "liveness_video":
      return demoSelfieVideo(face, demo.scenario).then((bytes) => [{ role: "video" as const, bytes }], () => null);
  }
}

export async function seedDemoData(options: { count?: number; log?: (line: string) => void } = {}) {
  const log = options.log ?? (() => {});
  const count = options.count ?? 40;
  const sandbox = await startSandbox({ port: 0 });
  const faces = listDemoFaces();
  let created = 0;
  try {
    for (let i = 0; i < count; i++) {
      const demo = CASES[i % CASES.length];
      const files = await demoFiles(demo, faces, i);
      if (!files) {
        log(`skipped a ${demo.checkType} demo: ffmpeg is not installed`);
        continue;
      }
      // Each verification is seeded in real time and then moved back in time as a whole (every
      // timestamp by the same offset), so requested < attempts < finished < completed < case opened.
      const createdAt = new Date(Date.now() - ((count - i) / count) * 30 * 24 * 3600 * 1000);
      const offset = createdAt.getTime() - Date.now();
      const shift = (at: Date | string) => new Date(new Date(at).getTime() + offset);
      const facts = await Promise.all(files.map((f) => inspectMedia(f.bytes, f.role)));
      const verification = await db.$transaction(async (tx) => {
        const v = await tx.verification.create({
          data: { checkType: demo.checkType, reference: `DEMO-${String(i + 1).padStart(4, "0")}`, note: "Demo data", source: "upload", demo: true, status: "running", createdAt },
        });
        for (const [j, file] of files.entries()) {
          const f = facts[j];
          await putBlob(tx, { bytes: file.bytes, mime: f.mime });
          await tx.media.create({ data: { verificationId: v.id, role: file.role, sha256: f.sha256, mime: f.mime, size: f.size, width: f.width, height: f.height, durationMs: f.durationMs, fps: f.fps, createdAt } });
        }
        await recordAuditEvent(tx, { kind: "system", label: "demo-seed" }, { action: "verification.created", targetType: "verification", targetId: v.id, after: { demo: true } });
        return v;
      });
      for (const vendor of demo.vendors) {
        const requestedAt = new Date();
        const active = await getActivePolicy(vendor, demo.checkType);
        const result = await runCheck({
          vendor,
          checkType: demo.checkType,
          media: files.map((f, j) => ({ role: f.role, bytes: f.bytes, mime: facts[j].mime, filename: `${f.role}.${facts[j].ext}` })),
          config: { baseUrl: sandboxBaseUrl(sandbox.url, vendor), credentials: { ...vendorRegistry[vendor].sandboxCredentials }, timeoutMs: 10_000, maxRetries: 1 },
          policy: active?.policy,
        });
        const attempts = result.attempts.map((a) => ({ ...a, startedAt: shift(a.startedAt).toISOString() }));
        // Sent to the in-process sandbox: a sandbox answer, like any run to a sandbox base URL.
        const data = finishedRunData(result, active?.policyId ?? null, toJson(attempts), answeredBySandbox(true, result.attempts));
        const startedAt = attempts[0] ? new Date(attempts[0].startedAt) : shift(requestedAt);
        await db.vendorRun.create({
          data: { verificationId: verification.id, vendor, checkType: demo.checkType, ...data, requestedAt: shift(requestedAt), startedAt, finishedAt: shift(data.finishedAt) },
        });
      }
      const anyAnswer = await db.vendorRun.count({ where: { verificationId: verification.id, status: "completed" } });
      await db.verification.update({ where: { id: verification.id }, data: { status: anyAnswer ? "completed" : "failed", completedAt: shift(new Date()) } });
      for (const sha256 of new Set(facts.map((f) => f.sha256))) await generateThumbnails(sha256);
      const flaggedFrom = new Date();
      await onVerificationFinished(verification.id);
      for (const opened of await db.reviewCase.findMany({ where: { verificationId: verification.id, openedAt: { gte: flaggedFrom } } })) {
        await db.reviewCase.update({
          where: { id: opened.id },
          data: { openedAt: shift(opened.openedAt), slaDueAt: opened.slaDueAt ? shift(opened.slaDueAt) : null },
        });
      }
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
