import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chooseEmbeddedPort, resolveDatabaseUrlForCli } from "@/lib/runtime/cli-database";
import { readRunningClusterPort, resolveClusterDir, resolveDataDir } from "@/lib/runtime/data-dir";
import { DEFAULT_EMBEDDED_PG_PORT, ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from "@/lib/runtime/embedded-postgres";
import { loadOrCreateLocalSecrets } from "@/lib/runtime/local-secrets";
import { freePort } from "@/tests/support/provision-database";

// `npm run cli` / `npm run db:seed` next to an `npm start` that runs its embedded PostgreSQL on a
// port of its own: they find it from the data folder, or say what they tried and what to set.
const saved = { ...process.env };
const dataDir = mkdtempSync(path.join(os.tmpdir(), "verdict-cli-db-"));
let server: RunningPostgres;
let port: number;

beforeAll(async () => {
  process.env.VERDICT_DATA_DIR = dataDir;
  const dir = resolveDataDir();
  const secrets = loadOrCreateLocalSecrets(dir);
  port = await freePort();
  server = await startEmbeddedPostgres({ dir: resolveClusterDir(dir), port, password: secrets.postgresPassword, persistent: false });
  await ensureDatabase(server.urlFor("postgres"), "verdict");
}, 120_000);

afterAll(async () => {
  for (const key of ["DATABASE_URL", "EMBEDDED_PG_PORT", "VERDICT_DATA_DIR"]) {
    if (saved[key] === undefined) delete process.env[key];
    else process.env[key] = saved[key];
  }
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function withoutDatabaseSettings(extra: Record<string, string> = {}) {
  delete process.env.DATABASE_URL;
  delete process.env.EMBEDDED_PG_PORT;
  Object.assign(process.env, extra);
}

describe("the CLI's database", () => {
  it("reads the running server's port from its postmaster.pid", () => {
    expect(readRunningClusterPort(resolveClusterDir(resolveDataDir()))).toBe(port);
    expect(readRunningClusterPort(path.join(dataDir, "nothing-here"))).toBeNull();
  });

  it("prefers EMBEDDED_PG_PORT, then the running server's port, then the default", () => {
    expect(chooseEmbeddedPort("6000", 5420)).toBe(6000);
    expect(chooseEmbeddedPort(undefined, 5420)).toBe(5420);
    expect(chooseEmbeddedPort("", null)).toBe(DEFAULT_EMBEDDED_PG_PORT);
  });

  it("finds the embedded server npm start runs on another port, without EMBEDDED_PG_PORT, and leaves it running", async () => {
    withoutDatabaseSettings();
    const stop = await resolveDatabaseUrlForCli(["user", "list"]);
    expect(new URL(process.env.DATABASE_URL!).port).toBe(String(port));
    await stop();
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query<{ count: string }>(`SELECT count(*) FROM "_prisma_migrations"`);
    await client.end();
    expect(Number(rows[0].count)).toBeGreaterThan(0);
  }, 60_000);

  it("says which port runs and what to set when EMBEDDED_PG_PORT points elsewhere", async () => {
    const wrong = await freePort();
    withoutDatabaseSettings({ EMBEDDED_PG_PORT: String(wrong) });
    await expect(resolveDatabaseUrlForCli(["user", "list"])).rejects.toThrow(
      `runs on port ${port}, but EMBEDDED_PG_PORT says ${wrong}: unset EMBEDDED_PG_PORT or set it to ${port}.`,
    );
  });

  it("names the address it tried when DATABASE_URL does not answer", async () => {
    const closed = await freePort();
    withoutDatabaseSettings({ DATABASE_URL: `postgresql://postgres@127.0.0.1:${closed}/verdict` });
    await expect(resolveDatabaseUrlForCli(["user", "list"])).rejects.toThrow(`no answer from 127.0.0.1:${closed}/verdict (DATABASE_URL)`);
  });
});
