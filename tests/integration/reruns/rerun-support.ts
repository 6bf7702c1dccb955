import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { Outcome } from "@/lib/generated/prisma/enums";
import type { JobContext } from "@/lib/jobs/handlers";
import { putBlob } from "@/lib/media/blob-store";
import { createSampleImage } from "@/lib/sandbox/sample-media";
import type { VendorId } from "@/lib/vendors/types";

// Verifications seeded straight into the database with an earlier (finished) run, so a rerun has
// history to add to and something to compare with.
export async function seedSelfieVerification(options: { scenario: string; seed: number; reference: string; earlier?: { vendor: VendorId; outcome: Outcome }[] }) {
  const bytes = await createSampleImage({ scenario: options.scenario, seed: options.seed, width: 320, height: 240 });
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const blob = await putBlob(db, { bytes, mime: "image/jpeg" });
  if (blob.sha256 !== sha256) throw new Error("blob store hashed the sample differently");
  const at = new Date(Date.now() - 60_000);
  return db.verification.create({
    data: {
      checkType: "liveness_selfie",
      source: "upload",
      status: "completed",
      reference: options.reference,
      completedAt: at,
      media: { create: [{ role: "selfie", sha256, mime: "image/jpeg", size: bytes.length, width: 320, height: 240, originalFilename: "selfie.jpg" }] },
      runs: {
        create: (options.earlier ?? []).map((r) => ({
          vendor: r.vendor,
          checkType: "liveness_selfie" as const,
          attempt: 1,
          status: r.outcome === "error" ? ("failed" as const) : ("completed" as const),
          outcome: r.outcome,
          requestedAt: at,
          startedAt: at,
          finishedAt: at,
        })),
      },
    },
  });
}

export function jobContext(overrides: Partial<JobContext> = {}): JobContext {
  return { jobId: "direct", queue: "bulk-rerun", attempt: 1, isLastAttempt: false, signal: new AbortController().signal, ...overrides };
}
