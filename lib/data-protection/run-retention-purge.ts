import type { Actor } from "@/lib/audit/record-audit-event";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { finishPendingBlobDeletions, purgeMedia, type PurgeResult } from "@/lib/data-protection/purge-media";
import { listRetentionRules } from "@/lib/data-protection/retention-policies";
import { ruleMediaSql } from "@/lib/data-protection/retention-rules";
import { configuredBlobBackend, type BlobBackend } from "@/lib/media/blob-store";

// One retention run (the `retention-purge` job, on its schedule or "Run now"): every rule with a
// duration purges its due media in batches, each batch one transaction, so a crash loses at most
// the batch in flight and the next run carries on where this one stopped.

export const RETENTION_ACTOR: Actor = { kind: "system", label: "retention" };
export const DEFAULT_PURGE_BATCH = 100;

export interface RetentionRunOptions {
  batchSize?: number;
  backend?: BlobBackend;
  signal?: AbortSignal;
  // Called after each committed batch, before its S3 objects are deleted (tests crash here).
  afterBatch?: (batch: PurgeResult & { policy: string }) => Promise<void>;
}

export interface RetentionRunSummary {
  rules: Array<{ policy: string; media: number; verifications: number; bytes: number; heldMedia: number }>;
  media: number;
  bytes: number;
  s3ObjectsDeleted: number;
}

export async function runRetentionPurge(trigger: string, options: RetentionRunOptions = {}): Promise<RetentionRunSummary> {
  const batchSize = options.batchSize ?? DEFAULT_PURGE_BATCH;
  const backend = options.backend ?? configuredBlobBackend();
  // What an earlier run committed but could not finish deleting (it crashed).
  let s3ObjectsDeleted = await finishPendingBlobDeletions(backend);
  const summary: RetentionRunSummary = { rules: [], media: 0, bytes: 0, s3ObjectsDeleted: 0 };

  for (const rule of await listRetentionRules()) {
    if (rule.mediaDays === null || rule.id === null) continue;
    const total = { policy: rule.name, media: 0, verifications: 0, bytes: 0, heldMedia: 0 };
    for (;;) {
      options.signal?.throwIfAborted();
      const batch = await db.$transaction(
        async (tx) => {
          const due = await tx.$queryRaw<Array<{ id: string }>>`
            SELECT m."id" ${ruleMediaSql(rule.source, rule.caseState, rule.mediaDays!, false)}
            ORDER BY m."id" LIMIT ${batchSize} FOR UPDATE OF m SKIP LOCKED`;
          return purgeMedia(tx, due.map((d) => d.id), { kind: "policy", policyId: rule.id!, policyName: rule.name }, RETENTION_ACTOR);
        },
        { timeout: 120_000 },
      );
      if (batch.media === 0) break;
      total.media += batch.media;
      total.verifications += batch.verifications;
      total.bytes += batch.bytes;
      await options.afterBatch?.({ ...batch, policy: rule.name });
      s3ObjectsDeleted += await finishPendingBlobDeletions(backend);
    }
    const [held] = await db.$queryRaw<Array<{ media: bigint }>>`SELECT count(*)::bigint AS media ${ruleMediaSql(rule.source, rule.caseState, rule.mediaDays, true)}`;
    total.heldMedia = Number(held?.media ?? 0);
    summary.rules.push(total);
    summary.media += total.media;
    summary.bytes += total.bytes;
  }
  summary.s3ObjectsDeleted = s3ObjectsDeleted;
  await recordAuditEvent(db, RETENTION_ACTOR, {
    action: "retention.run",
    targetType: "retention",
    after: { trigger, media: summary.media, bytes: summary.bytes, s3ObjectsDeleted, rules: summary.rules },
  });
  return summary;
}
