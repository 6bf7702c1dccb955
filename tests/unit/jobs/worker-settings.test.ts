import { describe, expect, it } from "vitest";
import type { JobHandlers } from "@/lib/jobs/handlers";
import { selectHandlers, workerSettingsFromEnv } from "@/lib/jobs/start-in-process-worker";

const noop = async () => {};
const handlers: JobHandlers = { "vendor-call.cvs": noop, "vendor-call.kairos": noop, thumbnails: noop, "bulk-rerun": noop };

describe("which queues a worker process works", () => {
  it("works every queue when VERDICT_WORKER_QUEUES is unset or blank", () => {
    expect(Object.keys(selectHandlers(handlers, workerSettingsFromEnv({}).queues))).toHaveLength(4);
    expect(Object.keys(selectHandlers(handlers, workerSettingsFromEnv({ VERDICT_WORKER_QUEUES: " " }).queues))).toHaveLength(4);
  });

  it("takes exact names and prefixes ending in *", () => {
    const { queues } = workerSettingsFromEnv({ VERDICT_WORKER_QUEUES: "vendor-call.*, thumbnails" });
    expect(Object.keys(selectHandlers(handlers, queues)).sort()).toEqual(["thumbnails", "vendor-call.cvs", "vendor-call.kairos"]);
  });

  it("refuses a pattern that names no queue, listing the queues there are", () => {
    expect(() => selectHandlers(handlers, ["thumbnail"])).toThrow("VERDICT_WORKER_QUEUES names no queue for thumbnail; queues: vendor-call.cvs, vendor-call.kairos, thumbnails, bulk-rerun.");
  });

  it("polls every 2 s by default and refuses an interval outside 0.5–60 s", () => {
    expect(workerSettingsFromEnv({}).pollingIntervalSeconds).toBe(2);
    expect(workerSettingsFromEnv({ JOBS_POLL_SECONDS: "0.5" }).pollingIntervalSeconds).toBe(0.5);
    expect(() => workerSettingsFromEnv({ JOBS_POLL_SECONDS: "0.1" })).toThrow("JOBS_POLL_SECONDS must be a number of seconds from 0.5 to 60 (got 0.1).");
    expect(() => workerSettingsFromEnv({ JOBS_POLL_SECONDS: "soon" })).toThrow("JOBS_POLL_SECONDS must be");
  });
});
