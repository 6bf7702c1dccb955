import { expect, it } from "vitest";
import { runScaleOut } from "@/bench/scale-out";

// Scaling out on the parts Verdict already has, at a small size (the figures come from
// `npm run bench -- --scale-out`): 2 app processes and 2 `npm run worker` processes on one
// PostgreSQL (a database of its own), media in a real S3-compatible server (s3rver), the vendor
// sandboxes over HTTP. Verifications go in through both apps' REST API; one worker is SIGKILLed
// in the middle of the last phase. Nothing may be lost, stuck, sent to a vendor twice, or missing
// from the bucket; the health endpoint then reports an empty queue.

it("2 apps and 2 workers on one database and S3: a SIGKILLed worker loses nothing and calls no vendor twice", async () => {
  const result = await runScaleOut({
    perPhase: 16,
    // The vendors take a moment to answer, so the kill finds calls in flight.
    vendorLatencyMs: 300,
    vendorConcurrency: 8,
    clientConcurrency: 8,
    poolSize: 4,
    idleSeconds: 0,
    drainTimeoutSeconds: 45,
    log: (line) => {
      if (process.env.SCALE_TEST_LOG) console.log(line);
    },
  });
  expect(result.accepted).toBe(3 * 16);
  expect(result.refused).toBe(0);
  expect(result.lost).toBe(0);
  expect(result.stuck).toBe(0);
  expect(result.vendorCalledTwiceByAttempts).toBe(0);
  expect(result.vendorCalledTwiceBySandbox).toBe(0);
  expect(result.blobsMissing).toBe(0);
  expect(result.deadLetters).toBe(0);
  // Calls the killed worker left without an answer end as errors that say so, never silently.
  expect(result.unknownFate).toBeLessThanOrEqual(result.killedInFlight);
  expect(result.peakConnections).toBeLessThanOrEqual(result.connectionBound);
  // The health endpoint: an empty queue before; after, nothing active and only thumbnail jobs waiting
  // (these workers run vendor calls only), the oldest of them named.
  expect(result.health.before).toMatchObject({ status: "ok", database: "up", jobs: { waiting: 0, active: 0, oldestWaiting: null } });
  expect(result.health.after).toMatchObject({ status: "ok", jobs: { active: 0, oldestWaiting: { queue: "thumbnails" } } });
  expect((result.health.after as { jobs: { waiting: number } }).jobs.waiting).toBeGreaterThan(0);
}, 120_000);
