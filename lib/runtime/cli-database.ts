import path from "node:path";
import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { resolveClusterDir, resolveDataDir } from "@/lib/runtime/data-dir";
import { startEmbeddedPostgres } from "@/lib/runtime/embedded-postgres";
import { loadOrCreateLocalSecrets } from "@/lib/runtime/local-secrets";

const NO_DATABASE_COMMANDS = new Set(["sandbox", "help", "--help", "-h"]);

async function canConnect(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

// Points the CLI at the same database as `npm start`: DATABASE_URL when set, otherwise the
// embedded server under .data/ (reused when the app is running, started briefly when not), and
// brings its schema up to date as `npm start` would. Returns the function that stops what it started.
export async function resolveDatabaseUrlForCli(args: string[]): Promise<() => Promise<void>> {
  if (args.length === 0 || NO_DATABASE_COMMANDS.has(args[0] ?? "")) return async () => {};
  const stop = await connectDatabase();
  await applyMigrations(process.env.MIGRATION_DATABASE_URL ?? process.env.DATABASE_URL!);
  return stop;
}

async function connectDatabase(): Promise<() => Promise<void>> {
  const noop = async () => {};
  if (process.env.DATABASE_URL) return noop;
  const dataDir = resolveDataDir();
  const secrets = loadOrCreateLocalSecrets(dataDir);
  const port = Number(process.env.EMBEDDED_PG_PORT ?? 54320);
  const url = `postgresql://postgres:${encodeURIComponent(secrets.postgresPassword)}@127.0.0.1:${port}/verdict`;
  process.env.DATABASE_URL = url;
  if (await canConnect(url)) return noop;
  const server = await startEmbeddedPostgres({ dir: resolveClusterDir(dataDir), port, password: secrets.postgresPassword, persistent: true });
  if (!(await canConnect(url))) {
    await server.stop();
    throw new Error("The embedded database has no 'verdict' database yet: run `npm start` once first.");
  }
  return () => server.stop();
}
