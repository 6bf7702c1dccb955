import { readFileSync } from "node:fs";
import pg from "pg";
import { disconnectDb } from "@/lib/db";
import { compactRollups, findRollupDifferences } from "@/lib/dashboards/rollups";
import { stopBoss } from "@/lib/jobs/boss";
import { provisionTestDatabase } from "@/tests/support/provision-database";
import { measureEngine } from "./engine";
import { measureFaceSearch } from "./face-search";
import { measureAuditPage } from "./audit-page";
import { apiIngestLines, measureApiIngest } from "./api-ingest";
import { ingestDiagnosisLines, measureIngest } from "./ingest";
import { measureMachineReference } from "./machine-reference";
import { timeIt } from "./measure";
import { buildQueryCases } from "./query-cases";
import { toJsonLine, toSizesTable, toTable, type BenchLine, type LatencyLine } from "./report";
import { runScaleOut } from "./scale-out";
import { scaleOutLines } from "./scale-out-lines";
import { loadSyntheticHistory } from "./synthetic-history";

// `npm run bench [-- --size N] [--json] [--iterations N] [--ingest N] [--wait-profile] [--keep]`
// BENCH_CPU_PROFILE_DIR=dir: V8 CPU profiles of the ingest's API side (this process while creating) and of its worker.
// `npm run bench -- --sizes 250000,1000000,4000000`: the query timings at each size, side by side.
// `npm run bench -- --scale-out [--per-phase N] [--vendor-latency-ms 1500] [--vendor-concurrency N]`:
//   2 apps and 2 workers on one PostgreSQL with media in s3rver, one worker SIGKILLed (bench/scale-out.ts).
// Creates its own database (on DATABASE_URL's server when set, else an embedded PostgreSQL), loads a
// synthetic year of history, rebuilds and checks the rollups, then times the queue, the list and the
// dashboards against their plain-SQL floors, the ingest pipeline and thumbnails, and reports peak RSS.
// Progress goes to stderr; the table (or JSON lines) to stdout.

const SECTIONS = ["engine", "ingest", "api", "audit", "face-search"] as const;
type Section = (typeof SECTIONS)[number];

interface Options {
  /** Only one section: `engine` (no database needed), `ingest` (history of --size, then the ingest), `api` (history of --size, then --ingest requests to the REST API of one app process), `audit` (the audit page at --audit-events), `face-search` (1:N face search at --faces, its own database). */
  only: Section | null;
  size: number;
  /** `--sizes 250000,1000000`: the query timings at each size, side by side. */
  sizes: number[] | null;
  /** `--scale-out`: 2 apps, 2 workers, S3, a SIGKILLed worker (bench/scale-out.ts). */
  scaleOut: boolean;
  perPhase: number;
  vendorLatencyMs: number;
  vendorConcurrency: number;
  json: boolean;
  iterations: number;
  ingest: number;
  keep: boolean;
  auditEvents: number;
  /** Faces indexed by the face-search section. */
  faces: number;
  /** `--wait-profile`: sample pg_stat_activity every 5 ms during the ingest (costs CPU in PostgreSQL and here). */
  waitProfile: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    only: null, size: 1_000_000, sizes: null, scaleOut: false, perPhase: 1000, vendorLatencyMs: 0, vendorConcurrency: 16,
    json: false, iterations: 30, ingest: 2000, keep: false, auditEvents: 1_000_000, faces: 1_000_000, waitProfile: false,
  };
  const number = (flag: string, value: string | undefined, min: number) => {
    const n = Number(value);
    if (!Number.isInteger(n) || n < min) {
      console.error(`${flag} needs a whole number ≥ ${min} (got ${value ?? "nothing"})`);
      process.exit(2);
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.includes("=") ? (arg.split("=", 2) as [string, string]) : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === "--size") options.size = number(flag, value(), 1000);
    else if (flag === "--iterations") options.iterations = number(flag, value(), 5);
    else if (flag === "--ingest") options.ingest = number(flag, value(), 0);
    else if (flag === "--audit-events") options.auditEvents = number(flag, value(), 1000);
    else if (flag === "--faces") options.faces = number(flag, value(), 1000);
    else if (flag === "--sizes") {
      const list = (value() ?? "").split(",").filter(Boolean);
      options.sizes = list.map((n) => number("--sizes", n, 1000));
      if (options.sizes.length === 0) number("--sizes", undefined, 1000);
    }
    else if (flag === "--scale-out") options.scaleOut = true;
    else if (flag === "--per-phase") options.perPhase = number(flag, value(), 10);
    else if (flag === "--vendor-latency-ms") options.vendorLatencyMs = number(flag, value(), 0);
    else if (flag === "--vendor-concurrency") options.vendorConcurrency = number(flag, value(), 1);
    else if (flag === "--json") options.json = true;
    else if (flag === "--keep") options.keep = true;
    else if (flag === "--wait-profile") options.waitProfile = true;
    else if (flag === "--only") {
      const given = value();
      const section = SECTIONS.find((s) => s === given);
      if (!section) {
        console.error(`--only takes: ${SECTIONS.join(", ")} (got ${given ?? "nothing"})`);
        process.exit(2);
      }
      options.only = section;
    }
    else {
      console.error(
        `unknown option ${arg}; options: --size N, --sizes N,N,…, --json, --iterations N, --ingest N (0 skips), --wait-profile, --keep, --only engine|ingest|api|audit|face-search, --audit-events N, --faces N, ` +
          "--scale-out [--per-phase N] [--vendor-latency-ms N] [--vendor-concurrency N]",
      );
      process.exit(2);
    }
  }
  return options;
}

