import { expect, it } from "vitest";
import { db, sqlPool } from "@/lib/db";
import { createSampleImage } from "@/lib/sandbox/sample-media";
import { createVerification } from "@/lib/verifications/create-verification";
import { releaseJobsOfDeadWorkers } from "@/lib/verifications/reap-vendor-calls";
import { verificationRequestSchema } from "@/lib/verifications/verification-input";
import { useSandboxForVendors } from "./pipeline-support";

// A worker that dies between fetching a vendor-call job and recording its attempt leaves the job
// `active` with nothing on record. The reaper puts such a job back once it has been active for the
// stale interval without a live attempt of its own; a job whose call is alive stays with its worker.

useSandboxForVendors();

let seed = 9700;
/** A queued Kairos run, its job left as a worker that fetched it `secondsAgo` would leave it. */
async function fetchedJob(secondsAgo: number) {
  seed += 1;
  const { id } = await createVerification({ kind: "system", label: "dead-worker-jobs-test" }, {
    request: verificationRequestSchema.parse({ checkType: "liveness_selfie", vendors: ["kairos"], reference: `dead-worker-${seed}` }),
    files: [{ role: "selfie", bytes: await createSampleImage({ scenario: "pass", seed, width: 320, height: 320 }), filename: "selfie.jpg" }],
    source: "api",
  });
  const run = await db.vendorRun.findFirstOrThrow({ where: { verificationId: id } });
  const { rows } = await sqlPool().query<{ id: string }>(
    `UPDATE pgboss.job SET state = 'active', started_on = now() - make_interval(secs => $2) WHERE name = 'vendor-call.kairos' AND data->>'vendorRunId' = $1 RETURNING id`,
    [run.id, secondsAgo],
  );
  return { runId: run.id, jobId: rows[0].id };
}

const stateOf = async (jobId: string) => (await sqlPool().query<{ state: string }>(`SELECT state::text AS state FROM pgboss.job WHERE id = $1`, [jobId])).rows[0]?.state;

it("puts back a job fetched by a dead worker before it recorded a call, and leaves live and recent ones alone", async () => {
  const dead = await fetchedJob(60);
  const recent = await fetchedJob(1);
  const live = await fetchedJob(60);
  await sqlPool().query(
    `INSERT INTO "VendorCallAttempt" ("vendorRunId", "attempt", "jobId", "worker", "outcome") VALUES ($1::uuid, 1, $2, 'elsewhere:1', 'sending')`,
    [live.runId, live.jobId],
  );

  expect(await releaseJobsOfDeadWorkers(20)).toBeGreaterThanOrEqual(1);
  expect(await stateOf(dead.jobId)).toBe("retry");
  expect(await stateOf(recent.jobId)).toBe("active");
  expect(await stateOf(live.jobId)).toBe("active");
  // Nothing was sent on the way: the released job's run is still waiting for its first call.
  expect(await db.vendorCallAttempt.count({ where: { vendorRunId: dead.runId } })).toBe(0);
  expect((await db.vendorRun.findUniqueOrThrow({ where: { id: dead.runId } })).status).toBe("queued");
});
