import { readEnv } from "@/lib/config/env";
import { readSqlPool } from "@/lib/db";

export interface ReadReplicaStatus {
  /** The server at DATABASE_READ_URL is a standby (in recovery), i.e. really a replica. */
  isReplica: boolean;
  /** Its WAL receiver streams from the primary (needs pg_read_all_stats to be seen; false when hidden). */
  streaming: boolean;
  /** 0 when everything received is replayed; else the age of the last replayed transaction. */
  lagSeconds: number | null;
}

/** How far the dashboards' read replica trails the primary; null when there is none (they read the primary). */
export async function readReplicaStatus(): Promise<ReadReplicaStatus | null> {
  if (!readEnv().DATABASE_READ_URL) return null;
  const { rows } = await readSqlPool().query<{ is_replica: boolean; streaming: boolean; lag_seconds: number | null }>(`
    SELECT pg_is_in_recovery() AS is_replica,
      EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming') AS streaming,
      CASE WHEN NOT pg_is_in_recovery() OR pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
        ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END AS lag_seconds`);
  const row = rows[0];
  if (!row) throw new Error("the read replica returned no status row");
  return { isReplica: row.is_replica, streaming: row.streaming, lagSeconds: row.lag_seconds };
}
