import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import S3rver from "s3rver";
import { FormDataEncoder } from "form-data-encoder";
import { request } from "undici";
import { createSampleImage } from "@/lib/sandbox/sample-media";
import { freePort, provisionTestDatabase } from "@/tests/support/provision-database";
import { processCpuMs } from "./process-cpu";

// The scale-out run (`npm run bench -- --scale-out`, and tests/integration/scale-out.test.ts at a
// small size): everything a deployment scales is a process of its own on one PostgreSQL —
//   2 app processes: the app's route handlers (POST /api/v1/verifications, GET /api/health) behind
//     tests/support/route-server.ts, so no Next.js build is needed (the handlers are the same code
//     `next start` serves; the page rendering around them plays no part in ingest);
//   2 workers: `npm run worker` with VERDICT_WORKER_QUEUES=vendor-call.*;
//   the vendor sandboxes (`npm run sandbox`), optionally slowed by their latency fault;
//   media in a real S3-compatible server (s3rver) started here.
// Verifications go in over HTTP through both apps (API key, multipart, distinct images); one worker
// is SIGKILLed in the middle of the last phase; then it counts what must be 0 and measures the
// rest. Every process gets its own environment from here: nothing is shared but the database.

const ROOT = path.resolve(import.meta.dirname, "..");
const BUCKET = "verdict-media";
// The vendors the load goes to: half face matching at CVS (two images), half selfie liveness at Kairos.
const LOAD_VENDORS = ["cvs", "kairos"] as const;

export interface ScaleOutOptions {
  /** Verifications per phase (3 phases: 1 worker, 2 workers, 2 workers with one killed). */
  perPhase: number;
  /** The sandbox answers every CVS and Kairos call after this long (its latencyMs fault); 0 for none. */
  vendorLatencyMs: number;
  /** VendorConfig.concurrency of CVS and Kairos: calls at once per worker process. */
  vendorConcurrency: number;
  /** Requests in flight at once from the client, across both apps. */
  clientConcurrency: number;
  /** Connections of each process's main pool (DATABASE_POOL_SIZE). */
  poolSize: number;
  /** Seconds of idle time over which queries per second are counted (0 skips). */
  idleSeconds: number;
  /** How long the pipeline may take to drain after the last request before what is open counts as stuck. */
  drainTimeoutSeconds: number;
  /** First of 6 consecutive ports to use (sandbox, s3rver, 2 apps); free ports when unset. */
  portBase?: number;
  log: (line: string) => void;
}

export interface PhaseResult {
  name: string;
  workers: number;
  verifications: number;
  seconds: number;
  perSecond: number;
  /** CPU time per verification by part (ms), from /proc: what a quiet machine's ceiling follows from. */
  cpuMsPerVerification: Record<string, number>;
}

export interface ScaleOutResult {
  phases: PhaseResult[];
  accepted: number;
  refused: number;
  lost: number;
  stuck: number;
  vendorCalledTwiceByAttempts: number;
  vendorCalledTwiceBySandbox: number;
  blobsMissing: number;
  /** Vendor-call jobs that failed for good (their dead-letter queues). */
  deadLetters: number;
  /** Runs the killed worker left mid-call: ended as errors of unknown fate (VENDOR_CALL_UNKNOWN_FATE=fail). */
  unknownFate: number;
  /** Verifications the kill sent through the dead-worker path (job released, or run settled by the reaper). */
  killedInFlight: number;
  peakConnections: number;
  connectionBound: number;
  maxConnections: number;
  idleQueriesPerSecond: { workers: number; perSecond: number }[];
  /** GET /api/health of app 1 before the load and after it (thumbnail jobs wait: these workers run vendor calls only). */
  health: { before: unknown; after: unknown };
}

interface Proc {
  name: string;
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output(): string;
}

function startProcess(name: string, args: string[], env: Record<string, string>, ready: RegExp): Promise<Proc & { match: RegExpExecArray }> {
  // SCALE_OUT_CPU_PROFILE_DIR=dir: a V8 CPU profile of every process that exits normally (not the SIGKILLed worker).
  const profileDir = process.env.SCALE_OUT_CPU_PROFILE_DIR;
  // One folder per process: the module loader's thread writes a profile of its own beside the main thread's.
  const nodeArgs = profileDir ? ["--cpu-prof", `--cpu-prof-dir=${path.join(profileDir, name.replace(/\W+/g, "-"))}`, ...args] : args;
  const child = spawn(process.execPath, nodeArgs, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
    // SCALE_OUT_CHILD_LOG=1: every process's output on stderr, prefixed with its name.
    if (process.env.SCALE_OUT_CHILD_LOG) process.stderr.write(chunk.toString().replace(/^(?=.)/gm, `[${name}] `));
  };
  child.stderr.on("data", keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => {
      keep(chunk);
      const match = ready.exec(output);
      if (match) resolve({ name, child, exited, output: () => output, match });
    });
    void exited.then(({ code, signal }) => reject(new Error(`${name} exited (${code ?? signal}) before it was ready:\n${output}`)));
  });
}

