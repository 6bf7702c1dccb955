// A worker process for the crash test: works the real `retention-purge` queue with the real
// handler's code, one media per batch. With PURGE_PAUSE_AFTER_FIRST_BATCH=1 it stops after the
// first batch has committed (before its S3 objects are deleted), says so, and waits to be killed.
import { runRetentionPurge } from "@/lib/data-protection/run-retention-purge";
import { startWorker } from "@/lib/jobs/worker";

const pause = process.env.PURGE_PAUSE_AFTER_FIRST_BATCH === "1";
await startWorker({
  pollingIntervalSeconds: 0.5,
  log: () => {},
  handlers: {
    "retention-purge": async (payload) => {
      const summary = await runRetentionPurge(payload.trigger, {
        batchSize: 1,
        afterBatch: async () => {
          if (!pause) return;
          console.log("BATCH_COMMITTED");
          await new Promise(() => {});
        },
      });
      console.log(`RUN_DONE ${JSON.stringify({ media: summary.media, s3ObjectsDeleted: summary.s3ObjectsDeleted })}`);
    },
  },
});
console.log("WORKER_READY");
