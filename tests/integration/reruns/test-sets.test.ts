import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import type { JobQueues } from "@/lib/jobs/queues";
import { startWorker, type RunningWorker } from "@/lib/jobs/worker";
import { buildCandidatePolicy, evaluatePolicyWhatIf } from "@/lib/policy-what-if/evaluate-policy-what-if";
import { runBulkRerunJob } from "@/lib/reruns/run-bulk-rerun-job";
import { createSampleImage } from "@/lib/sandbox/sample-media";
import type { RunningSandbox } from "@/lib/sandbox/start-sandbox";
import { buildReviewerTruthReport } from "@/lib/test-sets/build-reviewer-truth-report";
import { buildTestSetReport } from "@/lib/test-sets/build-test-set-report";
import { importTestSetItems } from "@/lib/test-sets/import-test-set-items";
import { getVerificationJson } from "@/lib/verifications/verification-json";
import { createTestSet, runTestSet } from "@/lib/test-sets/manage-test-sets";
import { reportItemsCsv, reportMetricsCsv } from "@/lib/test-sets/report-csv";
import { getActivePolicy } from "@/lib/vendor-settings/vendor-policies";
import { waitUntil } from "../jobs/job-test-kit";
import { RunWaiter, startSandboxForVendors } from "../verifications/pipeline-support";
import { makeZip } from "../../support/make-zip";

const actor = { kind: "system", label: "test-set-test" } as const;
const waiter = new RunWaiter();
let sandbox: RunningSandbox;
let worker: RunningWorker;

beforeAll(async () => {
  sandbox = await startSandboxForVendors();
  const h = waiter.handler;
  worker = await startWorker<JobQueues>({
    handlers: { "vendor-call.kairos": h, "vendor-call.biometric_kz": h, "bulk-rerun": runBulkRerunJob },
    pollingIntervalSeconds: 0.5,
    log: () => {},
  });
});
afterAll(async () => {
  await worker.stop();
  await stopBoss();
  await sandbox.close();
  await disconnectDb();
});

const image = (scenario: string, seed: number) => createSampleImage({ scenario, seed, width: 320, height: 240 });