async function stopProcess(proc: Proc) {
  if (proc.child.exitCode !== null || proc.child.signalCode !== null) return;
  proc.child.kill("SIGTERM");
  const timer = setTimeout(() => proc.child.kill("SIGKILL"), 30_000);
  await proc.exited;
  clearTimeout(timer);
}

async function pool<T>(items: T[], concurrency: number, fn: (item: T, index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await fn(items[index], index);
      }
    }),
  );
}

async function waitFor(what: string, timeoutMs: number, check: () => Promise<boolean>) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** One verification's multipart body: CVS face matching (two images) or Kairos selfie liveness. */
async function buildForm(seed: number): Promise<FormData> {
  const form = new FormData();
  const image = async (s: number) => new Blob([new Uint8Array(await createSampleImage({ seed: s, width: 480, height: 360 }))], { type: "image/jpeg" });
  form.set("reference", `scale-${seed}`);
  if (seed % 2 === 0) {
    form.set("checkType", "liveness_selfie");
    form.set("vendors", "kairos");
    form.set("selfie", await image(seed), "selfie.jpg");
  } else {
    form.set("checkType", "face_match");
    form.set("vendors", "cvs");
    form.set("image1", await image(500_000 + seed), "card.jpg");
    form.set("image2", await image(1_000_000 + seed), "selfie.jpg");
  }
  return form;
}

/**
 * The request encoded before the clock starts: the clients of a real deployment run elsewhere,
 * and this load generator shares the 2 cores with the processes measured (fetch's own multipart
 * encoding cost ~1.5 ms of CPU a request).
 */
async function buildRequest(seed: number): Promise<{ body: Buffer; headers: Record<string, string> }> {
  const encoder = new FormDataEncoder(await buildForm(seed));
  const chunks: Uint8Array[] = [];
  for await (const chunk of encoder.encode()) chunks.push(chunk);
  return { body: Buffer.concat(chunks), headers: { ...encoder.headers } };
}

