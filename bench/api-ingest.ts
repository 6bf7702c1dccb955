import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createApiKey } from "@/lib/api-keys/manage-api-keys";
import { db } from "@/lib/db";
import { createSampleImage } from "@/lib/sandbox/sample-media";
import { ensureDefaultVendorConfigs } from "@/lib/vendor-settings/vendor-configs";
import { freePort } from "@/tests/support/provision-database";
import type { BenchLine } from "./report";
import { cpuSince, processCpuMs } from "./process-cpu";

// The API side of ingest over HTTP: POST /api/v1/verifications with an API key and a multipart body
// (the route handler: API key check, body read with its byte budget, files checked, verification
// written, the 202 answer) in an app process of its own — tests/support/route-server.ts, the same
// handler code `next start` serves — 16 requests at a time from this process. No worker runs: the
// vendor-call jobs stay queued. What it gives is the app's CPU time per request, read from /proc,
// which the machine's other load does not change (its throughput, it does).

const ROOT = path.resolve(import.meta.dirname, "..");
const WARM_UP = 200;

export interface ApiIngestResult {
  requests: number;
  refused: number;
  seconds: number;
  perSecond: number;
  cpuMs: { app: number; database: number };
}

async function startApp(port: number): Promise<{ child: ChildProcess; stop(): Promise<void> }> {
  const profileDir = process.env.BENCH_CPU_PROFILE_DIR;
  const profile = profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : [];
  const child = spawn(process.execPath, [...profile, "--import", "tsx", "--import", "./tests/support/stub-server-only.mjs", "tests/support/route-server.ts"], {
    cwd: ROOT,
    env: { ...process.env, ROUTE_SERVER_PORT: String(port) },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (/listening \d+/.test(output)) resolve();
    });
    void exited.then(() => reject(new Error(`the app exited before it listened:\n${output}`)));
  });
  return {
    child,
    async stop() {
      // SIGINT lets node write its CPU profile on the way out.
      child.kill(profileDir ? "SIGINT" : "SIGTERM");
      await exited;
    },
  };
}

/** Half CVS face matching (two 640×480 JPEGs), half Kairos selfie liveness, every image distinct. */
async function buildForm(i: number): Promise<FormData> {
  const form = new FormData();
  const image = async (seed: number) => new Blob([new Uint8Array(await createSampleImage({ seed, width: 640, height: 480 }))], { type: "image/jpeg" });
  form.set("reference", `bench-api-${i}`);
  if (i % 2 === 0) {
    form.set("checkType", "liveness_selfie");
    form.set("vendors", "kairos");
    form.set("selfie", await image(300_000 + i), "selfie.jpg");
  } else {
    form.set("checkType", "face_match");
    form.set("vendors", "cvs");
    form.set("image1", await image(400_000 + i), "card.jpg");
    form.set("image2", await image(500_000 + i), "selfie.jpg");
  }
  return form;
}

async function backendPids(): Promise<number[]> {
  const rows = await db.$queryRaw<{ pid: number }[]>`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`;
  return rows.map((r) => r.pid);
}

export async function measureApiIngest(count: number, log: (line: string) => void): Promise<ApiIngestResult> {
  await ensureDefaultVendorConfigs({ sandboxUrl: "http://127.0.0.1:9" });
  const { key } = await createApiKey({ kind: "system", label: "bench" }, { name: `bench api ${Date.now()}`, role: "operator" });
  const port = process.env.BENCH_APP_PORT ? Number(process.env.BENCH_APP_PORT) : await freePort();
  const app = await startApp(port);
  try {
    log(`  preparing ${count} requests' images`);
    const forms: FormData[] = [];
    for (let i = 0; i < count; i++) forms.push(await buildForm(i));
    const url = `http://127.0.0.1:${port}/api/v1/verifications`;
    // Requests first that are not counted: module loading, the first queries and V8's compiling of
    // the hot code are a start-up cost, not a per-request one.
    for (let i = 0; i < WARM_UP; i++) await fetch(url, { method: "POST", headers: { authorization: `Bearer ${key}` }, body: await buildForm(1_000_000 + i) }).then((r) => r.arrayBuffer());
    log(`  sending ${count} requests, 16 at a time`);
    const database = cpuSince(await backendPids());
    const appBefore = processCpuMs(app.child.pid!);
    const started = performance.now();
    let next = 0;
    let refused = 0;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next < forms.length) {
          const form = forms[next++];
          const response = await fetch(url, { method: "POST", headers: { authorization: `Bearer ${key}` }, body: form });
          const body = (await response.json().catch(() => null)) as { detail?: string } | null;
          if (response.status !== 202) {
            refused += 1;
            if (refused <= 3) log(`  refused: ${response.status} ${body?.detail ?? ""}`);
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    database.add(await backendPids());
    const cpuMs = { app: (processCpuMs(app.child.pid!) - appBefore) / count, database: database.read() / count };
    log(`  ${count} requests in ${seconds.toFixed(1)} s; CPU ms per request: app ${cpuMs.app.toFixed(2)}, PostgreSQL ${cpuMs.database.toFixed(2)}`);
    return { requests: count, refused, seconds, perSecond: count / seconds, cpuMs };
  } finally {
    await app.stop();
  }
}

export function apiIngestLines(result: ApiIngestResult): BenchLine[] {
  return [
    {
      kind: "measure", name: "API ingest: requests per second", value: result.perSecond, unit: "requests/s", target: null, direction: "min", ok: result.refused === 0,
      note: `${result.requests} POST /api/v1/verifications in ${result.seconds.toFixed(1)} s, ${result.refused} refused; one app process`,
    },
    {
      kind: "measure", name: "API ingest: CPU per request, app", value: result.cpuMs.app, unit: "ms", target: null, direction: "max", ok: true,
      note: "the app process: API key, body, file checks, the transaction, the answer",
    },
    {
      kind: "measure", name: "API ingest: CPU per request, PostgreSQL", value: result.cpuMs.database, unit: "ms", target: null, direction: "max", ok: true,
      note: "this database's backends",
    },
  ];
}
