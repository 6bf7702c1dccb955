// Generates the dashboard rollup migrations, whose per-bin and per-tier SQL is too repetitive to write
// by hand. Applied migrations must not change: a change goes into a NEW migration (a new mode here).
//   node scripts/generate-dashboard-rollups-sql.mjs prisma/migrations/20261123200000_dashboard_rollups/migration.sql
//     the rollup tables, views, triggers and functions;
//   node scripts/generate-dashboard-rollups-sql.mjs --skip-unchanged prisma/migrations/20261124000000_rollups_skip_unchanged_updates/migration.sql
//     the VendorRun and Verification update triggers again, returning at once when no column a
//     rollup reads has changed (a run being claimed, a verification's status moving);
//   node scripts/generate-dashboard-rollups-sql.mjs --sandbox-dimension prisma/migrations/20261127110100_dashboard_rollups_sandbox_dimension/migration.sql
//     vendor answers and vendor health keyed by whether a built-in sandbox gave the answer
//     (VendorRun."sandbox"): those three rollups rebuilt with the new key, every function that
//     reads them replaced. The two modes above still print their migrations exactly as applied.
import { writeFileSync } from "node:fs";
const MODE = process.argv[2]?.startsWith("--") ? process.argv[2] : "";
const SANDBOX_DIM = MODE === "--sandbox-dimension";
const SB = SANDBOX_DIM ? ["sandbox"] : [];
// The run's sandbox flag as a key column of a contribution SELECT (nothing before that migration).
const sbCol = (r) => (SANDBOX_DIM ? `, ${r}."sandbox" AS sandbox` : "");
const B = 32;
const range = [...Array(B).keys()];
const T = {
  dash_verifications: { keys: ["hour", "check_type", "source"], m: ["n"] },
  dash_outcomes: { keys: ["hour", "vendor", "check_type", "source", ...SB], m: ["pairs", "pass", "fail", "review", "error"] },
  dash_vendor_runs: { keys: ["hour", "vendor", "check_type", "source", ...SB], m: ["runs", "finished", "errors", "timeouts", "retries", "latency_n", "latency_sum_ms", ...range.map((i) => `l${i}`)] },
  dash_vendor_errors: { keys: ["hour", "vendor", "check_type", "source", ...SB, "code"], m: ["n"] },
  dash_case_flow: { keys: ["hour", "check_type", "source"], m: ["opened", "decided", "breached", "ttd_n", "ttd_sum_ms", ...range.map((i) => `t${i}`)] },
  dash_open_cases: { keys: ["opened_hour", "check_type", "source", "rule"], m: ["n"] },
  dash_open_sla: { keys: ["sla_hour", "check_type", "source"], m: ["n"] },
  dash_decisions: { keys: ["hour", "reviewer_id", "check_type", "source", "kind"], m: ["n", "overrides"] },
};
const KT = { hour: "TIMESTAMPTZ(3)", opened_hour: "TIMESTAMPTZ(3)", sla_hour: "TIMESTAMPTZ(3)", vendor: '"Vendor"', check_type: '"CheckType"', source: '"VerificationSource"', code: "TEXT", rule: "TEXT", reviewer_id: "UUID", kind: '"DecisionKind"', sandbox: "BOOLEAN" };
const q = (c) => `"${c}"`;
// Coarser copies of the hourly time series: per UTC day, and per 3-hour block of a UTC day.
const TIERS = [
  { suffix: "_daily", key: "day", trunc: `date_trunc('day', "hour", 'UTC')` },
  { suffix: "_3h", key: "block", trunc: `date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00')` },
];
const ql = (cs) => cs.map(q).join(", ");
const binCols = (p, v, S) => range.map((i) => `CASE WHEN ${v} = ${i} THEN ${S} ELSE 0 END AS ${p}${i}`).join(",\n      ");
const zeroCols = (p) => range.map((i) => `0 AS ${p}${i}`).join(", ");