describe("a labelled test set from upload to report", () => {
  it("imports files, a zip and a manifest (bad rows reported by line), runs on two vendors and measures them", async () => {
    const tag = randomUUID().slice(0, 8);
    const testSet = await createTestSet(actor, { name: `selfies-${tag}`, checkType: "liveness_selfie" });
    const seed = parseInt(tag.slice(0, 6), 16) % 100_000;
    const zip = makeZip([
      { name: "attacks/print-2.jpg", data: await image("not_live", seed + 4) },
      { name: "live-2.jpg", data: await image("pass", seed + 2) },
    ]);
    const manifest = [
      "item,label,attack_type,selfie",
      `live-1-${tag},bona_fide,,live-1.jpg`,
      `live-2-${tag},bona_fide,,live-2.jpg`,
      `print-1-${tag},attack,print,print-1.jpg`,
      `print-2-${tag},attack,print,attacks/print-2.jpg`,
      `ghost-${tag},bona_fide,,missing.jpg`,
      `bad-label-${tag},same_person,,live-1.jpg`,
      `no-type-${tag},attack,,print-1.jpg`,
    ].join("\n");
    const result = await importTestSetItems(actor, {
      testSetId: testSet.id,
      manifest,
      files: [
        { name: "live-1.jpg", bytes: await image("pass", seed + 1) },
        { name: "print-1.jpg", bytes: await image("not_live", seed + 3) },
        { name: "more.zip", bytes: zip },
      ],
    });
    expect(result.imported).toBe(4);
    expect(result.problems.map((p) => [p.line, p.item])).toEqual([
      [6, `ghost-${tag}`],
      [7, `bad-label-${tag}`],
      [8, `no-type-${tag}`],
    ]);
    expect(result.problems[0].messages.join(" ")).toMatch(/missing\.jpg" was not uploaded/);
    expect(result.problems[2].messages.join(" ")).toMatch(/attack_type is required/);
    const items = await db.testSetItem.findMany({ where: { testSetId: testSet.id }, include: { verification: { include: { media: true, runs: true } } } });
    // Imported items wait for a person to run them, and say so (not an unexplained "queued").
    const waiting = await getVerificationJson(items[0].verificationId);
    expect(waiting?.waitingFor).toMatch(/No vendor has been asked yet: this is an item of the test set/);
    expect(items).toHaveLength(4);
    // No vendor is called at import: the items wait for a run.
    expect(items.every((i) => i.verification.source === "upload" && i.verification.runs.length === 0 && i.verification.media.length === 1)).toBe(true);
    expect(items.filter((i) => i.label === "attack").every((i) => i.attackType === "print")).toBe(true);

    const { batchId } = await runTestSet(actor, { testSetId: testSet.id, vendors: ["kairos", "biometric_kz"] });
    await waitUntil("the test set batch to complete", async () => (await db.rerunBatch.findUniqueOrThrow({ where: { id: batchId } })).status === "completed", 60_000);

    // The sandbox answered every run: a test answer, left out of the report unless asked for.
    const withoutSandbox = await buildTestSetReport(testSet.id);
    expect(withoutSandbox).toMatchObject({ includeSandbox: false, vendors: [], agreements: [], sandboxRuns: { biometric_kz: 4, kairos: 4 } });
    const report = await buildTestSetReport(testSet.id, { includeSandbox: true });
    expect(report?.sandboxRuns).toEqual({ biometric_kz: 4, kairos: 4 });
    expect(report?.items.every((it) => it.results.kairos?.sandbox === true && it.results.biometric_kz?.sandbox === true)).toBe(true);
    expect(report?.kind).toBe("liveness");
    expect(report?.vendors.map((v) => v.vendor)).toEqual(["biometric_kz", "kairos"]);
    for (const v of report!.vendors) {
      expect(v.runs).toBe(4);
      expect(v.pad?.apcerByType.print).toMatchObject({ count: 0, total: 2, rate: 0 });
      expect(v.pad?.apcerWorst).toMatchObject({ attackType: "print", rate: 0 });
      expect(v.pad?.bpcer).toMatchObject({ count: 0, total: 2, rate: 0 });
      expect(v.pad?.bpcer.ci?.upper).toBeCloseTo(0.6576, 3);
      expect(v.pad?.acer).toBe(0);
      expect(v.errorRate.rate).toBe(0);
      expect(v.latency.p50).not.toBeNull();
    }
    expect(report?.agreements).toHaveLength(1);
    expect(report?.agreements[0]).toMatchObject({ a: "biometric_kz", b: "kairos", agreement: { n: 4, agreement: { rate: 1 }, kappa: 1 }, disagreements: [] });
    expect(reportMetricsCsv(report!)).toMatch(/^vendor,metric,attack_type,count,total,rate,ci95_lower,ci95_upper,ci_method\r\nbiometric_kz,APCER,print,0,2,0,0,0\.657/);
    expect(reportItemsCsv(report!).split("\r\n")[0]).toBe("item,verification_id,label,attack_type,biometric_kz_outcome,biometric_kz_score,biometric_kz_latency_ms,biometric_kz_sandbox,kairos_outcome,kairos_score,kairos_latency_ms,kairos_sandbox");
    expect(reportMetricsCsv(report!)).toMatch(/\r\nkairos,sandbox_runs_counted,,4,/);

    // What-if: a Kairos threshold of 0 lets the attacks (score 0.0) through.
    const active = (await getActivePolicy("kairos", "liveness_selfie"))!;
    const candidate = buildCandidatePolicy(active.policy, { threshold: 0, reviewBand: 0 });
    const whatIf = await evaluatePolicyWhatIf({ vendor: "kairos", checkType: "liveness_selfie", current: active.policy, candidate, lastN: 50, testSetId: testSet.id });
    expect(whatIf.testSet?.items).toBe(4);
    expect(whatIf.testSet?.current).toMatchObject({ apcerWorst: { rate: 0 }, bpcer: { rate: 0 } });
    expect(whatIf.testSet?.candidate).toMatchObject({ apcerWorst: { rate: 1, count: 2 }, bpcer: { rate: 0 } });
    expect(whatIf.recent.runs).toBeGreaterThanOrEqual(4);
    expect(whatIf.recent.changed).toBeGreaterThanOrEqual(2);
    expect(() => buildCandidatePolicy(active.policy, { threshold: 2 })).toThrow(/valid policy/);

    // Reviewer decisions as ground truth: approve a live one, reject an attack one.
    const live = items.find((i) => i.label === "bona_fide")!;
    const attack = items.find((i) => i.label === "attack")!;
    const decidedAt = new Date();
    for (const [item, decision] of [
      [live, "approve"],
      [attack, "reject"],
    ] as const) {
      await db.reviewCase.create({ data: { verificationId: item.verificationId, checkType: "liveness_selfie", status: "decided", decision, decidedAt, rules: ["test"] } });
    }
    const today = decidedAt.toISOString().slice(0, 10);
    // The sandbox answered these: counted only when asked for.
    const real = await buildReviewerTruthReport({ from: today, to: today });
    const realN = real.groups.find((g) => g.checkType === "liveness_selfie")?.vendors.find((v) => v.vendor === "kairos")?.humanAgreement.n ?? 0;
    const truth = await buildReviewerTruthReport({ from: today, to: today }, { includeSandbox: true });
    const group = truth.groups.find((g) => g.checkType === "liveness_selfie")!;
    const kairos = group.vendors.find((v) => v.vendor === "kairos")!;
    // Other tests' decided cases may fall in the same day: ours agree, so the vendor agrees at least twice more.
    expect(kairos.humanAgreement.n).toBeGreaterThanOrEqual(realN + 2);
    expect(kairos.humanAgreement.agreement.count).toBeGreaterThanOrEqual(2);
  });

  it("without a manifest, labels every file of a one-file check type with the chosen label", async () => {
    const testSet = await createTestSet(actor, { name: `plain-${randomUUID().slice(0, 8)}`, checkType: "liveness_selfie" });
    const result = await importTestSetItems(actor, {
      testSetId: testSet.id,
      files: [{ name: "mask.jpg", bytes: await image("not_live", 90_001) }, { name: "notes.txt", bytes: Buffer.from("hello") }],
      defaultLabel: "attack",
      defaultAttackType: "mask",
    });
    expect(result.imported).toBe(1);
    expect(result.problems).toEqual([{ line: null, item: "notes.txt", messages: [expect.stringMatching(/notes\.txt/)] }]);
    await expect(importTestSetItems(actor, { testSetId: testSet.id, files: [{ name: "a.jpg", bytes: await image("pass", 90_002) }] })).rejects.toThrow(/label of every file/);
    const faceMatch = await createTestSet(actor, { name: `pairs-${randomUUID().slice(0, 8)}`, checkType: "face_match" });
    await expect(importTestSetItems(actor, { testSetId: faceMatch.id, files: [{ name: "a.jpg", bytes: await image("pass", 90_003) }], defaultLabel: "same_person" })).rejects.toThrow(/manifest/);
  });
});
