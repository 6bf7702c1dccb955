import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { freezeEnv, readEnv } from "@/lib/config/env";
import { applyMigrations } from "@/lib/db/migrate";
import { disconnectDb } from "@/lib/db";
import { bootstrapFirstAdmin } from "@/lib/runtime/bootstrap-admin";
import { resolveClusterDir, resolveDataDir } from "@/lib/runtime/data-dir";
import { DEFAULT_EMBEDDED_PG_PORT, ensureDatabase, startEmbeddedPostgres, type RunningPostgres } from "@/lib/runtime/embedded-postgres";
import { ensureBuild } from "@/lib/runtime/ensure-build";
import { loadOrCreateLocalSecrets } from "@/lib/runtime/local-secrets";
import { startLocalServices, type LocalServices } from "@/lib/runtime/local-services";
import { ensureDefaultVendorConfigs } from "@/lib/vendor-settings/vendor-configs";

// `npm start`: with no DATABASE_URL, an embedded PostgreSQL under .data/ and the vendor sandboxes;
// then migrations, the first admin, the build if needed, and the Next.js server. Ctrl-C stops all.
const root = path.resolve(import.meta.dirname, "..");
const log = (line: string) => console.log(`[verdict] ${line}`);

const { PORT: port, HOST: host } = readEnv();

let postgres: RunningPostgres | undefined;
let services: LocalServices | undefined;
let app: ChildProcess | undefined;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  log("stopping…");
  if (app && app.exitCode === null) {
    const exited = new Promise((resolve) => app?.once("exit", resolve));
    app.kill("SIGTERM");
    await exited;
  }
  await services?.close();
  await disconnectDb();
  await postgres?.stop();
  log("stopped");
  process.exit(code);
}

process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));

async function main() {
  const dataDir = resolveDataDir();
  const secrets = loadOrCreateLocalSecrets(dataDir);
  process.env.NEXTAUTH_SECRET ??= secrets.nextauthSecret;
  process.env.VERDICT_MASTER_KEY ??= secrets.masterKey;
  process.env.NEXTAUTH_URL ??= `http://${host === "0.0.0.0" ? "localhost" : host}:${port}`;

  const embedded = !readEnv().DATABASE_URL;
  if (embedded) {
    const pgPort = Number(readEnv().EMBEDDED_PG_PORT ?? DEFAULT_EMBEDDED_PG_PORT);
    postgres = await startEmbeddedPostgres({ dir: resolveClusterDir(dataDir), port: pgPort, password: secrets.postgresPassword, persistent: true, ownSignals: true, log });
    await ensureDatabase(postgres.urlFor("postgres"), "verdict");
    process.env.DATABASE_URL = postgres.urlFor("verdict");
    log(`embedded PostgreSQL on 127.0.0.1:${pgPort}, data in ${path.relative(root, dataDir) || "."}/pg`);
  } else {
    log("using the PostgreSQL server at DATABASE_URL");
  }

  // The environment is complete from here on (the embedded values are set).
  const env = freezeEnv();
  // Migrations as the schema's owner when the app's own role may not change it (README: Security).
  const migrationUrl = env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL;
  if (!migrationUrl) throw new Error("DATABASE_URL is not set");
  const migrated = await applyMigrations(migrationUrl, { log });
  log(`database schema up to date (${migrated.applied.length} migration(s) applied now)`);

  services = await startLocalServices({ embedded, log });
  await ensureDefaultVendorConfigs({ sandboxUrl: services.sandboxUrl });

  const firstAdmin = await bootstrapFirstAdmin();
  await ensureBuild(root, log);

  // Next.js behind Verdict's own HTTP server, which decides the client's address (TRUSTED_PROXIES).
  app = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/serve.ts")], {
    cwd: root,
    stdio: ["ignore", "inherit", "inherit"],
    env: { ...process.env, PORT: String(port), HOST: host, NEXT_TELEMETRY_DISABLED: "1" },
  });
  app.on("exit", (code) => {
    if (!stopping) {
      log(`the app exited (code ${code})`);
      void shutdown(code ?? 1);
    }
  });

  const probeHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  await waitUntilAnswering(`http://${probeHost}:${port}/api/health`);
  log(`ready: open ${readEnv().NEXTAUTH_URL}`);
  if (firstAdmin) printFirstAdmin(firstAdmin);
  log("Press Ctrl-C to stop.");
}

// Next prints its own "Ready"; the app answers a moment later. Polls the health route so what is
// printed next (the first admin's password) comes after every line of the framework's output.
async function waitUntilAnswering(url: string) {
  for (;;) {
    if (stopping) return;
    const answered = await fetch(url).then((response) => response.status > 0, () => false);
    if (answered) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function printFirstAdmin(admin: { email: string; password: string }) {
  const lines = [
    "First start: sign in with this admin account.",
    "The password is shown only this once.",
    "",
    `  email:    ${admin.email}`,
    `  password: ${admin.password}`,
    "",
    `Lost it? npm run cli -- user reset-password --email ${admin.email}`,
  ];
  const width = Math.max(...lines.map((line) => line.length));
  console.log(["", `┌${"─".repeat(width + 2)}┐`, ...lines.map((line) => `│ ${line.padEnd(width)} │`), `└${"─".repeat(width + 2)}┘`, ""].join("\n"));
}

// One sentence, never a stack trace: failures inside libraries (a child process that cannot be
// spawned emits an "error" event nobody listens to) end up here.
function fail(error: unknown) {
  console.error(`[verdict] could not start: ${error instanceof Error ? error.message : String(error)}`);
  void shutdown(1);
}
process.on("uncaughtException", fail);

main().catch(fail);
