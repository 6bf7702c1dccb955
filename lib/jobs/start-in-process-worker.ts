import "@/lib/jobs/register-handlers";
import { stopBoss } from "@/lib/jobs/boss";
import { getJobHandlers } from "@/lib/jobs/handlers";
import { startWorker } from "@/lib/jobs/worker";

// The worker `npm start` runs beside the app (lib/runtime/local-services.ts) and `npm run worker`
// runs alone: every registered handler, then a graceful stop of the worker and of pg-boss.
export async function startInProcessWorker(log: (line: string) => void): Promise<{ stop(): Promise<void> }> {
  const handlers = getJobHandlers();
  const worker = await startWorker({ handlers, log: (line) => log(`jobs: ${line}`) });
  if (worker.queues.length === 0) log("jobs: no job handlers registered yet; the worker is idle");
  return {
    async stop() {
      await worker.stop();
      await stopBoss();
    },
  };
}
