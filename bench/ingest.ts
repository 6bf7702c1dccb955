import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { db } from "@/lib/db";
import { getBoss } from "@/lib/jobs/boss";
import { generateThumbnails } from "@/lib/media/generate-thumbnails";
import { createSampleImage } from "@/lib/sandbox/sample-media";
import { ensureDefaultVendorConfigs } from "@/lib/vendor-settings/vendor-configs";
import { createVerification } from "@/lib/verifications/create-verification";
import { verificationRequestSchema, type IncomingFile } from "@/lib/verifications/verification-input";
import { freePort } from "@/tests/support/provision-database";

// Ingest throughput through the whole pipeline: createVerification (what the REST API calls once it
// has parsed the request: files checked, media stored, runs and jobs queued in one transaction) → the
// vendor-call jobs on a real worker → the vendor sandbox over HTTP (no added latency) → normalized
// answers stored → onVerificationFinished (review flagging) → rollup triggers. The API side in this
// process; the vendor-call worker in its own, as `npm run worker` runs it in production
// (VERDICT_WORKER_QUEUES=vendor-call.*); the sandbox stands in for the vendors in a third, as a
// vendor would. Then thumbnails per second through generateThumbnails on the stored images.

const ROOT = path.resolve(import.meta.dirname, "..");
const THUMBNAIL_SAMPLE = 400;

/** The vendor sandbox as its own process (npm run sandbox), ready once its health route answers. */
async function startSandboxProcess(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/sandbox.ts"], {
    cwd: ROOT,
    env: { ...process.env, SANDBOX_PORT: String(port) },
    stdio: "ignore",
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (child.exitCode !== null) throw new Error(`the sandbox exited with code ${child.exitCode}`);
    const ok = await fetch(`${url}/_sandbox/health`).then((r) => r.ok, () => false);
    if (ok) return { url, child };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill();
  throw new Error("the sandbox did not start within 30 s");
}

/** `npm run worker` for the vendor-call queues, ready once it says it started. */
async function startWorkerProcess(): Promise<{ child: ChildProcess; peakRssMb(): number; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
    cwd: ROOT,
    env: { ...process.env, VERDICT_WORKER_QUEUES: "vendor-call.*", JOBS_POLL_SECONDS: "0.5" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("[verdict-worker] started")) resolve();
    });
    void exited.then((code) => reject(new Error(`the worker exited with code ${code} before it started:\n${output}`)));
  });
  return {
    child,
    // Linux keeps a process's peak resident set in /proc (VmHWM); read it while the worker lives.
    peakRssMb() {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"));
      return match ? Number(match[1]) / 1024 : Number.NaN;
    },
    async stop() {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

export interface IngestResult {
  verifications: number;
  seconds: number;
  perSecond: number;
  workerPeakRssMb: number;
  thumbnails: { blobs: number; seconds: number; perSecond: number };
}

async function pool<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < items.length) {
        const item = items[next++];
        await fn(item);
      }
    }),
  );
}

export async function measureIngest(count: number, log: (line: string) => void): Promise<IngestResult> {
  const sandbox = await startSandboxProcess();
  await db.vendorConfig.deleteMany();
  await ensureDefaultVendorConfigs({ sandboxUrl: sandbox.url });
  await db.vendorConfig.updateMany({ data: { concurrency: 8, ratePerSecond: null } });
  const worker = await startWorkerProcess();
  try {
    // Distinct images (so every verification stores new media), made before the clock starts.
    log(`  preparing ${count} verifications' images`);
    const inputs: { files: IncomingFile[]; request: ReturnType<typeof verificationRequestSchema.parse> }[] = [];
    for (let i = 0; i < count; i++) {
      if (i % 2 === 0) {
        inputs.push({
          request: verificationRequestSchema.parse({ checkType: "liveness_selfie", vendors: ["kairos"], reference: `bench-ingest-${i}` }),
          files: [{ role: "selfie", bytes: await createSampleImage({ seed: i, width: 640, height: 480 }), filename: "selfie.jpg" }],
        });
      } else {
        inputs.push({
          request: verificationRequestSchema.parse({ checkType: "face_match", vendors: ["cvs"], reference: `bench-ingest-${i}` }),
          files: [
            { role: "image1", bytes: await createSampleImage({ seed: 100_000 + i, width: 640, height: 480 }), filename: "card.jpg" },
            { role: "image2", bytes: await createSampleImage({ seed: 200_000 + i, width: 640, height: 480 }), filename: "selfie.jpg" },
          ],
        });
      }
    }

    // As in the app, the job queue client is up before requests arrive.
    await getBoss();
    const started = performance.now();
    const ids: string[] = [];
    await pool(inputs, 16, async (input) => {
      const created = await createVerification({ kind: "system", label: "bench" }, { ...input, source: "api" });
      ids.push(created.id);
    });
    log(`  ${ids.length} created in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // Done when every verification has its answers and no vendor job is left.
    for (;;) {
      const [open, jobs] = await Promise.all([
        db.verification.count({ where: { id: { in: ids }, status: { in: ["queued", "running"] } } }),
        db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pgboss.job WHERE name LIKE 'vendor-call.%' AND state IN ('created', 'retry', 'active')`,
      ]);
      if (open === 0 && (jobs[0]?.n ?? 0) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const seconds = (performance.now() - started) / 1000;
    const workerPeakRssMb = worker.peakRssMb();
    const failed = await db.verification.count({ where: { id: { in: ids }, status: "failed" } });
    if (failed) log(`  warning: ${failed} verifications ended failed`);

    const shas = (await db.media.findMany({ where: { verificationId: { in: ids } }, select: { sha256: true } })).flatMap((m) => (m.sha256 ? [m.sha256] : []));
    // A sample is enough for a rate (every stored image is distinct).
    const distinct = [...new Set(shas)].slice(0, THUMBNAIL_SAMPLE);
    const thumbStarted = performance.now();
    await pool(distinct, 2, async (sha256) => {
      await generateThumbnails(sha256);
    });
    const thumbSeconds = (performance.now() - thumbStarted) / 1000;
    return {
      verifications: ids.length,
      seconds,
      perSecond: ids.length / seconds,
      workerPeakRssMb,
      thumbnails: { blobs: distinct.length, seconds: thumbSeconds, perSecond: distinct.length / thumbSeconds },
    };
  } finally {
    await worker.stop();
    sandbox.child.kill("SIGTERM");
  }
}
