import { writeFileSync } from "node:fs";
import pg from "pg";

// Counts the SQL statements a process sends, by kind (its first words and table), for the ingest
// benchmark's "statements per verification". Every client goes through pg.Client#query (Prisma's
// adapter, pg-boss and Verdict's plain SQL alike), so patching it sees them all. Imported by the
// benchmark; preloaded into the worker with `--import` (BENCH_STATEMENT_COUNT_FILE: where the
// counts are written when the process exits).

const counts = new Map<string, number>();
const uncounted = new WeakSet<pg.Client>();

/** The benchmark's own probes (the wait sampler) are not the app's statements. */
export function doNotCount(client: pg.Client) {
  uncounted.add(client);
}

/** "INSERT INTO "AuditEvent"", "WITH v AS (INSERT INTO "Verification"", "BEGIN", … */
function classify(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const table = /(?:INSERT INTO|UPDATE|FROM|DELETE FROM)\s+("?[\w.]+"?(?:\."?\w+"?)?)/i.exec(flat)?.[1] ?? "";
  const verb = /^(?:WITH\s+\w+\s+AS\s*\(\s*)?(\w+)/i.exec(flat)?.[1]?.toUpperCase() ?? "?";
  return `${flat.startsWith("WITH") ? "WITH…" : ""}${verb} ${table}`.trim();
}

// Statements are few distinct texts sent many times: classified once each, so that counting costs
// the process next to nothing (the benchmark reads its CPU time).
const kinds = new Map<string, string>();
function kindOf(text: string): string {
  let kind = kinds.get(text);
  if (kind === undefined) {
    kind = classify(text);
    if (kinds.size < 10_000) kinds.set(text, kind);
  }
  return kind;
}

type Query = (...args: unknown[]) => unknown;
const original = pg.Client.prototype.query as unknown as Query;
(pg.Client.prototype as unknown as { query: Query }).query = function countedQuery(this: pg.Client, ...args: unknown[]) {
  if (uncounted.has(this)) return original.apply(this, args);
  const first = args[0];
  const text = typeof first === "string" ? first : typeof first === "object" && first !== null && "text" in first ? String(first.text) : "";
  const kind = kindOf(text);
  counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return original.apply(this, args);
};

export function statementCounts(): Map<string, number> {
  return new Map(counts);
}

/** The counts since `before`, most frequent first. */
export function countsSince(before: Map<string, number>, now: Map<string, number> = statementCounts()): [string, number][] {
  return [...now].map(([k, n]): [string, number] => [k, n - (before.get(k) ?? 0)]).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
}

const file = process.env.BENCH_STATEMENT_COUNT_FILE;
if (file) process.on("exit", () => writeFileSync(file, JSON.stringify([...counts])));
