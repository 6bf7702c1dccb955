import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import { stopBoss } from "@/lib/jobs/boss";
import type { RunningWorker } from "@/lib/jobs/worker";
import { createSampleImage, createSampleVideo } from "@/lib/sandbox/sample-media";
import type { RunningSandbox } from "@/lib/sandbox/start-sandbox";
import { createVerification } from "@/lib/verifications/create-verification";
import { verificationRequestSchema, type IncomingFile } from "@/lib/verifications/verification-input";
import { RunWaiter, startSandboxForVendors, startVendorWorker } from "./pipeline-support";

const actor = { kind: "system", label: "pipeline-test" } as const;
let sandbox: RunningSandbox;
let worker: RunningWorker;
const waiter = new RunWaiter();

beforeAll(async () => {
  sandbox = await startSandboxForVendors();
  worker = await startVendorWorker(waiter);
});
afterAll(async () => {
  await worker.stop();
  await stopBoss();
  await sandbox.close();
  await disconnectDb();
});

function request(input: Record<string, unknown>) {
  return verificationRequestSchema.parse(input);
}

async function image(scenario: string, seed: number, format: "jpg" | "png" = "jpg") {
  return createSampleImage({ scenario, seed, format, width: 900, height: 700 });
}

async function runToCompletion(files: IncomingFile[], input: Record<string, unknown>) {
  const { id } = await createVerification(actor, { request: request(input), files, source: "upload" });
  const runs = await db.vendorRun.findMany({ where: { verificationId: id } });
  await waiter.forRuns(runs.map((r) => r.id));
  return db.verification.findUniqueOrThrow({ where: { id }, include: { runs: true, media: true } });
}

describe("a verification from files to vendor answers", () => {
  it("face_match on CVS: a borderline pair goes to review, with the raw answer and policy kept", async () => {
    const v = await runToCompletion(
      [
        { role: "image1", bytes: await image("borderline", 1), filename: "card.jpg" },
        { role: "image2", bytes: await image("borderline", 2), filename: "selfie.jpg" },
      ],
      { checkType: "face_match", vendors: ["cvs"], reference: "pipeline-cvs" },
    );
    expect(v.status).toBe("completed");
    expect(v.media.map((m) => m.role).sort()).toEqual(["image1", "image2"]);
    const run = v.runs[0];
    expect(run).toMatchObject({ vendor: "cvs", status: "completed", outcome: "review", httpStatus: 200 });
    expect(run.matchSimilarity).toBeGreaterThanOrEqual(0.65);
    expect(run.matchSimilarity).toBeLessThanOrEqual(0.75);
    expect(run.raw).toMatchObject({ errorCode: "0", data: { match: "0" } });
    expect(run.normalized).toMatchObject({ outcome: "review", faceMatch: { band: "borderline" } });
  });

  it("liveness_selfie on two vendors at once: each answers on the same media", async () => {
    const v = await runToCompletion([{ role: "selfie", bytes: await image("not_live", 3), filename: "selfie.jpg" }], {
      checkType: "liveness_selfie",
      vendors: ["kairos", "biometric_kz"],
    });
    expect(v.runs.map((r) => [r.vendor, r.outcome]).sort()).toEqual([
      ["biometric_kz", "fail"],
      ["kairos", "fail"],
    ]);
    expect(sandbox.requests("kairos").length).toBeGreaterThan(0);
  });

  it("liveness_video on FPT with an ID image", async () => {
    const video = await createSampleVideo({ scenario: "spoof", durationS: 5, width: 1280, height: 720, seed: 4 });
    const v = await runToCompletion(
      [
        { role: "video", bytes: video, filename: "selfie.mp4" },
        { role: "id_image", bytes: await createSampleImage({ width: 900, height: 700, seed: 5 }), filename: "id.jpg" },
      ],
      { checkType: "liveness_video", vendors: ["fpt"] },
    );
    const run = v.runs[0];
    expect(run).toMatchObject({ vendor: "fpt", outcome: "fail" });
    expect(v.media.find((m) => m.role === "video")).toMatchObject({ mime: "video/mp4", width: 1280, height: 720 });
  });

  it("a vendor outage is retried by the queue, and every attempt is kept", async () => {
    // The adapter tries twice (maxRetries 1) per job attempt; the first job attempt sees two 503s.
    sandbox.setFault("kairos", { status5xx: 503, remaining: 2 });
    const v = await runToCompletion([{ role: "selfie", bytes: await image("pass", 6), filename: "s.jpg" }], {
      checkType: "liveness_selfie",
      vendors: ["kairos"],
    });
    const run = v.runs[0];
    expect(run.outcome).toBe("pass");
    const attempts = run.attempts as Array<{ httpStatus: number | null; job: number }>;
    expect(attempts.map((a) => [a.job, a.httpStatus])).toEqual([
      [1, 503],
      [1, 503],
      [2, 200],
    ]);
  });
});