// Contribution SELECTs: R = runs, L = latest run per (verification, vendor), V = verifications,
// C = cases, D = decisions; S = sign.
const contrib = {
  dash_verifications: ({ V, S }) => `SELECT dash_hour(v."createdAt") AS hour, v."checkType" AS check_type, v."source" AS source, ${S} AS n
    FROM ${V} v`,
  dash_vendor_runs: ({ R, V, S }) => `SELECT dash_hour(r."requestedAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source${sbCol("r")},
      ${S} AS runs,
      CASE WHEN r."status" IN ('completed', 'failed') THEN ${S} ELSE 0 END AS finished,
      CASE WHEN r."outcome" = 'error' THEN ${S} ELSE 0 END AS errors,
      ${S} * dash_timeouts(r."attempts") AS timeouts,
      ${S} * greatest(dash_attempt_count(r."attempts") - 1, 0) AS retries,
      CASE WHEN r.lbin IS NOT NULL THEN ${S} ELSE 0 END AS latency_n,
      CASE WHEN r.lbin IS NOT NULL THEN ${S} * r."latencyMs" ELSE 0 END AS latency_sum_ms,
      ${binCols("l", "r.lbin", S)}
    FROM (SELECT x.*, CASE WHEN x."status" IN ('completed', 'failed') AND x."latencyMs" IS NOT NULL THEN dash_latency_bin(x."latencyMs") END AS lbin FROM ${R} x) r
    JOIN ${V} v ON v."id" = r."verificationId"`,
  dash_vendor_errors: ({ R, V, S }) => `SELECT dash_hour(r."requestedAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source${sbCol("r")}, e.code AS code, ${S} AS n
    FROM ${R} r JOIN ${V} v ON v."id" = r."verificationId" CROSS JOIN LATERAL dash_error_codes(r."normalized") AS e(code)
    WHERE r."outcome" = 'error'`,
  dash_outcomes: ({ L, V, S }) => `SELECT dash_hour(v."createdAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source${sbCol("r")},
      ${S} AS pairs,
      CASE WHEN r."outcome" = 'pass' THEN ${S} ELSE 0 END AS pass,
      CASE WHEN r."outcome" = 'fail' THEN ${S} ELSE 0 END AS fail,
      CASE WHEN r."outcome" = 'review' THEN ${S} ELSE 0 END AS review,
      CASE WHEN r."outcome" = 'error' THEN ${S} ELSE 0 END AS error
    FROM ${L} r JOIN ${V} v ON v."id" = r."verificationId"`,
  dash_case_flow: ({ C, V, S }) => `SELECT dash_hour(c."openedAt") AS hour, c."checkType" AS check_type, v."source" AS source,
      ${S} AS opened, 0 AS decided, 0 AS breached, 0 AS ttd_n, 0 AS ttd_sum_ms, ${zeroCols("t")}
    FROM ${C} c JOIN ${V} v ON v."id" = c."verificationId"
    UNION ALL
    SELECT dash_hour(c."decidedAt"), c."checkType", v."source",
      0, ${S}, CASE WHEN c."slaDueAt" IS NOT NULL AND c."decidedAt" > c."slaDueAt" THEN ${S} ELSE 0 END, ${S},
      ${S} * round(extract(epoch FROM c."decidedAt" - c."openedAt") * 1000)::bigint,
      ${binCols("t", "c.tbin", S)}
    FROM (SELECT x.*, dash_ttd_bin(x."decidedAt" - x."openedAt") AS tbin FROM ${C} x WHERE x."status" = 'decided' AND x."decidedAt" IS NOT NULL) c
    JOIN ${V} v ON v."id" = c."verificationId"`,
  dash_open_cases: ({ C, V, S }) => `SELECT dash_hour(c."openedAt") AS opened_hour, c."checkType" AS check_type, v."source" AS source, rr.rule AS rule, ${S} AS n
    FROM ${C} c JOIN ${V} v ON v."id" = c."verificationId" CROSS JOIN LATERAL dash_case_rules(c."rules") AS rr(rule)
    WHERE c."status" <> 'decided'`,
  dash_open_sla: ({ C, V, S }) => `SELECT dash_hour(c."slaDueAt") AS sla_hour, c."checkType" AS check_type, v."source" AS source, ${S} AS n
    FROM ${C} c JOIN ${V} v ON v."id" = c."verificationId"
    WHERE c."status" <> 'decided' AND c."slaDueAt" IS NOT NULL`,
  dash_decisions: ({ D, C, V, S }) => `SELECT dash_hour(d."createdAt") AS hour, d."decidedById" AS reviewer_id, c."checkType" AS check_type, v."source" AS source, d."kind" AS kind,
      ${S} AS n, CASE WHEN d."overridesVendor" THEN ${S} ELSE 0 END AS overrides
    FROM ${D} d JOIN ${C} c ON c."id" = d."caseId" JOIN ${V} v ON v."id" = c."verificationId"`,
};

const nonzero = (name) => T[name].m.map((m) => `sum(${q(m)}) <> 0`).join(" OR ");
// One delta INSERT: the contributions (signed) summed per key, rows that cancel out dropped.
function deltaInsert(name, parts) {
  const t = T[name];
  return `INSERT INTO ${q(name + "_delta")} (${ql(t.keys)}, ${ql(t.m)})
  SELECT ${ql(t.keys)}, ${t.m.map((m) => `sum(${q(m)})`).join(", ")}
  FROM (
    ${parts.map((p) => contrib[name](p)).join("\n    UNION ALL\n    ")}
  ) AS x
  GROUP BY ${ql(t.keys)}
  HAVING ${nonzero(name)};`;
}
const LATEST = (src) => `(SELECT DISTINCT ON ("verificationId", "vendor") * FROM ${src} ORDER BY "verificationId", "vendor", "attempt" DESC)`;

