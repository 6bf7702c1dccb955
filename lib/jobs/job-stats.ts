import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { getBoss, JOBS_SCHEMA } from "@/lib/jobs/boss";
import { toJobData, transactionExecutor } from "@/lib/jobs/enqueue-job";
import { JOB_QUEUES, type QueueCatalogue, type QueueDefinition } from "@/lib/jobs/queues";

// What the admin jobs page shows, read straight from pg-boss's tables (read-only, except for the
// retry). pg-boss moves a job that failed for good into `<queue>.dead` as a new job that nothing
// works, carrying the payload and the last error; its original stays "failed" until archived.

const job = Prisma.raw(`${JOBS_SCHEMA}.job`);

export interface QueueStats {
  queue: string;
  // Waiting to start (new, deferred, or waiting for a retry).
  queued: number;
  // Of those, waiting for a retry after a failure.
  retrying: number;
  active: number;
  // Completed recently (pg-boss archives completed jobs after 12 hours).
  completed: number;
  failed: number;
  // Waiting in the dead-letter queue for an admin.
  dead: number;
}

export interface DeadJob {
  id: string;
  queue: string;
  data: unknown;
  error: string | null;
  deadAt: Date;
}

function queuesOf(catalogue: QueueCatalogue): QueueDefinition[] {
  return Object.values(catalogue);
}

async function isInstalled(): Promise<boolean> {
  const [row] = await db.$queryRaw<{ present: boolean }[]>`SELECT to_regclass(${`${JOBS_SCHEMA}.job`}) IS NOT NULL AS present`;
  return row?.present ?? false;
}

export async function findQueueStats(catalogue: QueueCatalogue = JOB_QUEUES): Promise<QueueStats[]> {
  const queues = queuesOf(catalogue);
  const stats = queues.map((q) => ({ queue: q.name, queued: 0, retrying: 0, active: 0, completed: 0, failed: 0, dead: 0 }));
  if (!(await isInstalled())) return stats;
  const names = queues.flatMap((q) => [q.name, q.deadLetter]);
  const rows = await db.$queryRaw<{ name: string; state: string; count: number }[]>`
    SELECT name, state::text AS state, count(*)::int AS count
    FROM ${job}
    WHERE name = ANY(${names}::text[])
    GROUP BY name, state`;
  const byName = new Map(stats.map((s) => [s.queue, s]));
  const byDeadLetter = new Map(queues.map((q) => [q.deadLetter as string, byName.get(q.name)!]));
  for (const row of rows) {
    const dead = byDeadLetter.get(row.name);
    if (dead) {
      if (row.state === "created" || row.state === "retry") dead.dead += row.count;
      continue;
    }
    const s = byName.get(row.name);
    if (!s) continue;
    if (row.state === "created") s.queued += row.count;
    else if (row.state === "retry") {
      s.queued += row.count;
      s.retrying += row.count;
    } else if (row.state === "active") s.active += row.count;
    else if (row.state === "completed") s.completed += row.count;
    else if (row.state === "failed") s.failed += row.count;
  }
  return stats;
}

function errorMessage(output: unknown): string | null {
  if (output && typeof output === "object" && "message" in output && typeof output.message === "string") return output.message;
  if (output && typeof output === "object" && "value" in output) return errorMessage(output.value);
  return output == null ? null : JSON.stringify(output);
}

