import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freezeEnv, thawEnv } from "@/lib/config/env";
import { db } from "@/lib/db";
import { getBoss } from "@/lib/jobs/boss";
import { generateThumbnails } from "@/lib/media/generate-thumbnails";
import { createSampleImage } from "@/lib/sandbox/sample-media";
import { ensureDefaultVendorConfigs } from "@/lib/vendor-settings/vendor-configs";
import { createVerification } from "@/lib/verifications/create-verification";
import { verificationRequestSchema, type IncomingFile } from "@/lib/verifications/verification-input";
import { freePort } from "@/tests/support/provision-database";
import type { BenchLine } from "./report";
import { countsSince, statementCounts } from "./count-statements";
import { cpuSince, ownCpuMs, processCpuMs, startCpuProfile } from "./process-cpu";
import { startWaitSampler, type WaitProfile } from "./sample-waits";

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
  const port = process.env.SANDBOX_PORT ? Number(process.env.SANDBOX_PORT) : await freePort();
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
async function startWorkerProcess(countFile: string): Promise<{ child: ChildProcess; peakRssMb(): number; stop(): Promise<void> }> {
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  const profile = profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "--import", "./bench/count-statements.ts", "scripts/worker.ts"], {
    cwd: ROOT,
    env: { ...process.env, VERDICT_WORKER_QUEUES: "vendor-call.*", JOBS_POLL_SECONDS: "0.5", BENCH_STATEMENT_COUNT_FILE: countFile },
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
  /** Statements per verification: the API side (this process, creating) and the worker's (calling, storing, flagging; its queue polling included). */
  statements: { api: number; worker: number; apiByKind: [string, number][]; workerByKind: [string, number][] };
  /** null unless asked for (--wait-profile): sampling every 5 ms costs CPU in this process and in PostgreSQL. */
  waits: WaitProfile | null;
  /** CPU time per verification (ms) of each process, from /proc and process.cpuUsage: what the throughput follows from on a quiet machine. */
  cpuMs: CpuPerVerification;
  thumbnails: { blobs: number; seconds: number; perSecond: number };
}