// dash_hour and dash_timeouts were later rewritten so that PostgreSQL inlines them
// (prisma/migrations/20261128030000_inline_rollup_helpers): the definitions below are the first ones.
let sql = `-- Dashboard rollups (issue 7). Not in the Prisma schema: read and written with SQL only.
--
-- Every rollup is keyed by the UTC hour its event happened in (plus vendor, check type, source, ...),
-- so a viewer's time zone can re-bucket hours into local days, weeks and months. Each rollup has:
--   <name>_daily, <name>_3h  (time series only) the same per UTC day and per 3-hour block of a
--                  UTC day: a range reads each UTC day or block that lies wholly inside one local
--                  bucket from these, and only the remaining hours from <name> (lib/dashboards/
--                  time-buckets.ts planSeries), so a year is ~365 rows per key in UTC and ~10 per
--                  local day in other zones, instead of 24;
--   <name>          the compacted counts, one row per key;
--   <name>_delta    signed changes appended by triggers (insert-only, so concurrent writers never
--                   wait on one hot counter row), folded into <name> by dash_compact_rollups();
--   <name>_all      both together: what the dashboards read (always current);
--   <name>_recount  the same counts computed from the raw tables (the truth, used by
--                   dash_recompute_rollups() and dash_rollup_differences()).
-- Triggers on Verification, VendorRun, ReviewCase and Decision keep the rollups current whatever
-- code writes those tables. Each trigger adds the contribution of the rows after the change and
-- subtracts that of the rows before it, so inserts, updates, reruns and deletes are all exact.
-- A row whose parent is gone (cascading delete) contributes nothing: the parent's BEFORE DELETE
-- trigger has already subtracted its whole tree.
--
-- Latency (ms) and time to decision (minutes) are kept as 32-bin histograms, bins half an octave
-- wide (bin k holds [2^(k/2), 2^((k+1)/2)), bin 0 everything below, bin 31 everything above), so
-- percentiles come from the bins instead of raw scans (lib/dashboards/histogram.ts).

CREATE FUNCTION dash_hour(ts TIMESTAMPTZ) RETURNS TIMESTAMPTZ LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT date_trunc('hour', ts, 'UTC') $$;

CREATE FUNCTION dash_latency_bin(ms INTEGER) RETURNS INTEGER LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT least(31, greatest(0, floor(2 * ln(greatest(ms, 1)::float8) / ln(2.0) + 1e-9)))::int $$;

CREATE FUNCTION dash_ttd_bin(elapsed INTERVAL) RETURNS INTEGER LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT least(31, greatest(0, floor(2 * ln(greatest(extract(epoch FROM elapsed)::float8 / 60, 1)) / ln(2.0) + 1e-9)))::int $$;

-- Every HTTP attempt of a run is one element of its "attempts" JSON; a timeout is an attempt whose
-- networkError is "timeout" (lib/vendors/types.ts attemptSchema).
CREATE FUNCTION dash_attempt_count(attempts JSONB) RETURNS INTEGER LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN jsonb_typeof(attempts) = 'array' THEN jsonb_array_length(attempts) ELSE 0 END $$;

CREATE FUNCTION dash_timeouts(attempts JSONB) RETURNS INTEGER LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT CASE WHEN jsonb_typeof(attempts) = 'array'
  THEN (SELECT count(*)::int FROM jsonb_array_elements(attempts) AS a WHERE jsonb_typeof(a) = 'object' AND a->>'networkError' = 'timeout')
  ELSE 0 END $$;

-- The distinct reason codes of a run's normalized result; "unspecified" when it has none.
CREATE FUNCTION dash_error_codes(normalized JSONB) RETURNS SETOF TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$
  WITH codes AS (
    SELECT DISTINCT left(r->>'code', 100) AS code
    FROM jsonb_array_elements(CASE WHEN jsonb_typeof(normalized->'reasons') = 'array' THEN normalized->'reasons' ELSE '[]'::jsonb END) AS r
    WHERE jsonb_typeof(r) = 'object' AND coalesce(r->>'code', '') <> ''
  )
  SELECT code FROM codes
  UNION ALL
  SELECT 'unspecified' WHERE NOT EXISTS (SELECT 1 FROM codes)
$$;

-- "*" (every open case once) and each distinct rule that flagged it.
CREATE FUNCTION dash_case_rules(rules TEXT[]) RETURNS SETOF TEXT LANGUAGE sql IMMUTABLE PARALLEL SAFE
AS $$ SELECT '*' UNION SELECT r FROM unnest(rules) AS r WHERE coalesce(r, '') <> '' $$;

`;
function tablesSql(names) {
  let sql = "";
  for (const name of names) {
  const t = T[name];
  const cols = [...t.keys.map((k) => `    ${q(k)} ${KT[k]} NOT NULL,`), ...t.m.map((m) => `    ${q(m)} ${m.endsWith("_sum_ms") ? "BIGINT" : "INTEGER"} NOT NULL DEFAULT 0,`)];
  sql += `CREATE TABLE ${q(name)} (\n${cols.join("\n")}\n    CONSTRAINT ${q(name + "_pkey")} PRIMARY KEY (${ql(t.keys)})\n);\n`;
  sql += `CREATE TABLE ${q(name + "_delta")} (LIKE ${q(name)} INCLUDING DEFAULTS);\n`;
  sql += `CREATE VIEW ${q(name + "_all")} AS SELECT * FROM ${q(name)} UNION ALL SELECT * FROM ${q(name + "_delta")};\n`;
  if (t.keys[0] === "hour") {
    for (const tier of TIERS) {
      const dk = [tier.key, ...t.keys.slice(1)];
      const dcols = [`    "${tier.key}" TIMESTAMPTZ(3) NOT NULL,`, ...cols.slice(1)];
      sql += `CREATE TABLE ${q(name + tier.suffix)} (\n${dcols.join("\n")}\n    CONSTRAINT ${q(name + tier.suffix + "_pkey")} PRIMARY KEY (${ql(dk)})\n);\n`;
      sql += `CREATE VIEW ${q(name + tier.suffix + "_all")} AS SELECT * FROM ${q(name + tier.suffix)}
  UNION ALL SELECT ${tier.trunc}, ${ql(t.keys.slice(1))}, ${ql(t.m)} FROM ${q(name + "_delta")};\n`;
    }
  }
  sql += "\n";
  }
  return sql;
}
sql += tablesSql(Object.keys(T));

