import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findRollupDifferences } from "@/lib/dashboards/rollups";
import type { JobContext } from "@/lib/jobs/handlers";
import { createSampleImage } from "@/lib/sandbox/sample-media";
import type { VendorId } from "@/lib/vendors/types";
import { createVerification } from "@/lib/verifications/create-verification";
import { runVendorCallJob } from "@/lib/verifications/run-vendor-call-job";
import { claimVendorRun } from "@/lib/verifications/vendor-call-sql";

const claimJob = { jobId: "finish-runs-test", attempt: 1, worker: "test" };
const claimRules = { maxAttempts: 4, staleSeconds: 20, retryUnknown: false };
import { verificationRequestSchema } from "@/lib/verifications/verification-input";
import { useSandboxForVendors } from "./pipeline-support";

// The vendor-call job called directly (no worker), to make runs of one verification finish at the
// same moment and to look at what each step writes.
const actor = { kind: "system", label: "finish-runs-test" } as const;
const sandbox = useSandboxForVendors();

function jobContext(vendor: VendorId): JobContext {
  return { jobId: "direct", queue: `vendor-call.${vendor}`, vendor, attempt: 1, isLastAttempt: true, signal: new AbortController().signal };
}

async function newVerification(seed: number, vendors: VendorId[]) {
  const bytes = await createSampleImage({ scenario: "pass", seed, width: 900, height: 700 });
  const { id } = await createVerification(actor, {
    request: verificationRequestSchema.parse({ checkType: "liveness_selfie", vendors }),
    files: [{ role: "selfie", bytes, filename: "selfie.jpg" }],
    source: "api",
  });
  const runs = await db.vendorRun.findMany({ where: { verificationId: id }, select: { id: true, vendor: true } });
  return { id, runs };
}

async function deltaRows(): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT ((SELECT count(*) FROM "dash_vendor_runs_delta") + (SELECT count(*) FROM "dash_outcomes_delta") + (SELECT count(*) FROM "dash_verifications_delta"))::int AS n`;
  return row?.n ?? 0;
}

describe("vendor runs finishing", () => {
  it("two vendors answering at the same moment finish their verification once, completed", async () => {
    const verifications = await Promise.all([0, 1, 2, 3, 4, 5].map((i) => newVerification(700 + i, ["kairos", "biometric_kz"])));
    // Every run of every verification at once: each verification's last answer must see the others.
    await Promise.all(verifications.flatMap((v) => v.runs.map((run) => runVendorCallJob({ vendorRunId: run.id }, jobContext(run.vendor)))));
    const stored = await db.verification.findMany({
      where: { id: { in: verifications.map((v) => v.id) } },
      select: { status: true, completedAt: true, runs: { select: { status: true } } },
    });
    expect(stored).toHaveLength(6);
    for (const v of stored) {
      expect(v.runs.map((r) => r.status)).toEqual(["completed", "completed"]);
      expect(v.status).toBe("completed");
      expect(v.completedAt).toBeInstanceOf(Date);
    }
  });

  it("claiming a run changes no dashboard count; its answer does, and the rollups stay equal to a recount", async () => {
    const { id, runs } = await newVerification(720, ["kairos"]);
    const run = runs[0];
    const before = await deltaRows();
    expect(await claimVendorRun(run.id, claimJob, claimRules)).toMatchObject({ claimed: true, attempt: 1 });
    expect(await db.verification.findUniqueOrThrow({ where: { id }, select: { status: true } })).toEqual({ status: "running" });
    expect(await deltaRows()).toBe(before);
    // As if that claim's call had never been sent: the job below records its own attempt.
    await db.vendorCallAttempt.deleteMany({ where: { vendorRunId: run.id } });

    await runVendorCallJob({ vendorRunId: run.id }, jobContext("kairos"));
    expect(await db.vendorRun.findUniqueOrThrow({ where: { id: run.id }, select: { status: true, outcome: true } })).toEqual({ status: "completed", outcome: "pass" });
    expect(await deltaRows()).toBeGreaterThan(before);
    expect((await findRollupDifferences()).filter((d) => d.differingKeys !== 0)).toEqual([]);
  });

  it("a run already answered is not claimed or answered again", async () => {
    const { runs } = await newVerification(730, ["kairos"]);
    const run = runs[0];
    await runVendorCallJob({ vendorRunId: run.id }, jobContext("kairos"));
    const answered = await db.vendorRun.findUniqueOrThrow({ where: { id: run.id } });
    const calls = sandbox().requests("kairos").length;
    await runVendorCallJob({ vendorRunId: run.id }, jobContext("kairos"));
    expect(sandbox().requests("kairos")).toHaveLength(calls);
    expect(await claimVendorRun(run.id, claimJob, claimRules)).toMatchObject({ claimed: false, finished: true });
    expect(await db.vendorRun.findUniqueOrThrow({ where: { id: run.id } })).toEqual(answered);
  });
});
