import pg from "pg";
import { disconnectDb } from "@/lib/db";
import { compactRollups, findRollupDifferences } from "@/lib/dashboards/rollups";
import { stopBoss } from "@/lib/jobs/boss";
import { provisionTestDatabase } from "@/tests/support/provision-database";
import { measureEngine } from "./engine";
import { measureAuditPage } from "./audit-page";
import { ingestDiagnosisLines, measureIngest } from "./ingest";
import { timeIt } from "./measure";
import { buildQueryCases } from "./query-cases";
import { toJsonLine, toTable, type BenchLine } from "./report";
import { loadSyntheticHistory } from "./synthetic-history";

// `npm run bench [-- --size N] [--json] [--iterations N] [--ingest N] [--keep]`
// Creates its own database (on DATABASE_URL's server when set, else an embedded PostgreSQL), loads a
// synthetic year of history, rebuilds and checks the rollups, then times the queue, the list and the
// dashboards against their plain-SQL floors, the ingest pipeline and thumbnails, and reports peak RSS.
// Progress goes to stderr; the table (or JSON lines) to stdout.

const SECTIONS = ["engine", "ingest", "audit"] as const;
type Section = (typeof SECTIONS)[number];

interface Options {
  /** Only one section: `engine` (no database needed), `ingest` (history of --size, then the ingest), `audit` (the audit page at --audit-events). */
  only: Section | null;
  size: number;
  json: boolean;
  iterations: number;
  ingest: number;
  keep: boolean;
  auditEvents: number;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { only: null, size: 1_000_000, json: false, iterations: 30, ingest: 2000, keep: false, auditEvents: 1_000_000 };
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
    else if (flag === "--json") options.json = true;
    else if (flag === "--keep") options.keep = true;
    else if (flag === "--only") {
      const given = value();
      const section = SECTIONS.find((s) => s === given);
      if (!section) {
        console.error(`--only takes: ${SECTIONS.join(", ")}`);
        process.exit(2);
      }
      options.only = section;
    }
    else {
      console.error(`unknown option ${arg}; options: --size N, --json, --iterations N, --ingest N (0 skips), --keep, --only engine|ingest|audit, --audit-events N`);
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

async function main() {
  const options = parseArgs(process.argv.slice(2));
  if (options.only === "engine") {
    const lines = await measureEngine(log);
    print(lines, options, "Verdict benchmark — the face engine");
    process.exitCode = lines.every((l) => l.ok) ? 0 : 1;
    return;
  }
  process.env.VERDICT_MASTER_KEY ??= Buffer.alloc(32, 7).toString("base64");
  const embedded = !process.env.DATABASE_URL;
  const database = await provisionTestDatabase(log);
  process.env.DATABASE_URL = database.url;
  const pool = new pg.Pool({ connectionString: database.url, max: 4 });
  const lines: BenchLine[] = [];
  try {
    if (options.only === "audit") {
      lines.push(...(await measureAuditPage(pool, options.auditEvents, options.iterations, log)));
      print(lines, options, `Verdict benchmark — the audit log at ${options.auditEvents.toLocaleString("en-US")} events`);
      process.exitCode = lines.every((l) => l.ok) ? 0 : 1;
      return;
    }
    log(`loading ${options.size.toLocaleString("en-US")} verifications of synthetic history`);
    const client = await pool.connect();
    try {
      await loadSyntheticHistory(client, options.size, log);
      let started = performance.now();
      await client.query("SELECT dash_recompute_rollups()");
      log(`  rollups rebuilt in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      started = performance.now();
      await client.query("VACUUM ANALYZE");
      log(`  vacuum analyze in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    } finally {
      client.release();
    }
    const counts = (await pool.query<{ t: string; n: number }>(
      `SELECT 'verifications' AS t, count(*)::int AS n FROM "Verification" UNION ALL SELECT 'vendor runs', count(*)::int FROM "VendorRun"
       UNION ALL SELECT 'review cases', count(*)::int FROM "ReviewCase" UNION ALL SELECT 'open cases', count(*)::int FROM "ReviewCase" WHERE "status" = 'open'
       UNION ALL SELECT 'decisions', count(*)::int FROM "Decision"`,
    )).rows;
    log(`  ${counts.map((c) => `${c.n.toLocaleString("en-US")} ${c.t}`).join(", ")}`);

    if (options.only !== "ingest") log("timing queries");
    for (const c of options.only === "ingest" ? [] : await buildQueryCases(pool)) {
      const app = await timeIt(c.app, { iterations: options.iterations, warmup: 3 });
      const floor = c.floor ? await timeIt(c.floor, { iterations: c.floorIterations ?? options.iterations, warmup: 1 }) : null;
      const ratio = floor ? app.p95 / floor.p95 : null;
      const ok = app.p95 < c.targetP95Ms && (c.maxRatio === undefined || (ratio !== null && ratio <= c.maxRatio));
      lines.push({ kind: "latency", name: c.name, p50_ms: app.p50, p95_ms: app.p95, floor_p95_ms: floor?.p95 ?? null, ratio, target_p95_ms: c.targetP95Ms, max_ratio: c.maxRatio, ok, note: c.note });
      log(`  ${c.name}: p95 ${app.p95.toFixed(2)} ms${floor ? ` (floor ${floor.p95.toFixed(2)} ms)` : ""}`);
    }

    if (options.ingest > 0) {
      log(`ingest: ${options.ingest} verifications through the pipeline`);
      const ingest = await measureIngest(options.ingest, log);
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

    if (options.only !== "ingest") lines.push(...(await measureEngine(log)));

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