// Recount views
const full = { R: `"VendorRun"`, L: LATEST(`"VendorRun"`), V: `"Verification"`, C: `"ReviewCase"`, D: `"Decision"`, S: "1" };
function recountSql(names) {
  let sql = "";
  for (const name of names) {
  const t = T[name];
  sql += `CREATE VIEW ${q(name + "_recount")} AS
  SELECT ${ql(t.keys)}, ${t.m.map((m) => `sum(${q(m)})::bigint AS ${q(m)}`).join(", ")}
  FROM (
    ${contrib[name](full)}
  ) AS x
  GROUP BY ${ql(t.keys)}
  HAVING ${nonzero(name)};\n\n`;
  }
  return sql;
}
sql += recountSql(Object.keys(T));

// Compaction, recomputation and comparison: one function each over every rollup.
function functionsSql(create) {
  let sql = `-- Folds the pending deltas into the compacted rollups. Safe to run at any time, from any number of
-- sessions (a delta row is moved exactly once); callers: the dashboards before they read, the
-- benchmark, dash_recompute_rollups().
${create} dash_compact_rollups() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_try_advisory_xact_lock(74110, 0) THEN RETURN; END IF;
`;
for (const [name, t] of Object.entries(T)) {
  const set = t.m.map((m) => `${q(m)} = t.${q(m)} + EXCLUDED.${q(m)}`).join(", ");
  const sums = t.m.map((m) => `sum(${q(m)})`).join(", ");
  if (t.keys[0] === "hour") {
    const rest = t.keys.slice(1);
    sql += `  WITH moved AS (DELETE FROM ${q(name + "_delta")} RETURNING *),
  hourly AS (
    INSERT INTO ${q(name)} AS t (${ql(t.keys)}, ${ql(t.m)})
    SELECT ${ql(t.keys)}, ${sums} FROM moved GROUP BY ${ql(t.keys)}
    ON CONFLICT (${ql(t.keys)}) DO UPDATE SET ${set}
  ),
  daily AS (
    INSERT INTO ${q(name + "_daily")} AS t ("day", ${ql(rest)}, ${ql(t.m)})
    SELECT ${TIERS[0].trunc}, ${ql(rest)}, ${sums} FROM moved GROUP BY 1, ${ql(rest)}
    ON CONFLICT ("day", ${ql(rest)}) DO UPDATE SET ${set}
  )
  INSERT INTO ${q(name + "_3h")} AS t ("block", ${ql(rest)}, ${ql(t.m)})
  SELECT ${TIERS[1].trunc}, ${ql(rest)}, ${sums} FROM moved GROUP BY 1, ${ql(rest)}
  ON CONFLICT ("block", ${ql(rest)}) DO UPDATE SET ${set};
`;
  } else {
    sql += `  WITH moved AS (DELETE FROM ${q(name + "_delta")} RETURNING *)
  INSERT INTO ${q(name)} AS t (${ql(t.keys)}, ${ql(t.m)})
  SELECT ${ql(t.keys)}, ${sums} FROM moved GROUP BY ${ql(t.keys)}
  ON CONFLICT (${ql(t.keys)}) DO UPDATE SET ${set};
`;
  }
}
sql += `  -- Open cases come and go: drop the keys that went back to zero so these stay small.
  DELETE FROM "dash_open_cases" WHERE "n" = 0;
  DELETE FROM "dash_open_sla" WHERE "n" = 0;
END $$;

-- Rebuilds every rollup from the raw tables, e.g. after a bulk load with the triggers disabled.
-- Writers wait meanwhile (SHARE locks), so no change is counted twice or missed.
${create} dash_recompute_rollups() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "Verification", "VendorRun", "ReviewCase", "Decision" IN SHARE MODE;
  TRUNCATE ${Object.entries(T).flatMap(([n, t]) => [q(n), q(n + "_delta"), ...(t.keys[0] === "hour" ? TIERS.map((tier) => q(n + tier.suffix)) : [])]).join(", ")};
${Object.entries(T).map(([n, t]) => `  INSERT INTO ${q(n)} SELECT * FROM ${q(n + "_recount")};` + (t.keys[0] === "hour"
  ? TIERS.map((tier) => `\n  INSERT INTO ${q(n + tier.suffix)} SELECT ${tier.trunc}, ${ql(t.keys.slice(1))}, ${t.m.map((m) => `sum(${q(m)})`).join(", ")} FROM ${q(n)} GROUP BY 1, ${ql(t.keys.slice(1))};`).join("")
  : "")).join("\n")}
END $$;

-- For each rollup (and its per-day and per-3-hour copies), how many keys differ from a raw recount:
-- all zero when the rollups are exact. Each recount is computed once, into a temporary table.
${create} dash_rollup_differences() RETURNS TABLE ("rollup" TEXT, "differing_keys" BIGINT) LANGUAGE plpgsql AS $$
BEGIN
${Object.entries(T).map(([name, t]) => {
  const sums = t.m.map((m) => `sum(${q(m)})::bigint`).join(", ");
  const lines = [
    `  CREATE TEMP TABLE dash_truth ON COMMIT DROP AS SELECT * FROM ${q(name + "_recount")};`,
    `  RETURN QUERY SELECT '${name}'::text, (SELECT count(*) FROM (
    (SELECT ${ql(t.keys)}, ${sums} FROM ${q(name + "_all")} GROUP BY ${ql(t.keys)} HAVING ${nonzero(name)} EXCEPT SELECT * FROM dash_truth)
    UNION ALL
    (SELECT * FROM dash_truth EXCEPT SELECT ${ql(t.keys)}, ${sums} FROM ${q(name + "_all")} GROUP BY ${ql(t.keys)} HAVING ${nonzero(name)})
  ) AS d);`,
  ];
  if (t.keys[0] === "hour") {
    for (const tier of TIERS) {
      const dk = [tier.key, ...t.keys.slice(1)];
      const rest = ql(t.keys.slice(1));
      const coarse = `SELECT ${ql(dk)}, ${sums} FROM ${q(name + tier.suffix + "_all")} GROUP BY ${ql(dk)} HAVING ${nonzero(name)}`;
      const truth = `SELECT ${tier.trunc} AS ${q(tier.key)}, ${rest}, ${sums} FROM dash_truth GROUP BY 1, ${rest} HAVING ${nonzero(name)}`;
      lines.push(`  RETURN QUERY SELECT '${name + tier.suffix}'::text, (SELECT count(*) FROM ((${coarse} EXCEPT ${truth}) UNION ALL (${truth} EXCEPT ${coarse})) AS d);`);
    }
  }
  lines.push(`  DROP TABLE dash_truth;`);
  return lines.join("\n");
}).join("\n")}
END $$;
`;
  return sql;
}
sql += functionsSql("CREATE FUNCTION");

