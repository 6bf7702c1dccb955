import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, chmodSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { startEmbeddedPostgres, type RunningPostgres } from "@/lib/runtime/embedded-postgres";

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function withDatabase(serverUrl: string, database: string) {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

// A throwaway, migrated database for one test run: on the server at DATABASE_URL when set
// (CI: the machine's PostgreSQL), otherwise on an embedded PostgreSQL in a temp directory.
export async function provisionTestDatabase(log: (line: string) => void): Promise<TestDatabase> {
  let embedded: RunningPostgres | undefined;
  let tmpDir: string | undefined;
  let serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    tmpDir = mkdtempSync(path.join(os.tmpdir(), "verdict-test-pg-"));
    chmodSync(tmpDir, 0o777); // the embedded server may run as the `postgres` user
    const port = await freePort();
    embedded = await startEmbeddedPostgres({ dir: path.join(tmpDir, "pg"), port, password: "verdict-test", persistent: false });
    serverUrl = embedded.urlFor("postgres");
    log(`embedded PostgreSQL on port ${port}`);
  } else {
    log("using the PostgreSQL server at DATABASE_URL");
  }
  const name = `verdict_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = withDatabase(serverUrl, name);
  await applyMigrations(url);
  log(`test database ${name} created and migrated`);

  return {
    url,
    async drop() {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
      await embedded?.stop();
      if (tmpDir) rmSync(tmpDir, { recursive: true, force: true });
    },
  };
}