export async function findDeadJobs(
  options: { queue?: string; limit?: number } = {},
  catalogue: QueueCatalogue = JOB_QUEUES,
): Promise<DeadJob[]> {
  const queues = queuesOf(catalogue).filter((q) => !options.queue || q.name === options.queue);
  if (queues.length === 0 || !(await isInstalled())) return [];
  const sourceOf = new Map(queues.map((q) => [q.deadLetter as string, q.name]));
  const rows = await db.$queryRaw<{ id: string; name: string; data: unknown; output: unknown; created_on: Date }[]>`
    SELECT id::text AS id, name, data, output, created_on
    FROM ${job}
    WHERE name = ANY(${[...sourceOf.keys()]}::text[]) AND state < 'active'
    ORDER BY created_on DESC, id
    LIMIT ${Math.min(Math.max(1, options.limit ?? 50), 500)}`;
  return rows.map((r) => ({ id: r.id, queue: sourceOf.get(r.name)!, data: r.data, error: errorMessage(r.output), deadAt: r.created_on }));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Sends the dead job's payload to its queue again (fresh retries) and marks the dead job done, in
// one transaction with the audit event; retrying the same dead job twice finds nothing to retry.
export async function retryDeadJob(actor: Actor, deadJobId: string, catalogue: QueueCatalogue = JOB_QUEUES): Promise<{ queue: string; jobId: string }> {
  if (!UUID.test(deadJobId)) throw new NotFoundError("That dead job does not exist.");
  const queues = queuesOf(catalogue);
  const sourceOf = new Map(queues.map((q) => [q.deadLetter as string, q.name]));
  const boss = await getBoss();
  return db.$transaction(async (tx) => {
    const [dead] = await tx.$queryRaw<{ name: string; data: unknown }[]>`
      SELECT name, data FROM ${job}
      WHERE id = ${deadJobId}::uuid AND name = ANY(${[...sourceOf.keys()]}::text[]) AND state < 'active'
      FOR UPDATE`;
    if (!dead) throw new NotFoundError("That dead job does not exist or was already retried.");
    const queue = sourceOf.get(dead.name)!;
    const jobId = await boss.send(queue, toJobData(dead.data), { db: transactionExecutor(tx) });
    if (!jobId) throw new Error(`pg-boss did not accept the retry of ${deadJobId} on ${queue}`);
    await tx.$executeRaw`
      UPDATE ${job} SET state = 'completed', completed_on = now(),
        output = COALESCE(output, '{}'::jsonb) || jsonb_build_object('retriedAs', ${jobId}::text)
      WHERE name = ${dead.name} AND id = ${deadJobId}::uuid`;
    await recordAuditEvent(tx, actor, {
      action: "job.retried",
      targetType: "job",
      targetId: deadJobId,
      after: { queue, jobId },
    });
    return { queue, jobId };
  });
}

export interface JobTimelineEntry {
  id: string;
  queue: string;
  // created | retry | active | completed | cancelled | failed, or "dead" for a dead-letter copy.
  state: string;
  attempt: number;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  // The error of a failed attempt, or why a job was handed back ("rate-limited", "worker stopping").
  note: string | null;
}

const archive = Prisma.raw(`${JOBS_SCHEMA}.archive`);

// Every job (live or archived, dead letters included) whose payload has `field` = `value`, oldest
// first: e.g. the vendor-call jobs of one VendorRun for the verification's timeline. Reads the
// payload JSON, so keep it to one verification's handful of jobs.
export async function findJobTimeline(filter: { field: string; value: string }, catalogue: QueueCatalogue = JOB_QUEUES): Promise<JobTimelineEntry[]> {
  if (!(await isInstalled())) return [];
  const queues = queuesOf(catalogue);
  const sourceOf = new Map(queues.map((q) => [q.deadLetter as string, q.name]));
  const names = queues.flatMap((q) => [q.name, q.deadLetter]);
  const rows = await db.$queryRaw<
    { id: string; name: string; state: string; retry_count: number; created_on: Date; started_on: Date | null; completed_on: Date | null; output: unknown }[]
  >`
    SELECT id::text AS id, name, state::text AS state, retry_count, created_on, started_on, completed_on, output FROM ${job}
    WHERE name = ANY(${names}::text[]) AND data->>${filter.field} = ${filter.value}
    UNION ALL
    SELECT id::text AS id, name, state::text AS state, retry_count, created_on, started_on, completed_on, output FROM ${archive}
    WHERE name = ANY(${names}::text[]) AND data->>${filter.field} = ${filter.value}
    ORDER BY created_on, id`;
  return rows.map((r) => {
    const dead = sourceOf.get(r.name);
    const output = r.output && typeof r.output === "object" ? r.output : null;
    const reason = output && "reason" in output && typeof output.reason === "string" ? output.reason : null;
    const note = reason ?? (dead || r.state === "failed" || r.state === "retry" ? errorMessage(r.output) : null);
    return {
      id: r.id,
      queue: dead ?? r.name,
      state: dead ? "dead" : r.state,
      attempt: r.retry_count + 1,
      createdAt: r.created_on,
      startedAt: r.started_on,
      finishedAt: r.completed_on,
      note,
    };
  });
}