// ---------- Triggers ----------
const RUN_PAIRS_LOCK = (src) => `  -- Serialises writers of the same (verification, vendor): "latest attempt" needs a stable view.
  FOR p IN SELECT DISTINCT "verificationId", "vendor" FROM ${src} ORDER BY 1, 2 LOOP
    PERFORM pg_advisory_xact_lock(74111, hashtext(p."verificationId"::text || '/' || p."vendor"::text));
  END LOOP;`;
// The columns of VendorRun that some rollup reads ("status" only as finished or not).
const RUN_COLUMNS = (t) => `(${t}."requestedAt", ${t}."verificationId", ${t}."vendor", ${t}."checkType", ${t}."attempt", ${t}."status" IN ('completed', 'failed'), ${t}."outcome", ${t}."latencyMs", ${t}."attempts", ${t}."normalized"${SANDBOX_DIM ? `, ${t}."sandbox"` : ""})`;
// The columns of Verification that some rollup reads.
const VERIFICATION_COLUMNS = (t) => `(${t}."createdAt", ${t}."checkType", ${t}."source")`;
// An UPDATE trigger's first statement: nothing to count when no row changed a column the rollups read.
const SKIP_UNCHANGED = (columns) => `IF NOT EXISTS (
    SELECT 1 FROM old_rows o LEFT JOIN new_rows n ON n."id" = o."id"
    WHERE n."id" IS NULL OR ${columns("o")} IS DISTINCT FROM ${columns("n")}
  ) THEN
    RETURN NULL;
  END IF;
  `;