export async function runScaleOut(options: ScaleOutOptions): Promise<ScaleOutResult> {
  const { log } = options;
  const port = async (offset: number) => (options.portBase ? options.portBase + offset : freePort());
  const cleanups: Array<() => Promise<void>> = [];
  const processes: Proc[] = [];
  const database = await provisionTestDatabase(log);
  cleanups.push(() => database.drop());
  const sql = new pg.Pool({ connectionString: database.url, max: 3, application_name: "verdict-scale-out-bench" });
  cleanups.push(() => sql.end());
  try {
    // ── the S3-compatible store ──────────────────────────────────────────────────────────────
    const s3Dir = mkdtempSync(path.join(os.tmpdir(), "verdict-scale-s3-"));
    const s3Port = await port(1);
    const s3 = new S3rver({ port: s3Port, address: "127.0.0.1", silent: true, directory: s3Dir, configureBuckets: [{ name: BUCKET }] });
    await s3.run();
    cleanups.push(async () => {
      await s3.close();
      rmSync(s3Dir, { recursive: true, force: true });
    });
    const s3Env = {
      S3_BUCKET: BUCKET, S3_ENDPOINT: `http://127.0.0.1:${s3Port}`, S3_REGION: "us-east-1",
      S3_ACCESS_KEY_ID: "S3RVER", S3_SECRET_ACCESS_KEY: "S3RVER", S3_FORCE_PATH_STYLE: "true",
    };

    // ── the vendors, settings as an admin would make them and an API key; meanwhile 2 app processes ──
    const common: Record<string, string> = {
      ...s3Env,
      DATABASE_URL: database.url,
      DATABASE_POOL_SIZE: String(options.poolSize),
      VERDICT_MASTER_KEY: process.env.VERDICT_MASTER_KEY ?? Buffer.alloc(32, 7).toString("base64"),
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "scale-out-bench-secret-that-is-long-enough-0123",
      // A killed worker's calls are found within seconds rather than the default 20 s.
      VENDOR_CALL_HEARTBEAT_SECONDS: "1",
      VENDOR_CALL_STALE_SECONDS: "5",
      VENDOR_CALL_UNKNOWN_FATE: "fail",
    };
    const faults = options.vendorLatencyMs > 0 ? Object.fromEntries(LOAD_VENDORS.map((v) => [v, { latencyMs: options.vendorLatencyMs }])) : {};
    const [sandboxPort, app1Port, app2Port] = [await port(0), await port(2), await port(3)];
    const vendorsReady = (async () => {
      const sandbox = await startProcess("sandbox", ["--import", "tsx", "scripts/sandbox.ts"], { SANDBOX_PORT: String(sandboxPort), SANDBOX_FAULTS: JSON.stringify(faults) }, /listening on (\S+)/);
      processes.push(sandbox);
      const sandboxUrl = sandbox.match[1];
      const setup = await startProcess("setup", ["--import", "tsx", "bench/scale-out-setup.ts"], { ...common, SCALE_SANDBOX_URL: sandboxUrl, SCALE_VENDOR_CONCURRENCY: String(options.vendorConcurrency) }, /api-key (\S+)/);
      await setup.exited;
      return { sandboxUrl, apiKey: setup.match[1] };
    })();
    const appsReady = Promise.all(
      [app1Port, app2Port].map(async (appPort, i) => {
        const app = await startProcess(`app ${i + 1}`, ["--import", "tsx", "--import", "./tests/support/stub-server-only.mjs", "tests/support/route-server.ts"], { ...common, ROUTE_SERVER_PORT: String(appPort) }, /listening (\d+)/);
        processes.push(app);
        return `http://127.0.0.1:${app.match[1]}`;
      }),
    );
    const [{ sandboxUrl, apiKey }, apps] = await Promise.all([vendorsReady, appsReady]);

    const startWorker = async (n: number) => {
      const worker = await startProcess(`worker ${n}`, ["--import", "tsx", "scripts/worker.ts"], { ...common, VERDICT_WORKER_QUEUES: "vendor-call.*" }, /\[verdict-worker\] started/);
      processes.push(worker);
      return worker;
    };

    // Peak connections to this database, sampled while anything runs.
    let peakConnections = 0;
    let sampler: NodeJS.Timeout | undefined;
    const sampleConnections = (on: boolean) => {
      clearInterval(sampler);
      if (!on) return;
      sampler = setInterval(() => {
        sql.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()")
          .then((r) => (peakConnections = Math.max(peakConnections, r.rows[0].n)), () => {});
      }, 250);
    };
    cleanups.push(async () => sampleConnections(false));

    const idle: ScaleOutResult["idleQueriesPerSecond"] = [];
    const measureIdle = async (workers: number) => {
      if (options.idleSeconds <= 0) return;
      // Transactions committed in this database (each pg-boss fetch or poll is one), by the server's own count.
      const read = async () => Number((await sql.query<{ n: string }>("SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = current_database()")).rows[0].n);
      // Not counted: the bench's own sampling (off), and the start-up statements of the process just started.
      sampleConnections(false);
      // Past the start-up statements of the process just started, and past the lag of the
      // statistics: a backend that has just gone idle reports its counts within 10 s.
      await new Promise((resolve) => setTimeout(resolve, 12_000));
      const before = await read();
      await new Promise((resolve) => setTimeout(resolve, options.idleSeconds * 1000));
      // Statistics reach pg_stat_database when a backend goes idle, at most once a second.
      await new Promise((resolve) => setTimeout(resolve, 1200));
      const after = await read();
      // The two reads are 2 of them; the wait after the window adds ~1.2 s of counting.
      const perSecond = Math.max(0, after - before - 2) / (options.idleSeconds + 1.2);
      sampleConnections(true);
      idle.push({ workers, perSecond });
      log(`  idle: ${perSecond.toFixed(1)} statements/s with 2 apps and ${workers} worker${workers > 1 ? "s" : ""}`);
    };

    // ── the load ─────────────────────────────────────────────────────────────────────────────
    const accepted: string[] = [];
    let refused = 0;
    let seed = 0;
    const push = async (count: number, onProgress?: (done: number) => void) => {
      const forms = await Promise.all(Array.from({ length: count }, () => buildRequest(++seed)));
      const ids: string[] = [];
      const cpuBefore = await cpuSnapshot();
      const started = performance.now();
      let done = 0;
      await pool(forms, options.clientConcurrency, async (form, index) => {
        const app = apps[index % apps.length];
        try {
          const response = await request(`${app}/api/v1/verifications`, { method: "POST", headers: { authorization: `Bearer ${apiKey}`, ...form.headers }, body: form.body });
          const body = (await response.body.json().catch(() => null)) as { id?: string; detail?: string } | null;
          if (response.statusCode === 202 && body?.id) ids.push(body.id);
          else {
            refused += 1;
            log(`  refused by ${app}: ${response.statusCode} ${body?.detail ?? ""}`);
          }
        } catch (error) {
          refused += 1;
          log(`  no answer from ${app}: ${error instanceof Error ? error.message : String(error)}`);
        }
        onProgress?.(++done);
      });
      accepted.push(...ids);
      return { ids, started, cpuBefore };
    };
    const openCount = async (ids: string[]) =>
      Number((await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Verification" WHERE "id" = ANY($1::uuid[]) AND "status" IN ('queued', 'running')`, [ids])).rows[0].n);
    const pendingJobs = async () =>
      Number((await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM pgboss.job WHERE name LIKE 'vendor-call.%' AND name NOT LIKE '%.dead' AND state IN ('created', 'retry', 'active')`)).rows[0].n);
    const drained = async (ids: string[]) => (await openCount(ids)) === 0 && (await pendingJobs()) === 0;

    // CPU so far of each part: apps, workers, the sandbox, this process (s3rver runs in it; the
    // client's requests too), and the database's backends serving this database.
    const cpuSnapshot = async (): Promise<Record<string, number>> => {
      const sum = (names: string[]) => processes.filter((p) => names.some((n) => p.name.startsWith(n))).reduce((total, p) => total + processCpuMs(p.child.pid!), 0);
      const backends = (await sql.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")).rows;
      const own = process.cpuUsage();
      return {
        apps: sum(["app"]),
        workers: sum(["worker"]),
        sandbox: sum(["sandbox"]),
        "bench + s3rver": (own.user + own.system) / 1000,
        "PostgreSQL backends": backends.reduce((total, b) => total + processCpuMs(b.pid), 0),
      };
    };

    const phases: PhaseResult[] = [];
    const phase = async (name: string, workers: number, onProgress?: (done: number) => void) => {
      log(`${name}: ${options.perPhase} verifications through ${apps.length} apps, ${workers} worker${workers > 1 ? "s" : ""}`);
      const { ids, started, cpuBefore } = await push(options.perPhase, onProgress);
      await waitFor(`${name} to drain`, options.drainTimeoutSeconds * 1000, () => drained(ids)).catch((error: unknown) => log(`  ${String(error)}`));
      const seconds = (performance.now() - started) / 1000;
      const cpuAfter = await cpuSnapshot();
      const cpuMsPerVerification = Object.fromEntries(Object.entries(cpuAfter).map(([part, ms]) => [part, Math.max(0, ms - (cpuBefore[part] ?? 0)) / Math.max(1, ids.length)]));
      phases.push({ name, workers, verifications: ids.length, seconds, perSecond: ids.length / seconds, cpuMsPerVerification });
      log(`  ${ids.length} in ${seconds.toFixed(1)} s: ${(ids.length / seconds).toFixed(1)} verifications/s; CPU ms per verification: ${Object.entries(cpuMsPerVerification).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(", ")}`);
    };

    const first = await startWorker(1);
    const health = async () => (await fetch(`${apps[0]}/api/health`)).json() as Promise<unknown>;
    const emptyHealth = await health();
    await measureIdle(1);
    await phase("1 worker", 1);
    await startWorker(2);
    await measureIdle(2);
    await phase("2 workers", 2);

    // One worker dies (SIGKILL: no handler runs, no job is handed back) once half the phase is in
    // and it has vendor calls in flight (waiting for that at most a few seconds).
    const killing: { done: Promise<void> | null } = { done: null };
    const killFirstWorker = async (done: number) => {
      const pid = first.child.pid!;
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline) {
        const inFlight = await sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "VendorCallAttempt" WHERE "worker" LIKE $1 AND "outcome" = 'sending'`, [`%:${pid}`]);
        if (inFlight.rows[0].n > 0) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      first.child.kill("SIGKILL");
      log(`  SIGKILL → worker 1 (pid ${pid}) after ${done} requests`);
    };
    await phase("2 workers, one SIGKILLed mid-run", 2, (done) => {
      if (killing.done === null && done >= options.perPhase / 2) killing.done = killFirstWorker(done);
    });
    await killing.done;
    sampleConnections(false);
    const killed = await first.exited;
    if (killed.signal !== "SIGKILL") throw new Error(`worker 1 ended with ${killed.code ?? killed.signal}, not SIGKILL`);

    // ── the counts ───────────────────────────────────────────────────────────────────────────
    const one = async (text: string, params: unknown[] = []) => Number((await sql.query<{ n: number }>(text, params)).rows[0].n);
    const lost = accepted.length - (await one(`SELECT count(*)::int AS n FROM "Verification" WHERE "id" = ANY($1::uuid[])`, [accepted]));
    const stuck = await openCount(accepted);
    // A run with more than one attempt that reached (or may have reached) the vendor.
    const twiceByAttempts = await one(
      `SELECT count(*)::int AS n FROM (SELECT a."vendorRunId" FROM "VendorCallAttempt" a WHERE a."outcome" IN ('sending', 'answered', 'unknown')
       GROUP BY a."vendorRunId" HAVING count(*) > 1) AS twice`,
    );
    const requests = (await (await fetch(`${sandboxUrl}/_sandbox/requests`)).json()) as { vendor: string; media: string | null }[];
    const seen = new Map<string, number>();
    for (const r of requests) if (r.media) seen.set(r.media, (seen.get(r.media) ?? 0) + 1);
    const twiceBySandbox = [...seen.values()].filter((n) => n > 1).length;
    const withoutMedia = requests.filter((r) => !r.media).length;
    if (withoutMedia) log(`  warning: ${withoutMedia} sandbox requests carried no media fingerprint`);
    const deadLetters = await one(`SELECT count(*)::int AS n FROM pgboss.job WHERE name LIKE 'vendor-call.%.dead'`);
    const deadReasons = await sql.query<{ message: string | null }>(`SELECT left(output->>'message', 300) AS message FROM pgboss.job WHERE name LIKE 'vendor-call.%' AND name NOT LIKE '%.dead' AND state = 'failed' LIMIT 3`);
    for (const r of deadReasons.rows) log(`  failed for good: ${r.message ?? "(no message)"}`);
    const unknownFate = await one(`SELECT count(DISTINCT "vendorRunId")::int AS n FROM "VendorCallAttempt" WHERE "outcome" = 'unknown'`);
    // Calls the killed worker had sent (or was about to) without an answer recorded.
    const killedInFlight = await one(`SELECT count(*)::int AS n FROM "VendorCallAttempt" WHERE "worker" LIKE $1 AND "outcome" <> 'answered'`, [`%:${first.child.pid}`]);

    // Every stored image must be in the bucket: asked object by object (HEAD over the S3 API;
    // s3rver's listing fails with thousands of objects).
    const { HeadObjectCommand, S3Client } = await import("@aws-sdk/client-s3");
    const client = new S3Client({ region: "us-east-1", endpoint: s3Env.S3_ENDPOINT, forcePathStyle: true, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" } });
    const objectExists = (key: string) => client.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key })).then(() => true, () => false);
    // Each media row of an accepted verification: its blob row says S3, and the object is there.
    const media = (await sql.query<{ sha256: string; storage: string | null }>(
      `SELECT m."sha256", b."storage"::text AS storage FROM "Media" m LEFT JOIN "Blob" b ON b."sha256" = m."sha256" WHERE m."verificationId" = ANY($1::uuid[])`,
      [accepted],
    )).rows;
    const present = new Set<string>();
    await pool([...new Set(media.map((m) => m.sha256))], 8, async (sha256) => {
      if (await objectExists(`blobs/${sha256}`)) present.add(sha256);
    });
    const blobsMissing = media.filter((m) => m.storage !== "s3" || !present.has(m.sha256)).length;
    if (media.length === 0) throw new Error("no media stored: the load did not reach the database");

    const finalHealth = await health();
    const maxConnections = await one(`SELECT setting::int AS n FROM pg_settings WHERE name = 'max_connections'`);
    // Per process: the main pool, pg-boss's pool (JOBS_POOL_SIZE, default 4), one while it creates
    // queues at start, and in workers the rate limiter's 2; plus this bench's 3.
    const jobsPool = Number(process.env.JOBS_POOL_SIZE ?? 4);
    const connectionBound = 2 * (options.poolSize + jobsPool + 1) + 2 * (options.poolSize + jobsPool + 1 + 2) + 3;

    return {
      phases, accepted: accepted.length, refused, lost, stuck,
      vendorCalledTwiceByAttempts: twiceByAttempts, vendorCalledTwiceBySandbox: twiceBySandbox, blobsMissing, deadLetters,
      unknownFate, killedInFlight, peakConnections, connectionBound, maxConnections, idleQueriesPerSecond: idle, health: { before: emptyHealth, after: finalHealth },
    };
  } finally {
    for (const proc of processes.reverse()) await stopProcess(proc).catch(() => {});
    for (const cleanup of cleanups.reverse()) await cleanup().catch((error: unknown) => log(`cleanup: ${String(error)}`));
  }
}
