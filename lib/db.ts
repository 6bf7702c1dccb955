import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { readEnv } from "@/lib/config/env";

// One connection pool and one Prisma client per process. Prisma runs on the pool; the few hot paths
// that a verification goes through on its way in (lib/verifications/*-sql.ts) talk to the same pool
// in plain SQL, where Prisma's per-query work would cost more than the database's.
//
// Secret columns are omitted by default so a password hash or an encrypted vendor secret never
// leaves a query by accident; ask for them with `omit: { x: false }`.
function createClient(pool: pg.Pool) {
  return new PrismaClient({
    adapter: new PrismaPg(pool),
    omit: {
      user: { passwordHash: true, totpSecretEncrypted: true },
      vendorConfig: { credentialsEncrypted: true },
      webhook: { secretEncrypted: true },
      // Bytes are read only where they are served; lists never load them by accident.
      blob: { data: true },
      thumbnail: { data: true },
    },
  });
}

export type Db = ReturnType<typeof createClient>;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

interface Connection {
  pool: pg.Pool;
  client: Db;
}

const globalForDb = globalThis as unknown as { verdictDb?: Connection; verdictReadDb?: Connection };

function connect(connectionString: string, max: number): Connection {
  const pool = new pg.Pool({ connectionString, max });
  // A connection the server drops while idle must not crash the process; the pool replaces it.
  pool.on("error", (error) => {
    if (!isServerShutdown(error)) console.error(`[db] idle connection lost: ${error.message}`);
  });
  return { pool, client: createClient(pool) };
}

// Created on first use, so importing this module never needs DATABASE_URL (e.g. at build time).
function connection(): Connection {
  if (!globalForDb.verdictDb) {
    const { DATABASE_URL, DATABASE_POOL_SIZE } = readEnv();
    if (!DATABASE_URL) throw new Error("DATABASE_URL is not set");
    globalForDb.verdictDb = connect(DATABASE_URL, DATABASE_POOL_SIZE);
  }
  return globalForDb.verdictDb;
}

/** The read replica's connection when DATABASE_READ_URL is set, else the primary's. */
function readConnection(): Connection {
  const { DATABASE_READ_URL, DATABASE_POOL_SIZE } = readEnv();
  if (!DATABASE_READ_URL) return connection();
  globalForDb.verdictReadDb ??= connect(DATABASE_READ_URL, DATABASE_POOL_SIZE);
  return globalForDb.verdictReadDb;
}

function clientProxy(pick: () => Connection): Db {
  return new Proxy({} as Db, {
    get(_target, property, receiver) {
      const value: unknown = Reflect.get(pick().client, property, receiver);
      return value;
    },
  });
}

export const db: Db = clientProxy(connection);

/**
 * For reads that may lag the primary by the replica's delay (the dashboards, which read rollups):
 * the replica at DATABASE_READ_URL when one is set, else the primary. Never write through it.
 */
export const readDb: Db = clientProxy(readConnection);

/**
 * PostgreSQL closing a connection because it is shutting down or restarting (57P01): routine for an
 * idle pooled connection (the pool opens a new one), and what every connection sees when `npm start`
 * stops its embedded server on Ctrl-C.
 */
export function isServerShutdown(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "57P01";
}

/** The process's pool, for plain SQL on hot paths. */
export function sqlPool(): pg.Pool {
  return connection().pool;
}

/** readDb's pool, for plain SQL reads that may lag (see readDb). */
export function readSqlPool(): pg.Pool {
  return readConnection().pool;
}

/** Runs `work` in one transaction on one pooled connection: committed when it resolves, rolled back when it throws. */
export async function inSqlTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await sqlPool().connect();
  // A connection whose ROLLBACK fails is in an unknown state: the pool discards it.
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

export async function disconnectDb() {
  const open = [globalForDb.verdictDb, globalForDb.verdictReadDb];
  globalForDb.verdictDb = undefined;
  globalForDb.verdictReadDb = undefined;
  for (const current of open) {
    if (!current) continue;
    await current.client.$disconnect();
    await current.pool.end();
  }
}