function runTrigger(op, { guard = "", functionOnly = false, replace = Boolean(guard) } = {}) {
  const hasNew = op !== "DELETE", hasOld = op !== "INSERT";
  const changed = [hasNew && "new_rows", hasOld && "old_rows"].filter(Boolean);
  const touched = `(${changed.map((t) => `SELECT "verificationId", "vendor", "id" FROM ${t}`).join(" UNION ALL ")})`;
  const pairs = `(SELECT r.* FROM "VendorRun" r WHERE (r."verificationId", r."vendor") IN (SELECT "verificationId", "vendor" FROM ${touched} AS t))`;
  const before = `(SELECT * FROM ${pairs} AS cur WHERE ${hasNew ? `cur."id" NOT IN (SELECT "id" FROM new_rows)` : "true"}${hasOld ? ` UNION ALL SELECT * FROM old_rows` : ""})`;
  const parts = () => [hasNew && { R: "new_rows", V: `"Verification"`, S: "1" }, hasOld && { R: "old_rows", V: `"Verification"`, S: "-1" }].filter(Boolean);
  const fn = `CREATE ${replace ? "OR REPLACE " : ""}FUNCTION dash_vendor_run_${op.toLowerCase()}() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  p RECORD;
BEGIN
  ${guard}${deltaInsert("dash_vendor_runs", parts())}
  ${deltaInsert("dash_vendor_errors", parts())}
${RUN_PAIRS_LOCK(touched + " AS t")}
  ${deltaInsert("dash_outcomes", [
    { L: LATEST(pairs + " AS cur"), V: `"Verification"`, S: "1" },
    { L: LATEST(before + " AS b"), V: `"Verification"`, S: "-1" },
  ])}
  RETURN NULL;
END $$;
`;
  if (functionOnly) return fn;
  return `${fn}CREATE TRIGGER "dash_vendor_run_${op.toLowerCase()}" AFTER ${op} ON "VendorRun"
  REFERENCING ${[hasNew && "NEW TABLE AS new_rows", hasOld && "OLD TABLE AS old_rows"].filter(Boolean).join(" ")}
  FOR EACH STATEMENT EXECUTE FUNCTION dash_vendor_run_${op.toLowerCase()}();

`;
}
sql += `-- VendorRun: every run counts in vendor health; the latest attempt of each (verification, vendor)
-- counts in the outcome rates, so a rerun moves its verification from the old outcome to the new.
`;
sql += runTrigger("INSERT") + runTrigger("UPDATE") + runTrigger("DELETE");

