import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations, MigrationError } from "@/lib/db/migrate";

// Each case works in a database of its own, created on the same server as the test database.
const serverUrl = process.env.DATABASE_URL!;
const created: string[] = [];

async function admin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function freshDatabase(): Promise<string> {
  const name = `verdict_migrate_${Date.now()}_${Math.floor(Math.random() * 1e6)}`;
  await admin((c) => c.query(`CREATE DATABASE "${name}"`));
  created.push(name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function migrationsDir(files: Record<string, string>) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "verdict-migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(path.join(dir, name));
    writeFileSync(path.join(dir, name, "migration.sql"), sql);
  }
  return dir;
}

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

beforeAll(() => {
  if (!serverUrl) throw new Error("DATABASE_URL is not set: run the tests with `npm test`.");
});
afterAll(async () => {
  await admin(async (c) => {
    for (const name of created) await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  });
});

describe("applyMigrations", () => {
  it("applies the project's migrations once, in Prisma's table format, and a re-run is a no-op", async () => {
    const url = await freshDatabase();
    const first = await applyMigrations(url);
    expect(first.applied.length).toBeGreaterThan(0);
    const second = await applyMigrations(url);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(first.applied);
    const rows = await query(url, `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`);
    expect(rows.map((r) => r.migration_name)).toEqual(first.applied);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.checksum) && r.finished_at && r.applied_steps_count === 1)).toBe(true);
  });

  it("lets two processes start at once and applies each migration exactly once", async () => {
    const url = await freshDatabase();
    const [a, b] = await Promise.all([applyMigrations(url), applyMigrations(url)]);
    expect([...a.applied, ...b.applied].sort()).toEqual([...a.applied, ...a.alreadyApplied].sort());
    const rows = await query(url, `SELECT count(*)::int AS n FROM "_prisma_migrations"`);
    expect(rows[0].n).toBe(a.applied.length + a.alreadyApplied.length);
  });

  it("refuses a migration edited after it was applied, with a clear message", async () => {
    const url = await freshDatabase();
    const dir = migrationsDir({ "001_a": "CREATE TABLE t (id int);" });
    await applyMigrations(url, { dir });
    writeFileSync(path.join(dir, "001_a", "migration.sql"), "CREATE TABLE t (id bigint);");
    await expect(applyMigrations(url, { dir })).rejects.toThrow(/001_a was edited after it was applied/);
  });

  it("rolls a failing migration back whole and records nothing", async () => {
    const url = await freshDatabase();
    const dir = migrationsDir({ "001_ok": "CREATE TABLE ok (id int);", "002_bad": "CREATE TABLE half (id int); SELECT no_such_function();" });
    await expect(applyMigrations(url, { dir })).rejects.toBeInstanceOf(MigrationError);
    const tables = await query(url, `SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`);
    expect(tables.map((t) => t.tablename)).toEqual(["_prisma_migrations", "ok"]);
    const recorded = await query(url, `SELECT migration_name FROM "_prisma_migrations"`);
    expect(recorded.map((r) => r.migration_name)).toEqual(["001_ok"]);
  });
});