describe("what createVerification refuses, leaving nothing behind", () => {
  async function expectRefused(files: IncomingFile[], input: Record<string, unknown>, field: string, message: RegExp) {
    const before = await Promise.all([db.verification.count(), db.blob.count(), db.vendorRun.count()]);
    const error = await createVerification(actor, { request: request(input), files, source: "upload" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors?.[field]?.join(" ")).toMatch(message);
    expect(await Promise.all([db.verification.count(), db.blob.count(), db.vendorRun.count()])).toEqual(before);
  }

  it("a missing file, naming the vendor that needs it", async () => {
    await expectRefused([{ role: "portrait_left", bytes: await image("pass", 7), filename: "l.jpg" }], { checkType: "liveness_3angle", vendors: ["cvs"] }, "portrait_mid", /portrait_mid is required for liveness_3angle \(needed by cvs\)/);
  });

  it("a file whose bytes are not an image, whatever its name", async () => {
    await expectRefused([{ role: "selfie", bytes: Buffer.from("definitely not a jpeg"), filename: "selfie.jpg" }], { checkType: "liveness_selfie", vendors: ["kairos"] }, "selfie", /could not be recognised/);
  });

  it("a WebP selfie for biometric.kz, which takes only .jpg/.jpeg/.png", async () => {
    const { default: sharp } = await import("sharp");
    const webp = await sharp(await image("pass", 8)).webp().toBuffer();
    await expectRefused([{ role: "selfie", bytes: webp, filename: "selfie.jpg" }], { checkType: "liveness_selfie", vendors: ["biometric_kz"] }, "selfie", /biometric_kz: .*\.jpg .jpeg .png/);
  });

  it("a video too short for FPT", async () => {
    const video = await createSampleVideo({ durationS: 2, width: 1280, height: 720, seed: 9 });
    await expectRefused([{ role: "video", bytes: video, filename: "v.mp4" }], { checkType: "liveness_video", vendors: ["fpt"] }, "video", /fpt: .*lasts 2\.0 s; expected 5–6 s/);
  });

  it("a vendor that is not enabled", async () => {
    await db.vendorConfig.update({ where: { vendor: "kairos" }, data: { enabled: false } });
    try {
      await expectRefused([{ role: "selfie", bytes: await image("pass", 10), filename: "s.jpg" }], { checkType: "liveness_selfie", vendors: ["kairos"] }, "vendors", /kairos is not enabled/);
    } finally {
      await db.vendorConfig.update({ where: { vendor: "kairos" }, data: { enabled: true } });
    }
  });

  it("a vendor that does not serve the check type is a request error", () => {
    const parsed = verificationRequestSchema.safeParse({ checkType: "liveness_3angle", vendors: ["kairos"] });
    expect(parsed.error?.issues[0]?.message).toBe("kairos does not serve liveness_3angle; vendors that do: cvs, local.");
  });
});

describe("stored results", () => {
  it("keep a normalized result that parses back, with the raw body in its own column", async () => {
    const { normalizedResultSchema } = await import("@/lib/vendors/types");
    const run = await db.vendorRun.findFirstOrThrow({ where: { status: "completed", verification: { reference: "pipeline-cvs" } } });
    expect(normalizedResultSchema.safeParse(run.normalized).success).toBe(true);
    expect(run.raw).not.toBeNull();
  });
});