// ReviewCase
function caseTrigger(op) {
  const hasOld = op === "UPDATE";
  const parts = [{ C: "new_rows", V: `"Verification"`, S: "1" }, hasOld && { C: "old_rows", V: `"Verification"`, S: "-1" }].filter(Boolean);
  const dec = hasOld
    ? `  -- A case that changes check type or verification takes its decisions along.
  IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE (o."checkType", o."verificationId") IS DISTINCT FROM (n."checkType", n."verificationId")) THEN
    ${deltaInsert("dash_decisions", [
      { D: `(SELECT * FROM "Decision" WHERE "caseId" IN (SELECT "id" FROM new_rows))`, C: "new_rows", V: `"Verification"`, S: "1" },
      { D: `(SELECT * FROM "Decision" WHERE "caseId" IN (SELECT "id" FROM old_rows))`, C: "old_rows", V: `"Verification"`, S: "-1" },
    ])}
  END IF;
`
    : "";
  return `CREATE FUNCTION dash_review_case_${op.toLowerCase()}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${deltaInsert("dash_case_flow", parts)}
  ${deltaInsert("dash_open_cases", parts)}
  ${deltaInsert("dash_open_sla", parts)}
${dec}  RETURN NULL;
END $$;
CREATE TRIGGER "dash_review_case_${op.toLowerCase()}" AFTER ${op} ON "ReviewCase"
  REFERENCING ${hasOld ? "OLD TABLE AS old_rows " : ""}NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_review_case_${op.toLowerCase()}();

`;
}
sql += `-- ReviewCase: opened and decided counts, time to decision, SLA breaches, and the open cases by rule.
`;
sql += caseTrigger("INSERT") + caseTrigger("UPDATE");
const OLDCASE = `(SELECT OLD.*)`;
sql += `-- Before a case is deleted, its own counts and its decisions' go (the decisions' own trigger finds
-- no case once the cascade reaches them).
CREATE FUNCTION dash_review_case_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${deltaInsert("dash_case_flow", [{ C: OLDCASE, V: `"Verification"`, S: "-1" }])}
  ${deltaInsert("dash_open_cases", [{ C: OLDCASE, V: `"Verification"`, S: "-1" }])}
  ${deltaInsert("dash_open_sla", [{ C: OLDCASE, V: `"Verification"`, S: "-1" }])}
  ${deltaInsert("dash_decisions", [{ D: `(SELECT * FROM "Decision" WHERE "caseId" = OLD."id")`, C: OLDCASE, V: `"Verification"`, S: "-1" }])}
  RETURN OLD;
END $$;
CREATE TRIGGER "dash_review_case_delete" BEFORE DELETE ON "ReviewCase"
  FOR EACH ROW EXECUTE FUNCTION dash_review_case_delete();

`;
// Decision
function decisionTrigger(op) {
  const hasNew = op !== "DELETE", hasOld = op !== "INSERT";
  const parts = [hasNew && { D: "new_rows", C: `"ReviewCase"`, V: `"Verification"`, S: "1" }, hasOld && { D: "old_rows", C: `"ReviewCase"`, V: `"Verification"`, S: "-1" }].filter(Boolean);
  return `CREATE FUNCTION dash_decision_${op.toLowerCase()}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${deltaInsert("dash_decisions", parts)}
  RETURN NULL;
END $$;
CREATE TRIGGER "dash_decision_${op.toLowerCase()}" AFTER ${op} ON "Decision"
  REFERENCING ${[hasOld && "OLD TABLE AS old_rows", hasNew && "NEW TABLE AS new_rows"].filter(Boolean).join(" ")}
  FOR EACH STATEMENT EXECUTE FUNCTION dash_decision_${op.toLowerCase()}();

`;
}
sql += `-- Decision: reviewer throughput and override rate.
`;
sql += decisionTrigger("INSERT") + decisionTrigger("UPDATE") + decisionTrigger("DELETE");