const log = (line: string) => console.error(line);

function print(lines: BenchLine[], options: Options, title: string) {
  if (options.json) for (const line of lines) console.log(toJsonLine(line));
  else {
    console.log(`\n${title}\n`);
    console.log(toTable(lines));
  }
}

/** Loads `size` verifications of history into the (empty) database and times every query case. */
async function loadAndTime(pool: pg.Pool, size: number, options: Options): Promise<{ lines: LatencyLine[]; counts: { t: string; n: number }[]; loadSeconds: number }> {
  log(`loading ${size.toLocaleString("en-US")} verifications of synthetic history`);
  const loadStarted = performance.now();
  const client = await pool.connect();
  try {
    await loadSyntheticHistory(client, size, log);
    let started = performance.now();
    await client.query("SELECT dash_recompute_rollups()");
    log(`  rollups rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    started = performance.now();
    await client.query("VACUUM ANALYZE");
    log(`  vacuum analyze in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    client.release();
  }
  const loadSeconds = (performance.now() - loadStarted) / 1000;
  log(`  loaded, rollups and statistics ready in ${loadSeconds.toFixed(1)} s`);
  const counts = (await pool.query<{ t: string; n: number }>(
    `SELECT 'verifications' AS t, count(*)::int AS n FROM "Verification" UNION ALL SELECT 'vendor runs', count(*)::int FROM "VendorRun"
     UNION ALL SELECT 'review cases', count(*)::int FROM "ReviewCase" UNION ALL SELECT 'open cases', count(*)::int FROM "ReviewCase" WHERE "status" = 'open'
     UNION ALL SELECT 'decisions', count(*)::int FROM "Decision"`,
  )).rows;
  log(`  ${counts.map((c) => `${c.n.toLocaleString("en-US")} ${c.t}`).join(", ")}`);

  const lines: LatencyLine[] = [];
  const queries = options.only !== "ingest" && options.only !== "api";
  if (queries) log("timing queries");
  for (const c of queries ? await buildQueryCases(pool) : []) {
    const app = await timeIt(c.app, { iterations: options.iterations, warmup: 3 });
    const floor = c.floor ? await timeIt(c.floor, { iterations: c.floorIterations ?? options.iterations, warmup: 1 }) : null;
    const ratio = floor ? app.p95 / floor.p95 : null;
    const ok = app.p95 < c.targetP95Ms && (c.maxRatio === undefined || (ratio !== null && ratio <= c.maxRatio));
    lines.push({ kind: "latency", name: c.name, p50_ms: app.p50, p95_ms: app.p95, floor_p95_ms: floor?.p95 ?? null, ratio, target_p95_ms: c.targetP95Ms, max_ratio: c.maxRatio, ok, note: c.note });
    log(`  ${c.name}: p95 ${app.p95.toFixed(2)} ms${floor ? ` (floor ${floor.p95.toFixed(2)} ms)` : ""}`);
  }
  return { lines, counts, loadSeconds };
}

const loadAverage = () => readFileSync("/proc/loadavg", "utf8").split(" ").slice(0, 3).join(" ");

/** `--scale-out`: bench/scale-out.ts with the bench's sizes; the run's own database on DATABASE_URL's server (or an embedded one). */
async function scaleOut(options: Options) {
  const settings = {
    perPhase: options.perPhase,
    vendorLatencyMs: options.vendorLatencyMs,
    vendorConcurrency: options.vendorConcurrency,
    clientConcurrency: 32,
    poolSize: Number(process.env.DATABASE_POOL_SIZE ?? 10),
    idleSeconds: 10,
    drainTimeoutSeconds: 600,
    portBase: process.env.BENCH_PORT_BASE ? Number(process.env.BENCH_PORT_BASE) : undefined,
    log,
  };
  const before = loadAverage();
  const result = await runScaleOut(settings);
  const lines = scaleOutLines(result, settings);
  print(lines, options, `Verdict benchmark — scale-out: 2 apps, 2 workers (one SIGKILLed), one PostgreSQL, media in s3rver; load average ${before} → ${loadAverage()}`);
  process.exitCode = lines.every((l) => l.ok) ? 0 : 1;
}

/** `--sizes a,b,c`: each size in a database of its own, one after the other; the query figures side by side. */
async function sizes(list: number[], options: Options) {
  const results: { size: number; lines: LatencyLine[]; loadSeconds: number; loadAverage: string }[] = [];
  for (const size of list) {
    const database = await provisionTestDatabase(log);
    const pool = new pg.Pool({ connectionString: database.url, max: 4 });
    process.env.DATABASE_URL = database.url;
    try {
      const { lines, loadSeconds } = await loadAndTime(pool, size, options);
      results.push({ size, lines, loadSeconds, loadAverage: loadAverage() });
    } finally {
      await pool.end();
      await disconnectDb();
      await database.drop();
      // The next size provisions on the same server (or a new embedded one).
      if (serverUrl) process.env.DATABASE_URL = serverUrl;
      else delete process.env.DATABASE_URL;
    }
  }
  if (options.json) {
    for (const r of results) for (const line of r.lines) console.log(JSON.stringify({ size: r.size, ...JSON.parse(toJsonLine(line)) }));
  } else {
    console.log(`\nVerdict benchmark — query p95 (ms) by size\n`);
    console.log(toSizesTable(results));
  }
  process.exitCode = results.every((r) => r.lines.every((l) => l.ok)) ? 0 : 1;
}

let serverUrl: string | undefined;

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.only === "engine") {
    const lines = await measureEngine(log);
    print(lines, options, "Verdict benchmark — the face engine");
    process.exitCode = lines.every((l) => l.ok) ? 0 : 1;
    return;
  }
  process.env.VERDICT_MASTER_KEY ??= Buffer.alloc(32, 7).toString("base64");
  if (options.scaleOut) return scaleOut(options);
  serverUrl = process.env.DATABASE_URL;
  if (options.sizes) return sizes(options.sizes, options);
  const embedded = !process.env.DATABASE_URL;
  const database = await provisionTestDatabase(log);
  process.env.DATABASE_URL = database.url;
  if (options.only === "face-search") {
    try {
      const lines = await measureFaceSearch(database.url, options.faces, log);
      print(lines, options, `Verdict benchmark — 1:N face search, ${options.faces.toLocaleString("en-US")} faces (load average ${loadAverage()})`);
      process.exitCode = lines.every((l) => l.ok) ? 0 : 1;
    } finally {
      if (options.keep) log(`kept the database: ${database.url}`);
      else await database.drop();
    }
    return;
  }
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  const lines: BenchLine[] = [];
  try {
    if (options.only === "audit") {
      lines.push(...(await measureAuditPage(pool, options.auditEvents, options.iterations, log)));
      print(lines, options, `Verdict benchmark — the audit log at ${options.auditEvents.toLocaleString("en-US")} events`);
      process.exitCode = lines.every((l) => l.ok) ? 0 : 1;
      return;
    }
    const { lines: latency, counts } = await loadAndTime(pool, options.size, options);
    lines.push(...latency);

    if (options.only === "api") {
      lines.push(measureMachineReference());
      log(`API ingest: ${options.ingest} requests to one app process`);
      lines.push(...apiIngestLines(await measureApiIngest(options.ingest, log)));
    } else if (options.ingest > 0) {
      lines.push(measureMachineReference());
      log(`ingest: ${options.ingest} verifications through the pipeline`);
      const ingest = await measureIngest(options.ingest, log, { waitProfile: options.waitProfile });
      lines.push({
        kind: "measure", name: "ingest throughput", value: ingest.perSecond, unit: "verifications/s", target: 100, direction: "min", ok: ingest.perSecond >= 100,
        note: `${ingest.verifications} in ${ingest.seconds.toFixed(1)} s, createVerification → jobs → sandbox → stored → flagged`,
      });
      lines.push(...ingestDiagnosisLines(ingest));
      lines.push({
        kind: "measure", name: "peak memory of the worker (RSS)", value: ingest.workerPeakRssMb, unit: "MB", target: 1024, direction: "max", ok: ingest.workerPeakRssMb < 1024,
        note: "npm run worker (vendor calls) during the ingest",
      });
      lines.push({
        kind: "measure", name: "thumbnails", value: ingest.thumbnails.perSecond, unit: "images/s", target: null, direction: "min", ok: true,
        note: `${ingest.thumbnails.blobs} images, thumb + preview each, 2 at a time`,
      });
    }

    if (options.only !== "ingest" && options.only !== "api") lines.push(...(await measureEngine(log)));

    log("checking the rollups against a raw recount");
    await compactRollups();
    const started = performance.now();
    const differences = (await findRollupDifferences()).filter((d) => d.differingKeys !== 0);
    lines.push({
      kind: "measure", name: "rollups equal a raw recount", value: differences.length, unit: "rollups differing", target: 0, direction: "max", ok: differences.length === 0,
      note: `checked in ${((performance.now() - started) / 1000).toFixed(1)} s${differences.length ? `: ${differences.map((d) => d.rollup).join(", ")}` : ""}`,
    });

    const peakMb = process.resourceUsage().maxRSS / 1024;
    lines.push({ kind: "measure", name: "peak memory (RSS)", value: peakMb, unit: "MB", target: 1024, direction: "max", ok: peakMb < 1024, note: "this process: app queries, API-side ingest, thumbnails" });

    if (options.json) for (const line of lines) console.log(toJsonLine(line));
    else {
      console.log(`\nVerdict benchmark — ${options.size.toLocaleString("en-US")} verifications (${counts.map((c) => `${c.n.toLocaleString("en-US")} ${c.t}`).join(", ")})\n`);
      console.log(toTable(lines));
    }
  } finally {
    await pool.end();
    await stopBoss().catch(() => {});
    await disconnectDb();
    if (options.keep) log(`kept the database: ${database.url}${embedded ? " (the embedded server runs until Ctrl-C)" : ""}`);
    else await database.drop();
  }
  process.exitCode = lines.every((l) => l.ok) ? 0 : 1;
}

await main();
