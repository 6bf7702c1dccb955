import type { CheckType, MediaRole } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { putBlob } from "@/lib/media/blob-store";
import { inspectMedia } from "@/lib/media/inspect-media";

/**
 * A verification with media, stored the way the creation code does it: sniff + inspect, then the
 * verification, blobs and media rows in one transaction. `withFacts: false` leaves the media rows'
 * size/duration empty, as when ffprobe was missing at upload.
 */
export async function seedVerificationWithMedia(
  files: Array<{ role: MediaRole; bytes: Uint8Array }>,
  options: { checkType?: CheckType; withFacts?: boolean; reference?: string } = {},
) {
  const inspected = await Promise.all(files.map(async (file) => ({ ...file, facts: await inspectMedia(file.bytes, file.role) })));
  return db.$transaction(async (tx) => {
    const verification = await tx.verification.create({
      data: { checkType: options.checkType ?? "liveness_selfie", source: "upload", reference: options.reference ?? "media-test" },
    });
    const media = [];
    for (const { role, bytes, facts } of inspected) {
      await putBlob(tx, { bytes, mime: facts.mime });
      const withFacts = options.withFacts ?? true;
      const row = await tx.media.create({
          data: {
            verificationId: verification.id,
            role,
            sha256: facts.sha256,
            mime: facts.mime,
            size: facts.size,
            width: withFacts ? facts.width : null,
            height: withFacts ? facts.height : null,
            durationMs: withFacts ? facts.durationMs : null,
            fps: withFacts ? facts.fps : null,
            originalFilename: `${role}.${facts.ext}`,
          },
        });
      // Freshly stored media always have their hash (only a purged tombstone has none).
      media.push({ ...row, sha256: facts.sha256 });
    }
    return { verification, media };
  });
}