// Verification
const treeParts = (V, S) => ({
  runs: { R: `(SELECT * FROM "VendorRun" WHERE "verificationId" IN (SELECT "id" FROM ${V} AS tv))`, V, S },
  latest: { L: LATEST(`(SELECT * FROM "VendorRun" WHERE "verificationId" IN (SELECT "id" FROM ${V} AS tv)) AS r0`), V, S },
  cases: { C: `(SELECT * FROM "ReviewCase" WHERE "verificationId" IN (SELECT "id" FROM ${V} AS tv))`, V, S },
  decisions: { D: `(SELECT * FROM "Decision" WHERE "caseId" IN (SELECT "id" FROM "ReviewCase" WHERE "verificationId" IN (SELECT "id" FROM ${V} AS tv)))`, C: `"ReviewCase"`, V, S },
});
function tree(sides) {
  const ps = sides.map(([V, S]) => treeParts(V, S));
  return [
    deltaInsert("dash_vendor_runs", ps.map((p) => p.runs)),
    deltaInsert("dash_vendor_errors", ps.map((p) => p.runs)),
    deltaInsert("dash_outcomes", ps.map((p) => p.latest)),
    deltaInsert("dash_case_flow", ps.map((p) => p.cases)),
    deltaInsert("dash_open_cases", ps.map((p) => p.cases)),
    deltaInsert("dash_open_sla", ps.map((p) => p.cases)),
    deltaInsert("dash_decisions", ps.map((p) => p.decisions)),
  ].join("\n    ");
}
function verificationUpdateFunction(guard = "") {
  return `CREATE ${guard ? "OR REPLACE " : ""}FUNCTION dash_verification_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${guard}${deltaInsert("dash_verifications", [{ V: "new_rows", S: "1" }, { V: "old_rows", S: "-1" }])}
  IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE (o."createdAt", o."source") IS DISTINCT FROM (n."createdAt", n."source")) THEN
    ${tree([["new_rows", "1"], ["old_rows", "-1"]])}
  END IF;
  RETURN NULL;
END $$;
`;
}
function verificationDeleteFunction(replace = false) {
  return `CREATE ${replace ? "OR REPLACE " : ""}FUNCTION dash_verification_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${deltaInsert("dash_verifications", [{ V: "(SELECT OLD.*)", S: "-1" }])}
  ${tree([["(SELECT OLD.*)", "-1"]])}
  RETURN OLD;
END $$;
`;
}
sql += `-- Verification: the verification counts; a change of its hour or source moves its whole tree; and
-- before it is deleted, its whole tree is subtracted (the cascade then finds no parent and adds nothing).
CREATE FUNCTION dash_verification_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  ${deltaInsert("dash_verifications", [{ V: "new_rows", S: "1" }])}
  RETURN NULL;
END $$;
CREATE TRIGGER "dash_verification_insert" AFTER INSERT ON "Verification"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_verification_insert();

${verificationUpdateFunction()}CREATE TRIGGER "dash_verification_update" AFTER UPDATE ON "Verification"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_verification_update();

${verificationDeleteFunction()}CREATE TRIGGER "dash_verification_delete" BEFORE DELETE ON "Verification"
  FOR EACH ROW EXECUTE FUNCTION dash_verification_delete();

`;
sql += `-- Indexes the dashboards need on the raw tables: open cases whose SLA falls due in the current hour
-- (the rollup counts whole hours).
CREATE INDEX "dash_ReviewCase_open_slaDueAt_idx" ON "ReviewCase"("slaDueAt") WHERE "status" <> 'decided';

-- The current rollups of whatever is already stored.
SELECT dash_recompute_rollups();
`;
const skipUnchanged = `-- Dashboard rollups: the UPDATE triggers of VendorRun and Verification return at once when no row
-- changed a column that a rollup reads. Most updates are such: a vendor run being claimed
-- (queued → running), a verification's status moving. Generated by
-- scripts/generate-dashboard-rollups-sql.mjs --skip-unchanged; the counting itself is unchanged.
${runTrigger("UPDATE", { guard: SKIP_UNCHANGED(RUN_COLUMNS), functionOnly: true })}
${verificationUpdateFunction(SKIP_UNCHANGED(VERIFICATION_COLUMNS))}`;

// The rollups a run's sandbox flag keys, rebuilt; the other rollups keep their rows.
const SANDBOX_KEYED = ["dash_outcomes", "dash_vendor_runs", "dash_vendor_errors"];
const sandboxDimension = () => `-- Dashboard rollups: vendor answers (dash_outcomes) and vendor health (dash_vendor_runs,
-- dash_vendor_errors) are keyed by whether a built-in vendor sandbox gave the answer (VendorRun."sandbox"),
-- so the dashboards leave test answers out by default and count them when asked. Generated by
-- scripts/generate-dashboard-rollups-sql.mjs --sandbox-dimension: the three rollups are rebuilt with the
-- new key (with their views), and every function that reads or writes them is replaced;
-- the other rollups, their triggers and their rows are unchanged.
DROP VIEW ${SANDBOX_KEYED.map((n) => q(n + "_recount")).join(", ")};
DROP TABLE ${SANDBOX_KEYED.flatMap((n) => [q(n), q(n + "_delta"), ...TIERS.map((tier) => q(n + tier.suffix))]).join(", ")} CASCADE;

${tablesSql(SANDBOX_KEYED)}${recountSql(SANDBOX_KEYED)}${functionsSql("CREATE OR REPLACE FUNCTION")}
${runTrigger("INSERT", { functionOnly: true, replace: true })}
${runTrigger("UPDATE", { guard: SKIP_UNCHANGED(RUN_COLUMNS), functionOnly: true })}
${runTrigger("DELETE", { functionOnly: true, replace: true })}
${verificationUpdateFunction(SKIP_UNCHANGED(VERIFICATION_COLUMNS))}
${verificationDeleteFunction(true)}
-- The rollups again, from the raw tables.
SELECT dash_recompute_rollups();
`;

const texts = { "": () => sql, "--skip-unchanged": () => skipUnchanged, "--sandbox-dimension": sandboxDimension };
const output = MODE ? process.argv[3] : process.argv[2];
if (!output || !texts[MODE]) throw new Error("usage: node scripts/generate-dashboard-rollups-sql.mjs [--skip-unchanged | --sandbox-dimension] <migration.sql>");
const text = texts[MODE]();
writeFileSync(output, text);
console.log(text.length);
