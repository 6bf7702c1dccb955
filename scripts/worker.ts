import { freezeEnv } from "@/lib/config/env";
import { disconnectDb } from "@/lib/db";
import { startInProcessWorker, workerSettingsFromEnv, type WorkerSettings } from "@/lib/jobs/start-in-process-worker";

// `npm run worker`: job workers alone, for scaling out beside `npm start` (which runs one in-process).
// Needs DATABASE_URL (the same database as the app); VERDICT_WORKER_QUEUES picks the queues (e.g.
// `vendor-call.*` for a worker of vendor calls only). Ctrl-C or SIGTERM: finish running jobs, then exit.
const log = (line: string) => console.log(`[verdict-worker] ${line}`);

if (!freezeEnv().DATABASE_URL) {
  console.error("DATABASE_URL is not set: point the worker at the app's database.");
  process.exit(2);
}

let settings: WorkerSettings;
try {
  settings = workerSettingsFromEnv();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(2);
}
const worker = await startInProcessWorker(log, settings).catch((error: unknown) => {
  console.error(`the worker could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
log("started");

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: finishing running jobs…`);
  try {
    await worker.stop();
    await disconnectDb();
    log("stopped");
    process.exit(0);
  } catch (error) {
    console.error(error);
    process.exit(1);
  }
}

process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
