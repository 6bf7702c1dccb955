import pg from "pg";
import { doNotCount } from "./count-statements";

// Where the database's sessions spend their time during the ingest: pg_stat_activity sampled every
// few milliseconds — running, waiting on a lock (and on which statement), idle inside a transaction
// (the client is busy or descheduled while holding its locks). A profile, not a timing: the share
// of samples in each state.

export interface WaitProfile {
  samples: number;
  /** "<state> · <wait> · <statement kind>" → samples seen, most frequent first. */
  top: [string, number][];
  /** Samples of a session waiting for a lock held on the audit chain's head. */
  chainHeadLockWaits: number;
  /** Samples of any session waiting for a lock. */
  lockWaits: number;
}

export function startWaitSampler(url: string, everyMs = 5): { stop(): Promise<WaitProfile> } {
  const client = new pg.Client({ connectionString: url });
  doNotCount(client);
  const seen = new Map<string, number>();
  let samples = 0;
  let chainHeadLockWaits = 0;
  let lockWaits = 0;
  let running = true;
  const loop = (async () => {
    await client.connect();
    while (running) {
      const { rows } = await client.query<{ state: string; wait: string | null; query: string; head: boolean }>(
        `SELECT a.state, a.wait_event_type || ':' || a.wait_event AS wait, left(regexp_replace(a.query, '\\s+', ' ', 'g'), 70) AS query,
                EXISTS (SELECT 1 FROM pg_locks l WHERE l.pid = ANY (pg_blocking_pids(a.pid)) AND l.relation = '"AuditChainHead"'::regclass) AS head
           FROM pg_stat_activity a
          WHERE a.datname = current_database() AND a.pid <> pg_backend_pid() AND a.state IS NOT NULL AND a.state <> 'idle'`,
      );
      samples++;
      for (const r of rows) {
        const key = `${r.state} · ${r.wait ?? "cpu"} · ${r.query}`;
        seen.set(key, (seen.get(key) ?? 0) + 1);
        if (r.wait?.startsWith("Lock:")) lockWaits++;
        if (r.head) chainHeadLockWaits++;
      }
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.end();
      return { samples, top: [...seen].sort((a, b) => b[1] - a[1]).slice(0, 12), chainHeadLockWaits, lockWaits };
    },
  };
}
