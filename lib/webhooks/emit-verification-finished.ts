import { db, sqlPool } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { latestRunPerVendor } from "@/lib/review/evaluate-review-rules";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";
import { named } from "@/lib/db/named-statement";

// verification.finished, once per finish: a retried hook (same completedAt) sends nothing new;
// a rerun that finishes later is a new finish and is announced again.
export async function emitVerificationFinished(verificationId: string): Promise<void> {
  // Asked after every finished verification, mostly to learn that nobody listens: one plain query.
  const { rowCount } = await sqlPool().query({ ...named(`SELECT 1 FROM "Webhook" WHERE "active" AND 'verification.finished' = ANY("events") LIMIT 1`) });
  if (!rowCount) return;
  const v = await db.verification.findUnique({
    where: { id: verificationId },
    select: { id: true, status: true, checkType: true, reference: true, completedAt: true, runs: { select: { vendor: true, attempt: true, status: true, outcome: true, sandbox: true } } },
  });
  if (!v) return;
  const completedAt = (v.completedAt ?? new Date()).toISOString();
  await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`verification-finished:${verificationId}`}))`;
    const sent = await tx.$queryRaw<{ n: number }[]>`
      SELECT 1 AS n FROM "WebhookDelivery"
      WHERE "event" = 'verification.finished' AND "payload"->'data'->>'id' = ${v.id} AND "payload"->'data'->>'completedAt' = ${completedAt}
      LIMIT 1`;
    if (sent.length) return;
    const data: Prisma.InputJsonObject = {
      id: v.id,
      url: `/api/v1/verifications/${v.id}`,
      status: v.status,
      checkType: v.checkType,
      reference: v.reference,
      completedAt,
      runs: latestRunPerVendor(v.runs).map((r) => ({ vendor: r.vendor, attempt: r.attempt, status: r.status, outcome: r.outcome, sandbox: r.sandbox })),
    };
    await emitWebhookEvent(tx, "verification.finished", data);
  });
}
