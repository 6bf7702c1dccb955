import type PgBoss from "pg-boss";
import pg from "pg";
import { isServerShutdown } from "@/lib/db";
import { named } from "@/lib/db/named-statement";

// pg-boss's connection pool, ours instead of its own so that its statements go out named: fetching,
// inserting and completing jobs are a handful of fixed texts sent for every verification, and
// PostgreSQL would otherwise plan each of them again on every call (lib/db/named-statement.ts).
// Texts without parameters (its migrations, several commands in one) are sent as they are.
export class JobsDatabase implements PgBoss.Db {
  private readonly pool: pg.Pool;

  constructor(config: pg.PoolConfig) {
    this.pool = new pg.Pool(config);
    // A connection the server drops while idle must not crash the process; the pool replaces it.
    this.pool.on("error", (error) => {
      if (!isServerShutdown(error)) console.error(`[jobs] idle connection lost: ${error.message}`);
    });
  }

  executeSql(text: string, values?: unknown[]) {
    return values && values.length > 0 ? this.pool.query({ ...named(text), values }) : this.pool.query(text);
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