export interface CpuPerVerification {
  /** This process while it creates (createVerification: checks, hashing, the transaction), wait sampler included when on. */
  api: number;
  /** The vendor-call worker over the whole run (fetching jobs, calling, storing, flagging; its polling included). */
  worker: number;
  /** The vendor sandbox answering. */
  sandbox: number;
  /** The database's backends serving this database (the worker's, this process's, pg-boss's). */
  database: number;
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

/** Backends of the current database other than the one asking. */
async function backendPids(): Promise<number[]> {
  const rows = await db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`;
  return rows.map((r) => r.pid);
}

export async function measureIngest(count: number, log: (line: string) => void, options: { waitProfile?: boolean } = {}): Promise<IngestResult> {
  const sandbox = await startSandboxProcess();
  await db.vendorConfig.deleteMany();
  await ensureDefaultVendorConfigs({ sandboxUrl: sandbox.url });
  await db.vendorConfig.updateMany({ data: { concurrency: 8, ratePerSecond: null } });
  const countFile = path.join(tmpdir(), `verdict-bench-statements-${process.pid}.json`);
  const worker = await startWorkerProcess(countFile);
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
    const before = statementCounts();
    const sampler = options.waitProfile ? startWaitSampler(process.env.DATABASE_URL!) : null;
    const database = cpuSince(await backendPids());
    const workerCpuBefore = processCpuMs(worker.child.pid!);
    const sandboxCpuBefore = processCpuMs(sandbox.child.pid!);
    log(`  creating ${count} verifications, 16 at a time`);
    const profile = await startCpuProfile("ingest-api");
    const apiCpuBefore = ownCpuMs();
    const started = performance.now();
    const ids: string[] = [];
    // As the app server does once started (scripts/serve.ts).
    freezeEnv();
    try {
      await pool(inputs, 16, async (input) => {
        const created = await createVerification({ kind: "system", label: "bench" }, { ...input, source: "api" });
        ids.push(created.id);
      });
    } finally {
      thawEnv();
    }
    const apiCpuMs = ownCpuMs() - apiCpuBefore;
    const profileFile = await profile.stop();
    if (profileFile) log(`  CPU profile of the API side: ${profileFile}`);
    log(`  ${ids.length} created in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    // The API side's statements: creating, not the benchmark's own polling below.
    const apiByKind = countsSince(before);
    database.add(await backendPids());
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
    database.add(await backendPids());
    const cpuMs: CpuPerVerification = {
      api: apiCpuMs / ids.length,
      worker: (processCpuMs(worker.child.pid!) - workerCpuBefore) / ids.length,
      sandbox: (processCpuMs(sandbox.child.pid!) - sandboxCpuBefore) / ids.length,
      database: database.read() / ids.length,
    };
    const waits = sampler ? await sampler.stop() : null;
    const workerPeakRssMb = worker.peakRssMb();
    await worker.stop();
    const workerByKind = countsSince(new Map(), new Map(JSON.parse(readFileSync(countFile, "utf8")) as [string, number][]));
    rmSync(countFile, { force: true });
    const perVerification = (byKind: [string, number][]) => byKind.reduce((sum, [, n]) => sum + n, 0) / ids.length;
    const statements = { api: perVerification(apiByKind), worker: perVerification(workerByKind), apiByKind, workerByKind };
    log(`  statements, API side: ${apiByKind.map(([k, n]) => `${n} ${k}`).join(" | ")}`);
    log(`  statements, worker: ${workerByKind.map(([k, n]) => `${n} ${k}`).join(" | ")}`);
    log(`  CPU ms per verification: ${Object.entries(cpuMs).map(([part, ms]) => `${part} ${ms.toFixed(2)}`).join(", ")}`);
    if (waits) log(`  database sessions (${waits.samples} samples): ${waits.top.map(([k, n]) => `${n} ${k}`).join("\n    ")}`);
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
      statements,
      waits,
      cpuMs,
      thumbnails: { blobs: distinct.length, seconds: thumbSeconds, perSecond: distinct.length / thumbSeconds },
    };
  } finally {
    await worker.stop();
    sandbox.child.kill("SIGTERM");
  }
}

/** Where the ingest's time goes: CPU and statements per verification on each side, and the lock waits seen when sampled. */
export function ingestDiagnosisLines(ingest: IngestResult): BenchLine[] {
  const { statements, waits, cpuMs } = ingest;
  const top = (byKind: [string, number][]) =>
    byKind.slice(0, 6).map(([kind, n]) => `${(n / ingest.verifications).toFixed(2)} ${kind}`).join("; ");
  const cpu = (name: string, value: number, note: string): BenchLine => ({
    kind: "measure", name: `ingest: CPU per verification, ${name}`, value, unit: "ms", target: null, direction: "max", ok: true, note,
  });
  const lines: BenchLine[] = [
    cpu("API side", cpuMs.api, `this process while creating (createVerification)${waits ? ", wait sampler included" : ""}`),
    cpu("worker", cpuMs.worker, "npm run worker (vendor calls), the whole run"),
    cpu("sandbox", cpuMs.sandbox, "the vendors' stand-in"),
    cpu("PostgreSQL", cpuMs.database, "this database's backends"),
    {
      kind: "measure", name: "ingest: statements per verification, API side", value: statements.api, unit: "statements", target: null, direction: "max", ok: true,
      note: top(statements.apiByKind),
    },
    {
      kind: "measure", name: "ingest: statements per verification, worker", value: statements.worker, unit: "statements", target: null, direction: "max", ok: true,
      note: `queue polling included; ${top(statements.workerByKind)}`,
    },
  ];
  if (waits) {
    const share = (n: number) => (waits.samples ? (100 * n) / waits.samples : 0);
    lines.push({
      kind: "measure", name: "ingest: sessions waiting for a lock", value: share(waits.lockWaits), unit: "per 100 samples", target: null, direction: "max", ok: true,
      note: `of which behind a holder of the audit chain's head: ${share(waits.chainHeadLockWaits).toFixed(1)}; ${waits.samples} samples of pg_stat_activity`,
    });
  }
  return lines;
}
