import pg from "pg";
import { applyMigrations } from "@/lib/db/migrate";
import { readRunningClusterPort, resolveClusterDir, resolveDataDir } from "@/lib/runtime/data-dir";
import { DEFAULT_EMBEDDED_PG_PORT, startEmbeddedPostgres } from "@/lib/runtime/embedded-postgres";
import { loadOrCreateLocalSecrets } from "@/lib/runtime/local-secrets";
import { readEnv } from "@/lib/config/env";

const NO_DATABASE_COMMANDS = new Set(["sandbox", "help", "--help", "-h"]);

// null when it connects, else why not (e.g. "connect ECONNREFUSED 127.0.0.1:54320").
async function tryConnect(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

function describeAddress(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

// Points the CLI at the same database as `npm start`: DATABASE_URL when set, otherwise the
// embedded server under .data/ (reused when the app is running, started briefly when not), and
// brings its schema up to date as `npm start` would. Returns the function that stops what it started.
export async function resolveDatabaseUrlForCli(args: string[]): Promise<() => Promise<void>> {
  if (args.length === 0 || NO_DATABASE_COMMANDS.has(args[0] ?? "")) return async () => {};
  const stop = await connectDatabase();
  const env = readEnv();
  const url = env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  await applyMigrations(url);
  return stop;
}

// The port to look for the embedded server on: EMBEDDED_PG_PORT when set, else the port the running
// server of this data folder recorded (so `npm start` with another port needs no extra setting).
export function chooseEmbeddedPort(configured: string | undefined, running: number | null): number {
  if (configured !== undefined && configured.trim() !== "") return Number(configured);
  return running ?? DEFAULT_EMBEDDED_PG_PORT;
}

async function connectDatabase(): Promise<() => Promise<void>> {
  const noop = async () => {};
  const env = readEnv();
  if (env.DATABASE_URL) {
    const problem = await tryConnect(env.DATABASE_URL);
    if (problem) throw new Error(`no answer from ${describeAddress(env.DATABASE_URL)} (DATABASE_URL): ${problem}`);
    return noop;
  }
  const dataDir = resolveDataDir();
  const secrets = loadOrCreateLocalSecrets(dataDir);
  const clusterDir = resolveClusterDir(dataDir);
  const running = readRunningClusterPort(clusterDir);
  const port = chooseEmbeddedPort(env.EMBEDDED_PG_PORT, running);
  const url = `postgresql://postgres:${encodeURIComponent(secrets.postgresPassword)}@127.0.0.1:${port}/verdict`;
  process.env.DATABASE_URL = url;
  const problem = await tryConnect(url);
  if (!problem) return noop;
  if (running !== null && running !== port) {
    throw new Error(`the embedded PostgreSQL of ${dataDir} runs on port ${running}, but EMBEDDED_PG_PORT says ${port}: unset EMBEDDED_PG_PORT or set it to ${running}.`);
  }
  const server = await startEmbeddedPostgres({ dir: clusterDir, port, password: secrets.postgresPassword, persistent: true }).catch((error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`no answer at 127.0.0.1:${port} (${problem}), and ${reason}. Set EMBEDDED_PG_PORT to the port \`npm start\` printed, or DATABASE_URL.`);
  });
  if (await tryConnect(url)) {
    await server.stop();
    throw new Error("The embedded database has no 'verdict' database yet: run `npm start` once first.");
  }
  return () => server.stop();
}
