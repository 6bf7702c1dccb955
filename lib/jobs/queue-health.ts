import { sqlPool } from "@/lib/db";
import { JOBS_SCHEMA } from "@/lib/jobs/boss";

// The job queue's health as the health endpoint reports it: how many jobs wait to start, how many
// run, and the one that has waited longest to be picked up (its queue and since when). A growing
// depth or an old oldest job means the workers do not keep up (or none runs for that queue).

export interface QueueHealth {
  /** Jobs due to start now that no worker has fetched yet (new, or due for a retry). */
  waiting: number;
  /** Jobs deferred to a later time (retry back-off, rate-limit hand-back). */
  deferred: number;
  active: number;
  oldestWaiting: { queue: string; waitingSince: string; ageSeconds: number } | null;
}

export async function getQueueHealth(): Promise<QueueHealth> {
  const { rows } = await sqlPool().query<{ waiting: number; deferred: number; active: number }>(
    `SELECT count(*) FILTER (WHERE state < 'active' AND start_after <= now())::int AS waiting,
            count(*) FILTER (WHERE state < 'active' AND start_after > now())::int AS deferred,
            count(*) FILTER (WHERE state = 'active')::int AS active
     FROM ${JOBS_SCHEMA}.job WHERE state <= 'active' AND name NOT LIKE '%.dead'`,
  );
  // A due job waits from its start time (its creation, or when its retry fell due).
  const oldest = await sqlPool().query<{ name: string; since: Date; age: number }>(
    `SELECT name, start_after AS since, extract(epoch FROM now() - start_after)::float8 AS age
     FROM ${JOBS_SCHEMA}.job WHERE state < 'active' AND start_after <= now() AND name NOT LIKE '%.dead'
     ORDER BY start_after LIMIT 1`,
  );
  const counts = rows[0] ?? { waiting: 0, deferred: 0, active: 0 };
  const first = oldest.rows[0];
  return {
    ...counts,
    oldestWaiting: first ? { queue: first.name, waitingSince: first.since.toISOString(), ageSeconds: Math.round(first.age * 10) / 10 } : null,
  };
}
