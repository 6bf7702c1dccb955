import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import type { MediaRole, VerificationSource } from "@/lib/generated/prisma/enums";
import { putBlob, stageBlob, type BlobBackend } from "@/lib/media/blob-store";
import { makeImage } from "@/tests/unit/media/support/make-test-media";

// Verifications as retention finds them: finished, old (1920: before any cutoff of 100 years, and
// a year no other suite writes to), with real image bytes, a thumbnail and filmstrip rows for each,
// and a CVS-like raw answer that echoes face crops in base64.

export const OLD = new Date("1920-01-01T00:00:00Z");

// makeImage tags every image uniquely (EXIF), so each has its own hash.
export function distinctImage() {
  return makeImage("jpeg", 64, 48);
}

export async function seedOldVerification(options: {
  backend: BlobBackend;
  reference?: string;
  source?: VerificationSource;
  caseState?: "no_case" | "case_decided" | "case_open";
  images?: Array<{ role: MediaRole; bytes: Uint8Array }>;
  createdAt?: Date;
}) {
  const images = options.images ?? [{ role: "image1" as const, bytes: await distinctImage() }, { role: "image2" as const, bytes: await distinctImage() }];
  const staged = await Promise.all(images.map((i) => stageBlob({ bytes: i.bytes, mime: "image/jpeg" }, options.backend)));
  const crop = Buffer.from(images[0].bytes).toString("base64");
  return db.$transaction(async (tx) => {
    const v = await tx.verification.create({
      data: {
        checkType: "face_match",
        source: options.source ?? "api",
        status: "completed",
        reference: options.reference ?? `ret-${randomUUID().slice(0, 8)}`,
        note: "personal note",
        createdAt: options.createdAt ?? OLD,
        completedAt: options.createdAt ?? OLD,
      },
    });
    const media = [];
    for (const [i, image] of images.entries()) {
      const blob = await putBlob(tx, staged[i], options.backend);
      media.push(await tx.media.create({ data: { verificationId: v.id, role: image.role, sha256: blob.sha256, mime: "image/jpeg", size: blob.size, originalFilename: `${image.role}.jpg` } }));
      await tx.thumbnail.createMany({
        data: [
          { sha256: blob.sha256, kind: "thumb", mime: "image/webp", width: 8, height: 8, data: Buffer.from(image.bytes.subarray(0, 64)) },
          { sha256: blob.sha256, kind: "filmstrip", position: 0, mime: "image/webp", width: 8, height: 8, data: Buffer.from(image.bytes.subarray(0, 64)) },
        ],
        skipDuplicates: true,
      });
    }
    const raw = { data: { matching: "81.2", face1: crop, face2: crop, face1_score: "0.99", match: "1" }, errorCode: "0" };
    await tx.vendorRun.create({
      data: { verificationId: v.id, vendor: "cvs", checkType: "face_match", status: "completed", outcome: "pass", raw, normalized: { outcome: "pass", raw }, finishedAt: OLD },
    });
    if (options.caseState && options.caseState !== "no_case") {
      const decided = options.caseState === "case_decided";
      await tx.reviewCase.create({
        data: { verificationId: v.id, checkType: "face_match", reference: v.reference, status: decided ? "decided" : "open", decision: decided ? "approve" : null, decidedAt: decided ? OLD : null, openedAt: OLD },
      });
    }
    return { verification: v, media: media.map((m) => ({ ...m, sha256: m.sha256! })) };
  }, { timeout: 60_000, maxWait: 30_000 });
}
