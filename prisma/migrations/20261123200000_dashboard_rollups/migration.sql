-- Dashboard rollups (issue 7). Not in the Prisma schema: read and written with SQL only.
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

CREATE TABLE "dash_verifications" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "check_type" "CheckType" NOT NULL,
    "source" "VerificationSource" NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "dash_verifications_pkey" PRIMARY KEY ("hour", "check_type", "source")
);
CREATE TABLE "dash_verifications_delta" (LIKE "dash_verifications" INCLUDING DEFAULTS);
CREATE VIEW "dash_verifications_all" AS SELECT * FROM "dash_verifications" UNION ALL SELECT * FROM "dash_verifications_delta";
CREATE TABLE "dash_verifications_daily" (
    "day" TIMESTAMPTZ(3) NOT NULL,
    "check_type" "CheckType" NOT NULL,
    "source" "VerificationSource" NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "dash_verifications_daily_pkey" PRIMARY KEY ("day", "check_type", "source")
);
CREATE VIEW "dash_verifications_daily_all" AS SELECT * FROM "dash_verifications_daily"
  UNION ALL SELECT date_trunc('day', "hour", 'UTC'), "check_type", "source", "n" FROM "dash_verifications_delta";
CREATE TABLE "dash_verifications_3h" (
    "block" TIMESTAMPTZ(3) NOT NULL,
    "check_type" "CheckType" NOT NULL,
    "source" "VerificationSource" NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "dash_verifications_3h_pkey" PRIMARY KEY ("block", "check_type", "source")
);
CREATE VIEW "dash_verifications_3h_all" AS SELECT * FROM "dash_verifications_3h"
  UNION ALL SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00'), "check_type", "source", "n" FROM "dash_verifications_delta";

CREATE TABLE "dash_outcomes" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "vendor" "Vendor" NOT NULL,
    "check_type" "CheckType" NOT NULL,
    "source" "VerificationSource" NOT NULL,
    "pairs" INTEGER NOT NULL DEFAULT 0,
    "pass" INTEGER NOT NULL DEFAULT 0,
    "fail" INTEGER NOT NULL DEFAULT 0,
    "review" INTEGER NOT NULL DEFAULT 0,
    "error" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "dash_outcomes_pkey" PRIMARY KEY ("hour", "vendor", "check_type", "source")
);
CREATE TABLE "dash_outcomes_delta" (LIKE "dash_outcomes" INCLUDING DEFAULTS);
CREATE VIEW "dash_outcomes_all" AS SELECT * FROM "dash_outcomes" UNION ALL SELECT * FROM "dash_outcomes_delta";
CREATE TABLE "dash_outcomes_daily" (
    "day" TIMESTAMPTZ(3) NOT NULL,
    "vendor" "Vendor" NOT NULL,
    "check_type" "CheckType" NOT NULL,
    "source" "VerificationSource" NOT NULL,
    "pairs" INTEGER NOT NULL DEFAULT 0,
    "pass" INTEGER NOT NULL DEFAULT 0,
    "fail" INTEGER NOT NULL DEFAULT 0,
    "review" INTEGER NOT NULL DEFAULT 0,
    "error" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "dash_outcomes_daily_pkey" PRIMARY KEY ("day", "vendor", "check_type", "source")
);
CREATE VIEW "dash_outcomes_daily_all" AS SELECT * FROM "dash_outcomes_daily"
  UNION ALL SELECT date_trunc('day', "hour", 'UTC'), "vendor", "check_type", "source", "pairs", "pass", "fail", "review", "error" FROM "dash_outcomes_delta";
CREATE TABLE "dash_outcomes_3h" (
    "block" TIMESTAMPTZ(3) NOT NULL,
    "vendor" "Vendor" NOT NULL,
    "check_type" "CheckType" NOT NULL,
    "source" "VerificationSource" NOT NULL,
    "pairs" INTEGER NOT NULL DEFAULT 0,
    "pass" INTEGER NOT NULL DEFAULT 0,
    "fail" INTEGER NOT NULL DEFAULT 0,
    "review" INTEGER NOT NULL DEFAULT 0,
    "error" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "dash_outcomes_3h_pkey" PRIMARY KEY ("block", "vendor", "check_type", "source")
);
CREATE VIEW "dash_outcomes_3h_all" AS SELECT * FROM "dash_outcomes_3h"
  UNION ALL SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00'), "vendor", "check_type", "source", "pairs", "pass", "fail", "review", "error" FROM "dash_outcomes_delta";

CREATE TABLE "dash_vendor_runs" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "vendor" "Vendor" NOT NULL,
    "check_type" "CheckType" NOT NULL,
    "source" "VerificationSource" NOT NULL,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "finished" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "timeouts" INTEGER NOT NULL DEFAULT 0,
    "retries" INTEGER NOT NULL DEFAULT 0,
    "latency_n" INTEGER NOT NULL DEFAULT 0,
    "latency_sum_ms" BIGINT NOT NULL DEFAULT 0,
    "l0" INTEGER NOT NULL DEFAULT 0,
    "l1" INTEGER NOT NULL DEFAULT 0,
    "l2" INTEGER NOT NULL DEFAULT 0,
    "l3" INTEGER NOT NULL DEFAULT 0,
    "l4" INTEGER NOT NULL DEFAULT 0,
    "l5" INTEGER NOT NULL DEFAULT 0,
    "l6" INTEGER NOT NULL DEFAULT 0,
    "l7" INTEGER NOT NULL DEFAULT 0,
    "l8" INTEGER NOT NULL DEFAULT 0,
    "l9" INTEGER NOT NULL DEFAULT 0,
    "l10" INTEGER NOT NULL DEFAULT 0,
    "l11" INTEGER NOT NULL DEFAULT 0,
    "l12" INTEGER NOT NULL DEFAULT 0,
    "l13" INTEGER NOT NULL DEFAULT 0,
    "l14" INTEGER NOT NULL DEFAULT 0,
    "l15" INTEGER NOT NULL DEFAULT 0,
    "l16" INTEGER NOT NULL DEFAULT 0,
    "l17" INTEGER NOT NULL DEFAULT 0,
    "l18" INTEGER NOT NULL DEFAULT 0,
    "l19" INTEGER NOT NULL DEFAULT 0,
    "l20" INTEGER NOT NULL DEFAULT 0,
    "l21" INTEGER NOT NULL DEFAULT 0,
    "l22" INTEGER NOT NULL DEFAULT 0,
    "l23" INTEGER NOT NULL DEFAULT 0,
    "l24" INTEGER NOT NULL DEFAULT 0,
    "l25" INTEGER NOT NULL DEFAULT 0,
    "l26" INTEGER NOT NULL DEFAULT 0,
    "l27" INTEGER NOT NULL DEFAULT 0,
    "l28" INTEGER NOT NULL DEFAULT 0,
    "l29" INTEGER NOT NULL DEFAULT 0,
    "l30" INTEGER NOT NULL DEFAULT 0,
    "l31" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "dash_vendor_runs_pkey" PRIMARY KEY ("hour", "vendor", "check_type", "source")
);
CREATE TABLE "dash_vendor_runs_delta" (LIKE "dash_vendor_runs" INCLUDING DEFAULTS);
CREATE VIEW "dash_vendor_runs_all" AS SELECT * FROM "dash_vendor_runs" UNION ALL SELECT * FROM "dash_vendor_runs_delta";
CREATE TABLE "dash_vendor_runs_daily" (
    "day" TIMESTAMPTZ(3) NOT NULL,
    "vendor" "Vendor" NOT NULL,
    "check_type" "CheckType" NOT NULL,
    "source" "VerificationSource" NOT NULL,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "finished" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "timeouts" INTEGER NOT NULL DEFAULT 0,
    "retries" INTEGER NOT NULL DEFAULT 0,
    "latency_n" INTEGER NOT NULL DEFAULT 0,
    "latency_sum_ms" BIGINT NOT NULL DEFAULT 0,
    "l0" INTEGER NOT NULL DEFAULT 0,
    "l1" INTEGER NOT NULL DEFAULT 0,
    "l2" INTEGER NOT NULL DEFAULT 0,
    "l3" INTEGER NOT NULL DEFAULT 0,
    "l4" INTEGER NOT NULL DEFAULT 0,
    "l5" INTEGER NOT NULL DEFAULT 0,
    "l6" INTEGER NOT NULL DEFAULT 0,
    "l7" INTEGER NOT NULL DEFAULT 0,
    "l8" INTEGER NOT NULL DEFAULT 0,
    "l9" INTEGER NOT NULL DEFAULT 0,
    "l10" INTEGER NOT NULL DEFAULT 0,
    "l11" INTEGER NOT NULL DEFAULT 0,
    "l12" INTEGER NOT NULL DEFAULT 0,
    "l13" INTEGER NOT NULL DEFAULT 0,
    "l14" INTEGER NOT NULL DEFAULT 0,
    "l15" INTEGER NOT NULL DEFAULT 0,
    "l16" INTEGER NOT NULL DEFAULT 0,
    "l17" INTEGER NOT NULL DEFAULT 0,
    "l18" INTEGER NOT NULL DEFAULT 0,
    "l19" INTEGER NOT NULL DEFAULT 0,
    "l20" INTEGER NOT NULL DEFAULT 0,
    "l21" INTEGER NOT NULL DEFAULT 0,
    "l22" INTEGER NOT NULL DEFAULT 0,
    "l23" INTEGER NOT NULL DEFAULT 0,
    "l24" INTEGER NOT NULL DEFAULT 0,
    "l25" INTEGER NOT NULL DEFAULT 0,
    "l26" INTEGER NOT NULL DEFAULT 0,
    "l27" INTEGER NOT NULL DEFAULT 0,
    "l28" INTEGER NOT NULL DEFAULT 0,
    "l29" INTEGER NOT NULL DEFAULT 0,
    "l30" INTEGER NOT NULL DEFAULT 0,
    "l31" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "dash_vendor_runs_daily_pkey" PRIMARY KEY ("day", "vendor", "check_type", "source")
);
CREATE VIEW "dash_vendor_runs_daily_all" AS SELECT * FROM "dash_vendor_runs_daily"
  UNION ALL SELECT date_trunc('day', "hour", 'UTC'), "vendor", "check_type", "source", "runs", "finished", "errors", "timeouts", "retries", "latency_n", "latency_sum_ms", "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11", "l12", "l13", "l14", "l15", "l16", "l17", "l18", "l19", "l20", "l21", "l22", "l23", "l24", "l25", "l26", "l27", "l28", "l29", "l30", "l31" FROM "dash_vendor_runs_delta";
CREATE TABLE "dash_vendor_runs_3h" (
    "block" TIMESTAMPTZ(3) NOT NULL,
    "vendor" "Vendor" NOT NULL,
    "check_type" "CheckType" NOT NULL,
    "source" "VerificationSource" NOT NULL,
    "runs" INTEGER NOT NULL DEFAULT 0,
    "finished" INTEGER NOT NULL DEFAULT 0,
    "errors" INTEGER NOT NULL DEFAULT 0,
    "timeouts" INTEGER NOT NULL DEFAULT 0,
    "retries" INTEGER NOT NULL DEFAULT 0,
    "latency_n" INTEGER NOT NULL DEFAULT 0,
    "latency_sum_ms" BIGINT NOT NULL DEFAULT 0,
    "l0" INTEGER NOT NULL DEFAULT 0,
    "l1" INTEGER NOT NULL DEFAULT 0,
    "l2" INTEGER NOT NULL DEFAULT 0,
    "l3" INTEGER NOT NULL DEFAULT 0,
    "l4" INTEGER NOT NULL DEFAULT 0,
    "l5" INTEGER NOT NULL DEFAULT 0,
    "l6" INTEGER NOT NULL DEFAULT 0,
    "l7" INTEGER NOT NULL DEFAULT 0,
    "l8" INTEGER NOT NULL DEFAULT 0,
    "l9" INTEGER NOT NULL DEFAULT 0,
    "l10" INTEGER NOT NULL DEFAULT 0,
    "l11" INTEGER NOT NULL DEFAULT 0,
    "l12" INTEGER NOT NULL DEFAULT 0,
    "l13" INTEGER NOT NULL DEFAULT 0,
    "l14" INTEGER NOT NULL DEFAULT 0,
    "l15" INTEGER NOT NULL DEFAULT 0,
    "l16" INTEGER NOT NULL DEFAULT 0,
    "l17" INTEGER NOT NULL DEFAULT 0,
    "l18" INTEGER NOT NULL DEFAULT 0,
    "l19" INTEGER NOT NULL DEFAULT 0,
    "l20" INTEGER NOT NULL DEFAULT 0,
    "l21" INTEGER NOT NULL DEFAULT 0,
    "l22" INTEGER NOT NULL DEFAULT 0,
    "l23" INTEGER NOT NULL DEFAULT 0,
    "l24" INTEGER NOT NULL DEFAULT 0,
    "l25" INTEGER NOT NULL DEFAULT 0,
    "l26" INTEGER NOT NULL DEFAULT 0,
    "l27" INTEGER NOT NULL DEFAULT 0,
    "l28" INTEGER NOT NULL DEFAULT 0,
    "l29" INTEGER NOT NULL DEFAULT 0,
    "l30" INTEGER NOT NULL DEFAULT 0,
    "l31" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "dash_vendor_runs_3h_pkey" PRIMARY KEY ("block", "vendor", "check_type", "source")
);
CREATE VIEW "dash_vendor_runs_3h_all" AS SELECT * FROM "dash_vendor_runs_3h"
  UNION ALL SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00'), "vendor", "check_type", "source", "runs", "finished", "errors", "timeouts", "retries", "latency_n", "latency_sum_ms", "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11", "l12", "l13", "l14", "l15", "l16", "l17", "l18", "l19", "l20", "l21", "l22", "l23", "l24", "l25", "l26", "l27", "l28", "l29", "l30", "l31" FROM "dash_vendor_runs_delta";

CREATE TABLE "dash_vendor_errors" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "vendor" "Vendor" NOT NULL,
    "check_type" "CheckType" NOT NULL,
    "source" "VerificationSource" NOT NULL,
    "code" TEXT NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "dash_vendor_errors_pkey" PRIMARY KEY ("hour", "vendor", "check_type", "source", "code")
);
CREATE TABLE "dash_vendor_errors_delta" (LIKE "dash_vendor_errors" INCLUDING DEFAULTS);
CREATE VIEW "dash_vendor_errors_all" AS SELECT * FROM "dash_vendor_errors" UNION ALL SELECT * FROM "dash_vendor_errors_delta";
CREATE TABLE "dash_vendor_errors_daily" (
    "day" TIMESTAMPTZ(3) NOT NULL,
    "vendor" "Vendor" NOT NULL,
    "check_type" "CheckType" NOT NULL,
    "source" "VerificationSource" NOT NULL,
    "code" TEXT NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "dash_vendor_errors_daily_pkey" PRIMARY KEY ("day", "vendor", "check_type", "source", "code")
);
CREATE VIEW "dash_vendor_errors_daily_all" AS SELECT * FROM "dash_vendor_errors_daily"
  UNION ALL SELECT date_trunc('day', "hour", 'UTC'), "vendor", "check_type", "source", "code", "n" FROM "dash_vendor_errors_delta";
CREATE TABLE "dash_vendor_errors_3h" (
    "block" TIMESTAMPTZ(3) NOT NULL,
    "vendor" "Vendor" NOT NULL,
    "check_type" "CheckType" NOT NULL,
    "source" "VerificationSource" NOT NULL,
    "code" TEXT NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "dash_vendor_errors_3h_pkey" PRIMARY KEY ("block", "vendor", "check_type", "source", "code")
);
CREATE VIEW "dash_vendor_errors_3h_all" AS SELECT * FROM "dash_vendor_errors_3h"
  UNION ALL SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00'), "vendor", "check_type", "source", "code", "n" FROM "dash_vendor_errors_delta";

CREATE TABLE "dash_case_flow" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "check_type" "CheckType" NOT NULL,
    "source" "VerificationSource" NOT NULL,
    "opened" INTEGER NOT NULL DEFAULT 0,
    "decided" INTEGER NOT NULL DEFAULT 0,
    "breached" INTEGER NOT NULL DEFAULT 0,
    "ttd_n" INTEGER NOT NULL DEFAULT 0,
    "ttd_sum_ms" BIGINT NOT NULL DEFAULT 0,
    "t0" INTEGER NOT NULL DEFAULT 0,
    "t1" INTEGER NOT NULL DEFAULT 0,
    "t2" INTEGER NOT NULL DEFAULT 0,
    "t3" INTEGER NOT NULL DEFAULT 0,
    "t4" INTEGER NOT NULL DEFAULT 0,
    "t5" INTEGER NOT NULL DEFAULT 0,
    "t6" INTEGER NOT NULL DEFAULT 0,
    "t7" INTEGER NOT NULL DEFAULT 0,
    "t8" INTEGER NOT NULL DEFAULT 0,
    "t9" INTEGER NOT NULL DEFAULT 0,
    "t10" INTEGER NOT NULL DEFAULT 0,
    "t11" INTEGER NOT NULL DEFAULT 0,
    "t12" INTEGER NOT NULL DEFAULT 0,
    "t13" INTEGER NOT NULL DEFAULT 0,
    "t14" INTEGER NOT NULL DEFAULT 0,
    "t15" INTEGER NOT NULL DEFAULT 0,
    "t16" INTEGER NOT NULL DEFAULT 0,
    "t17" INTEGER NOT NULL DEFAULT 0,
    "t18" INTEGER NOT NULL DEFAULT 0,
    "t19" INTEGER NOT NULL DEFAULT 0,
    "t20" INTEGER NOT NULL DEFAULT 0,
    "t21" INTEGER NOT NULL DEFAULT 0,
    "t22" INTEGER NOT NULL DEFAULT 0,
    "t23" INTEGER NOT NULL DEFAULT 0,
    "t24" INTEGER NOT NULL DEFAULT 0,
    "t25" INTEGER NOT NULL DEFAULT 0,
    "t26" INTEGER NOT NULL DEFAULT 0,
    "t27" INTEGER NOT NULL DEFAULT 0,
    "t28" INTEGER NOT NULL DEFAULT 0,
    "t29" INTEGER NOT NULL DEFAULT 0,
    "t30" INTEGER NOT NULL DEFAULT 0,
    "t31" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "dash_case_flow_pkey" PRIMARY KEY ("hour", "check_type", "source")
);
CREATE TABLE "dash_case_flow_delta" (LIKE "dash_case_flow" INCLUDING DEFAULTS);
CREATE VIEW "dash_case_flow_all" AS SELECT * FROM "dash_case_flow" UNION ALL SELECT * FROM "dash_case_flow_delta";
CREATE TABLE "dash_case_flow_daily" (
    "day" TIMESTAMPTZ(3) NOT NULL,
    "check_type" "CheckType" NOT NULL,
    "source" "VerificationSource" NOT NULL,
    "opened" INTEGER NOT NULL DEFAULT 0,
    "decided" INTEGER NOT NULL DEFAULT 0,
    "breached" INTEGER NOT NULL DEFAULT 0,
    "ttd_n" INTEGER NOT NULL DEFAULT 0,
    "ttd_sum_ms" BIGINT NOT NULL DEFAULT 0,
    "t0" INTEGER NOT NULL DEFAULT 0,
    "t1" INTEGER NOT NULL DEFAULT 0,
    "t2" INTEGER NOT NULL DEFAULT 0,
    "t3" INTEGER NOT NULL DEFAULT 0,
    "t4" INTEGER NOT NULL DEFAULT 0,
    "t5" INTEGER NOT NULL DEFAULT 0,
    "t6" INTEGER NOT NULL DEFAULT 0,
    "t7" INTEGER NOT NULL DEFAULT 0,
    "t8" INTEGER NOT NULL DEFAULT 0,
    "t9" INTEGER NOT NULL DEFAULT 0,
    "t10" INTEGER NOT NULL DEFAULT 0,
    "t11" INTEGER NOT NULL DEFAULT 0,
    "t12" INTEGER NOT NULL DEFAULT 0,
    "t13" INTEGER NOT NULL DEFAULT 0,
    "t14" INTEGER NOT NULL DEFAULT 0,
    "t15" INTEGER NOT NULL DEFAULT 0,
    "t16" INTEGER NOT NULL DEFAULT 0,
    "t17" INTEGER NOT NULL DEFAULT 0,
    "t18" INTEGER NOT NULL DEFAULT 0,
    "t19" INTEGER NOT NULL DEFAULT 0,
    "t20" INTEGER NOT NULL DEFAULT 0,
    "t21" INTEGER NOT NULL DEFAULT 0,
    "t22" INTEGER NOT NULL DEFAULT 0,
    "t23" INTEGER NOT NULL DEFAULT 0,
    "t24" INTEGER NOT NULL DEFAULT 0,
    "t25" INTEGER NOT NULL DEFAULT 0,
    "t26" INTEGER NOT NULL DEFAULT 0,
    "t27" INTEGER NOT NULL DEFAULT 0,
    "t28" INTEGER NOT NULL DEFAULT 0,
    "t29" INTEGER NOT NULL DEFAULT 0,
    "t30" INTEGER NOT NULL DEFAULT 0,
    "t31" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "dash_case_flow_daily_pkey" PRIMARY KEY ("day", "check_type", "source")
);
CREATE VIEW "dash_case_flow_daily_all" AS SELECT * FROM "dash_case_flow_daily"
  UNION ALL SELECT date_trunc('day', "hour", 'UTC'), "check_type", "source", "opened", "decided", "breached", "ttd_n", "ttd_sum_ms", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11", "t12", "t13", "t14", "t15", "t16", "t17", "t18", "t19", "t20", "t21", "t22", "t23", "t24", "t25", "t26", "t27", "t28", "t29", "t30", "t31" FROM "dash_case_flow_delta";
CREATE TABLE "dash_case_flow_3h" (
    "block" TIMESTAMPTZ(3) NOT NULL,
    "check_type" "CheckType" NOT NULL,
    "source" "VerificationSource" NOT NULL,
    "opened" INTEGER NOT NULL DEFAULT 0,
    "decided" INTEGER NOT NULL DEFAULT 0,
    "breached" INTEGER NOT NULL DEFAULT 0,
    "ttd_n" INTEGER NOT NULL DEFAULT 0,
    "ttd_sum_ms" BIGINT NOT NULL DEFAULT 0,
    "t0" INTEGER NOT NULL DEFAULT 0,
    "t1" INTEGER NOT NULL DEFAULT 0,
    "t2" INTEGER NOT NULL DEFAULT 0,
    "t3" INTEGER NOT NULL DEFAULT 0,
    "t4" INTEGER NOT NULL DEFAULT 0,
    "t5" INTEGER NOT NULL DEFAULT 0,
    "t6" INTEGER NOT NULL DEFAULT 0,
    "t7" INTEGER NOT NULL DEFAULT 0,
    "t8" INTEGER NOT NULL DEFAULT 0,
    "t9" INTEGER NOT NULL DEFAULT 0,
    "t10" INTEGER NOT NULL DEFAULT 0,
    "t11" INTEGER NOT NULL DEFAULT 0,
    "t12" INTEGER NOT NULL DEFAULT 0,
    "t13" INTEGER NOT NULL DEFAULT 0,
    "t14" INTEGER NOT NULL DEFAULT 0,
    "t15" INTEGER NOT NULL DEFAULT 0,
    "t16" INTEGER NOT NULL DEFAULT 0,
    "t17" INTEGER NOT NULL DEFAULT 0,
    "t18" INTEGER NOT NULL DEFAULT 0,
    "t19" INTEGER NOT NULL DEFAULT 0,
    "t20" INTEGER NOT NULL DEFAULT 0,
    "t21" INTEGER NOT NULL DEFAULT 0,
    "t22" INTEGER NOT NULL DEFAULT 0,
    "t23" INTEGER NOT NULL DEFAULT 0,
    "t24" INTEGER NOT NULL DEFAULT 0,
    "t25" INTEGER NOT NULL DEFAULT 0,
    "t26" INTEGER NOT NULL DEFAULT 0,
    "t27" INTEGER NOT NULL DEFAULT 0,
    "t28" INTEGER NOT NULL DEFAULT 0,
    "t29" INTEGER NOT NULL DEFAULT 0,
    "t30" INTEGER NOT NULL DEFAULT 0,
    "t31" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "dash_case_flow_3h_pkey" PRIMARY KEY ("block", "check_type", "source")
);
CREATE VIEW "dash_case_flow_3h_all" AS SELECT * FROM "dash_case_flow_3h"
  UNION ALL SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00'), "check_type", "source", "opened", "decided", "breached", "ttd_n", "ttd_sum_ms", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11", "t12", "t13", "t14", "t15", "t16", "t17", "t18", "t19", "t20", "t21", "t22", "t23", "t24", "t25", "t26", "t27", "t28", "t29", "t30", "t31" FROM "dash_case_flow_delta";

CREATE TABLE "dash_open_cases" (
    "opened_hour" TIMESTAMPTZ(3) NOT NULL,
    "check_type" "CheckType" NOT NULL,
    "source" "VerificationSource" NOT NULL,
    "rule" TEXT NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "dash_open_cases_pkey" PRIMARY KEY ("opened_hour", "check_type", "source", "rule")
);
CREATE TABLE "dash_open_cases_delta" (LIKE "dash_open_cases" INCLUDING DEFAULTS);
CREATE VIEW "dash_open_cases_all" AS SELECT * FROM "dash_open_cases" UNION ALL SELECT * FROM "dash_open_cases_delta";

CREATE TABLE "dash_open_sla" (
    "sla_hour" TIMESTAMPTZ(3) NOT NULL,
    "check_type" "CheckType" NOT NULL,
    "source" "VerificationSource" NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "dash_open_sla_pkey" PRIMARY KEY ("sla_hour", "check_type", "source")
);
CREATE TABLE "dash_open_sla_delta" (LIKE "dash_open_sla" INCLUDING DEFAULTS);
CREATE VIEW "dash_open_sla_all" AS SELECT * FROM "dash_open_sla" UNION ALL SELECT * FROM "dash_open_sla_delta";

CREATE TABLE "dash_decisions" (
    "hour" TIMESTAMPTZ(3) NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "check_type" "CheckType" NOT NULL,
    "source" "VerificationSource" NOT NULL,
    "kind" "DecisionKind" NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,
    "overrides" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "dash_decisions_pkey" PRIMARY KEY ("hour", "reviewer_id", "check_type", "source", "kind")
);
CREATE TABLE "dash_decisions_delta" (LIKE "dash_decisions" INCLUDING DEFAULTS);
CREATE VIEW "dash_decisions_all" AS SELECT * FROM "dash_decisions" UNION ALL SELECT * FROM "dash_decisions_delta";
CREATE TABLE "dash_decisions_daily" (
    "day" TIMESTAMPTZ(3) NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "check_type" "CheckType" NOT NULL,
    "source" "VerificationSource" NOT NULL,
    "kind" "DecisionKind" NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,
    "overrides" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "dash_decisions_daily_pkey" PRIMARY KEY ("day", "reviewer_id", "check_type", "source", "kind")
);
CREATE VIEW "dash_decisions_daily_all" AS SELECT * FROM "dash_decisions_daily"
  UNION ALL SELECT date_trunc('day', "hour", 'UTC'), "reviewer_id", "check_type", "source", "kind", "n", "overrides" FROM "dash_decisions_delta";
CREATE TABLE "dash_decisions_3h" (
    "block" TIMESTAMPTZ(3) NOT NULL,
    "reviewer_id" UUID NOT NULL,
    "check_type" "CheckType" NOT NULL,
    "source" "VerificationSource" NOT NULL,
    "kind" "DecisionKind" NOT NULL,
    "n" INTEGER NOT NULL DEFAULT 0,
    "overrides" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "dash_decisions_3h_pkey" PRIMARY KEY ("block", "reviewer_id", "check_type", "source", "kind")
);
CREATE VIEW "dash_decisions_3h_all" AS SELECT * FROM "dash_decisions_3h"
  UNION ALL SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00'), "reviewer_id", "check_type", "source", "kind", "n", "overrides" FROM "dash_decisions_delta";

CREATE VIEW "dash_verifications_recount" AS
  SELECT "hour", "check_type", "source", sum("n")::bigint AS "n"
  FROM (
    SELECT dash_hour(v."createdAt") AS hour, v."checkType" AS check_type, v."source" AS source, 1 AS n
    FROM "Verification" v
  ) AS x
  GROUP BY "hour", "check_type", "source"
  HAVING sum("n") <> 0;

CREATE VIEW "dash_outcomes_recount" AS
  SELECT "hour", "vendor", "check_type", "source", sum("pairs")::bigint AS "pairs", sum("pass")::bigint AS "pass", sum("fail")::bigint AS "fail", sum("review")::bigint AS "review", sum("error")::bigint AS "error"
  FROM (
    SELECT dash_hour(v."createdAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source,
      1 AS pairs,
      CASE WHEN r."outcome" = 'pass' THEN 1 ELSE 0 END AS pass,
      CASE WHEN r."outcome" = 'fail' THEN 1 ELSE 0 END AS fail,
      CASE WHEN r."outcome" = 'review' THEN 1 ELSE 0 END AS review,
      CASE WHEN r."outcome" = 'error' THEN 1 ELSE 0 END AS error
    FROM (SELECT DISTINCT ON ("verificationId", "vendor") * FROM "VendorRun" ORDER BY "verificationId", "vendor", "attempt" DESC) r JOIN "Verification" v ON v."id" = r."verificationId"
  ) AS x
  GROUP BY "hour", "vendor", "check_type", "source"
  HAVING sum("pairs") <> 0 OR sum("pass") <> 0 OR sum("fail") <> 0 OR sum("review") <> 0 OR sum("error") <> 0;

CREATE VIEW "dash_vendor_runs_recount" AS
  SELECT "hour", "vendor", "check_type", "source", sum("runs")::bigint AS "runs", sum("finished")::bigint AS "finished", sum("errors")::bigint AS "errors", sum("timeouts")::bigint AS "timeouts", sum("retries")::bigint AS "retries", sum("latency_n")::bigint AS "latency_n", sum("latency_sum_ms")::bigint AS "latency_sum_ms", sum("l0")::bigint AS "l0", sum("l1")::bigint AS "l1", sum("l2")::bigint AS "l2", sum("l3")::bigint AS "l3", sum("l4")::bigint AS "l4", sum("l5")::bigint AS "l5", sum("l6")::bigint AS "l6", sum("l7")::bigint AS "l7", sum("l8")::bigint AS "l8", sum("l9")::bigint AS "l9", sum("l10")::bigint AS "l10", sum("l11")::bigint AS "l11", sum("l12")::bigint AS "l12", sum("l13")::bigint AS "l13", sum("l14")::bigint AS "l14", sum("l15")::bigint AS "l15", sum("l16")::bigint AS "l16", sum("l17")::bigint AS "l17", sum("l18")::bigint AS "l18", sum("l19")::bigint AS "l19", sum("l20")::bigint AS "l20", sum("l21")::bigint AS "l21", sum("l22")::bigint AS "l22", sum("l23")::bigint AS "l23", sum("l24")::bigint AS "l24", sum("l25")::bigint AS "l25", sum("l26")::bigint AS "l26", sum("l27")::bigint AS "l27", sum("l28")::bigint AS "l28", sum("l29")::bigint AS "l29", sum("l30")::bigint AS "l30", sum("l31")::bigint AS "l31"
  FROM (
    SELECT dash_hour(r."requestedAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source,
      1 AS runs,
      CASE WHEN r."status" IN ('completed', 'failed') THEN 1 ELSE 0 END AS finished,
      CASE WHEN r."outcome" = 'error' THEN 1 ELSE 0 END AS errors,
      1 * dash_timeouts(r."attempts") AS timeouts,
      1 * greatest(dash_attempt_count(r."attempts") - 1, 0) AS retries,
      CASE WHEN r.lbin IS NOT NULL THEN 1 ELSE 0 END AS latency_n,
      CASE WHEN r.lbin IS NOT NULL THEN 1 * r."latencyMs" ELSE 0 END AS latency_sum_ms,
      CASE WHEN r.lbin = 0 THEN 1 ELSE 0 END AS l0,
      CASE WHEN r.lbin = 1 THEN 1 ELSE 0 END AS l1,
      CASE WHEN r.lbin = 2 THEN 1 ELSE 0 END AS l2,
      CASE WHEN r.lbin = 3 THEN 1 ELSE 0 END AS l3,
      CASE WHEN r.lbin = 4 THEN 1 ELSE 0 END AS l4,
      CASE WHEN r.lbin = 5 THEN 1 ELSE 0 END AS l5,
      CASE WHEN r.lbin = 6 THEN 1 ELSE 0 END AS l6,
      CASE WHEN r.lbin = 7 THEN 1 ELSE 0 END AS l7,
      CASE WHEN r.lbin = 8 THEN 1 ELSE 0 END AS l8,
      CASE WHEN r.lbin = 9 THEN 1 ELSE 0 END AS l9,
      CASE WHEN r.lbin = 10 THEN 1 ELSE 0 END AS l10,
      CASE WHEN r.lbin = 11 THEN 1 ELSE 0 END AS l11,
      CASE WHEN r.lbin = 12 THEN 1 ELSE 0 END AS l12,
      CASE WHEN r.lbin = 13 THEN 1 ELSE 0 END AS l13,
      CASE WHEN r.lbin = 14 THEN 1 ELSE 0 END AS l14,
      CASE WHEN r.lbin = 15 THEN 1 ELSE 0 END AS l15,
      CASE WHEN r.lbin = 16 THEN 1 ELSE 0 END AS l16,
      CASE WHEN r.lbin = 17 THEN 1 ELSE 0 END AS l17,
      CASE WHEN r.lbin = 18 THEN 1 ELSE 0 END AS l18,
      CASE WHEN r.lbin = 19 THEN 1 ELSE 0 END AS l19,
      CASE WHEN r.lbin = 20 THEN 1 ELSE 0 END AS l20,
      CASE WHEN r.lbin = 21 THEN 1 ELSE 0 END AS l21,
      CASE WHEN r.lbin = 22 THEN 1 ELSE 0 END AS l22,
      CASE WHEN r.lbin = 23 THEN 1 ELSE 0 END AS l23,
      CASE WHEN r.lbin = 24 THEN 1 ELSE 0 END AS l24,
      CASE WHEN r.lbin = 25 THEN 1 ELSE 0 END AS l25,
      CASE WHEN r.lbin = 26 THEN 1 ELSE 0 END AS l26,
      CASE WHEN r.lbin = 27 THEN 1 ELSE 0 END AS l27,
      CASE WHEN r.lbin = 28 THEN 1 ELSE 0 END AS l28,
      CASE WHEN r.lbin = 29 THEN 1 ELSE 0 END AS l29,
      CASE WHEN r.lbin = 30 THEN 1 ELSE 0 END AS l30,
      CASE WHEN r.lbin = 31 THEN 1 ELSE 0 END AS l31
    FROM (SELECT x.*, CASE WHEN x."status" IN ('completed', 'failed') AND x."latencyMs" IS NOT NULL THEN dash_latency_bin(x."latencyMs") END AS lbin FROM "VendorRun" x) r
    JOIN "Verification" v ON v."id" = r."verificationId"
  ) AS x
  GROUP BY "hour", "vendor", "check_type", "source"
  HAVING sum("runs") <> 0 OR sum("finished") <> 0 OR sum("errors") <> 0 OR sum("timeouts") <> 0 OR sum("retries") <> 0 OR sum("latency_n") <> 0 OR sum("latency_sum_ms") <> 0 OR sum("l0") <> 0 OR sum("l1") <> 0 OR sum("l2") <> 0 OR sum("l3") <> 0 OR sum("l4") <> 0 OR sum("l5") <> 0 OR sum("l6") <> 0 OR sum("l7") <> 0 OR sum("l8") <> 0 OR sum("l9") <> 0 OR sum("l10") <> 0 OR sum("l11") <> 0 OR sum("l12") <> 0 OR sum("l13") <> 0 OR sum("l14") <> 0 OR sum("l15") <> 0 OR sum("l16") <> 0 OR sum("l17") <> 0 OR sum("l18") <> 0 OR sum("l19") <> 0 OR sum("l20") <> 0 OR sum("l21") <> 0 OR sum("l22") <> 0 OR sum("l23") <> 0 OR sum("l24") <> 0 OR sum("l25") <> 0 OR sum("l26") <> 0 OR sum("l27") <> 0 OR sum("l28") <> 0 OR sum("l29") <> 0 OR sum("l30") <> 0 OR sum("l31") <> 0;

CREATE VIEW "dash_vendor_errors_recount" AS
  SELECT "hour", "vendor", "check_type", "source", "code", sum("n")::bigint AS "n"
  FROM (
    SELECT dash_hour(r."requestedAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source, e.code AS code, 1 AS n
    FROM "VendorRun" r JOIN "Verification" v ON v."id" = r."verificationId" CROSS JOIN LATERAL dash_error_codes(r."normalized") AS e(code)
    WHERE r."outcome" = 'error'
  ) AS x
  GROUP BY "hour", "vendor", "check_type", "source", "code"
  HAVING sum("n") <> 0;

CREATE VIEW "dash_case_flow_recount" AS
  SELECT "hour", "check_type", "source", sum("opened")::bigint AS "opened", sum("decided")::bigint AS "decided", sum("breached")::bigint AS "breached", sum("ttd_n")::bigint AS "ttd_n", sum("ttd_sum_ms")::bigint AS "ttd_sum_ms", sum("t0")::bigint AS "t0", sum("t1")::bigint AS "t1", sum("t2")::bigint AS "t2", sum("t3")::bigint AS "t3", sum("t4")::bigint AS "t4", sum("t5")::bigint AS "t5", sum("t6")::bigint AS "t6", sum("t7")::bigint AS "t7", sum("t8")::bigint AS "t8", sum("t9")::bigint AS "t9", sum("t10")::bigint AS "t10", sum("t11")::bigint AS "t11", sum("t12")::bigint AS "t12", sum("t13")::bigint AS "t13", sum("t14")::bigint AS "t14", sum("t15")::bigint AS "t15", sum("t16")::bigint AS "t16", sum("t17")::bigint AS "t17", sum("t18")::bigint AS "t18", sum("t19")::bigint AS "t19", sum("t20")::bigint AS "t20", sum("t21")::bigint AS "t21", sum("t22")::bigint AS "t22", sum("t23")::bigint AS "t23", sum("t24")::bigint AS "t24", sum("t25")::bigint AS "t25", sum("t26")::bigint AS "t26", sum("t27")::bigint AS "t27", sum("t28")::bigint AS "t28", sum("t29")::bigint AS "t29", sum("t30")::bigint AS "t30", sum("t31")::bigint AS "t31"
  FROM (
    SELECT dash_hour(c."openedAt") AS hour, c."checkType" AS check_type, v."source" AS source,
      1 AS opened, 0 AS decided, 0 AS breached, 0 AS ttd_n, 0 AS ttd_sum_ms, 0 AS t0, 0 AS t1, 0 AS t2, 0 AS t3, 0 AS t4, 0 AS t5, 0 AS t6, 0 AS t7, 0 AS t8, 0 AS t9, 0 AS t10, 0 AS t11, 0 AS t12, 0 AS t13, 0 AS t14, 0 AS t15, 0 AS t16, 0 AS t17, 0 AS t18, 0 AS t19, 0 AS t20, 0 AS t21, 0 AS t22, 0 AS t23, 0 AS t24, 0 AS t25, 0 AS t26, 0 AS t27, 0 AS t28, 0 AS t29, 0 AS t30, 0 AS t31
    FROM "ReviewCase" c JOIN "Verification" v ON v."id" = c."verificationId"
    UNION ALL
    SELECT dash_hour(c."decidedAt"), c."checkType", v."source",
      0, 1, CASE WHEN c."slaDueAt" IS NOT NULL AND c."decidedAt" > c."slaDueAt" THEN 1 ELSE 0 END, 1,
      1 * round(extract(epoch FROM c."decidedAt" - c."openedAt") * 1000)::bigint,
      CASE WHEN c.tbin = 0 THEN 1 ELSE 0 END AS t0,
      CASE WHEN c.tbin = 1 THEN 1 ELSE 0 END AS t1,
      CASE WHEN c.tbin = 2 THEN 1 ELSE 0 END AS t2,
      CASE WHEN c.tbin = 3 THEN 1 ELSE 0 END AS t3,
      CASE WHEN c.tbin = 4 THEN 1 ELSE 0 END AS t4,
      CASE WHEN c.tbin = 5 THEN 1 ELSE 0 END AS t5,
      CASE WHEN c.tbin = 6 THEN 1 ELSE 0 END AS t6,
      CASE WHEN c.tbin = 7 THEN 1 ELSE 0 END AS t7,
      CASE WHEN c.tbin = 8 THEN 1 ELSE 0 END AS t8,
      CASE WHEN c.tbin = 9 THEN 1 ELSE 0 END AS t9,
      CASE WHEN c.tbin = 10 THEN 1 ELSE 0 END AS t10,
      CASE WHEN c.tbin = 11 THEN 1 ELSE 0 END AS t11,
      CASE WHEN c.tbin = 12 THEN 1 ELSE 0 END AS t12,
      CASE WHEN c.tbin = 13 THEN 1 ELSE 0 END AS t13,
      CASE WHEN c.tbin = 14 THEN 1 ELSE 0 END AS t14,
      CASE WHEN c.tbin = 15 THEN 1 ELSE 0 END AS t15,
      CASE WHEN c.tbin = 16 THEN 1 ELSE 0 END AS t16,
      CASE WHEN c.tbin = 17 THEN 1 ELSE 0 END AS t17,
      CASE WHEN c.tbin = 18 THEN 1 ELSE 0 END AS t18,
      CASE WHEN c.tbin = 19 THEN 1 ELSE 0 END AS t19,
      CASE WHEN c.tbin = 20 THEN 1 ELSE 0 END AS t20,
      CASE WHEN c.tbin = 21 THEN 1 ELSE 0 END AS t21,
      CASE WHEN c.tbin = 22 THEN 1 ELSE 0 END AS t22,
      CASE WHEN c.tbin = 23 THEN 1 ELSE 0 END AS t23,
      CASE WHEN c.tbin = 24 THEN 1 ELSE 0 END AS t24,
      CASE WHEN c.tbin = 25 THEN 1 ELSE 0 END AS t25,
      CASE WHEN c.tbin = 26 THEN 1 ELSE 0 END AS t26,
      CASE WHEN c.tbin = 27 THEN 1 ELSE 0 END AS t27,
      CASE WHEN c.tbin = 28 THEN 1 ELSE 0 END AS t28,
      CASE WHEN c.tbin = 29 THEN 1 ELSE 0 END AS t29,
      CASE WHEN c.tbin = 30 THEN 1 ELSE 0 END AS t30,
      CASE WHEN c.tbin = 31 THEN 1 ELSE 0 END AS t31
    FROM (SELECT x.*, dash_ttd_bin(x."decidedAt" - x."openedAt") AS tbin FROM "ReviewCase" x WHERE x."status" = 'decided' AND x."decidedAt" IS NOT NULL) c
    JOIN "Verification" v ON v."id" = c."verificationId"
  ) AS x
  GROUP BY "hour", "check_type", "source"
  HAVING sum("opened") <> 0 OR sum("decided") <> 0 OR sum("breached") <> 0 OR sum("ttd_n") <> 0 OR sum("ttd_sum_ms") <> 0 OR sum("t0") <> 0 OR sum("t1") <> 0 OR sum("t2") <> 0 OR sum("t3") <> 0 OR sum("t4") <> 0 OR sum("t5") <> 0 OR sum("t6") <> 0 OR sum("t7") <> 0 OR sum("t8") <> 0 OR sum("t9") <> 0 OR sum("t10") <> 0 OR sum("t11") <> 0 OR sum("t12") <> 0 OR sum("t13") <> 0 OR sum("t14") <> 0 OR sum("t15") <> 0 OR sum("t16") <> 0 OR sum("t17") <> 0 OR sum("t18") <> 0 OR sum("t19") <> 0 OR sum("t20") <> 0 OR sum("t21") <> 0 OR sum("t22") <> 0 OR sum("t23") <> 0 OR sum("t24") <> 0 OR sum("t25") <> 0 OR sum("t26") <> 0 OR sum("t27") <> 0 OR sum("t28") <> 0 OR sum("t29") <> 0 OR sum("t30") <> 0 OR sum("t31") <> 0;

CREATE VIEW "dash_open_cases_recount" AS
  SELECT "opened_hour", "check_type", "source", "rule", sum("n")::bigint AS "n"
  FROM (
    SELECT dash_hour(c."openedAt") AS opened_hour, c."checkType" AS check_type, v."source" AS source, rr.rule AS rule, 1 AS n
    FROM "ReviewCase" c JOIN "Verification" v ON v."id" = c."verificationId" CROSS JOIN LATERAL dash_case_rules(c."rules") AS rr(rule)
    WHERE c."status" <> 'decided'
  ) AS x
  GROUP BY "opened_hour", "check_type", "source", "rule"
  HAVING sum("n") <> 0;

CREATE VIEW "dash_open_sla_recount" AS
  SELECT "sla_hour", "check_type", "source", sum("n")::bigint AS "n"
  FROM (
    SELECT dash_hour(c."slaDueAt") AS sla_hour, c."checkType" AS check_type, v."source" AS source, 1 AS n
    FROM "ReviewCase" c JOIN "Verification" v ON v."id" = c."verificationId"
    WHERE c."status" <> 'decided' AND c."slaDueAt" IS NOT NULL
  ) AS x
  GROUP BY "sla_hour", "check_type", "source"
  HAVING sum("n") <> 0;

CREATE VIEW "dash_decisions_recount" AS
  SELECT "hour", "reviewer_id", "check_type", "source", "kind", sum("n")::bigint AS "n", sum("overrides")::bigint AS "overrides"
  FROM (
    SELECT dash_hour(d."createdAt") AS hour, d."decidedById" AS reviewer_id, c."checkType" AS check_type, v."source" AS source, d."kind" AS kind,
      1 AS n, CASE WHEN d."overridesVendor" THEN 1 ELSE 0 END AS overrides
    FROM "Decision" d JOIN "ReviewCase" c ON c."id" = d."caseId" JOIN "Verification" v ON v."id" = c."verificationId"
  ) AS x
  GROUP BY "hour", "reviewer_id", "check_type", "source", "kind"
  HAVING sum("n") <> 0 OR sum("overrides") <> 0;

-- Folds the pending deltas into the compacted rollups. Safe to run at any time, from any number of
-- sessions (a delta row is moved exactly once); callers: the dashboards before they read, the
-- benchmark, dash_recompute_rollups().
CREATE FUNCTION dash_compact_rollups() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF NOT pg_try_advisory_xact_lock(74110, 0) THEN RETURN; END IF;
  WITH moved AS (DELETE FROM "dash_verifications_delta" RETURNING *),
  hourly AS (
    INSERT INTO "dash_verifications" AS t ("hour", "check_type", "source", "n")
    SELECT "hour", "check_type", "source", sum("n") FROM moved GROUP BY "hour", "check_type", "source"
    ON CONFLICT ("hour", "check_type", "source") DO UPDATE SET "n" = t."n" + EXCLUDED."n"
  ),
  daily AS (
    INSERT INTO "dash_verifications_daily" AS t ("day", "check_type", "source", "n")
    SELECT date_trunc('day', "hour", 'UTC'), "check_type", "source", sum("n") FROM moved GROUP BY 1, "check_type", "source"
    ON CONFLICT ("day", "check_type", "source") DO UPDATE SET "n" = t."n" + EXCLUDED."n"
  )
  INSERT INTO "dash_verifications_3h" AS t ("block", "check_type", "source", "n")
  SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00'), "check_type", "source", sum("n") FROM moved GROUP BY 1, "check_type", "source"
  ON CONFLICT ("block", "check_type", "source") DO UPDATE SET "n" = t."n" + EXCLUDED."n";
  WITH moved AS (DELETE FROM "dash_outcomes_delta" RETURNING *),
  hourly AS (
    INSERT INTO "dash_outcomes" AS t ("hour", "vendor", "check_type", "source", "pairs", "pass", "fail", "review", "error")
    SELECT "hour", "vendor", "check_type", "source", sum("pairs"), sum("pass"), sum("fail"), sum("review"), sum("error") FROM moved GROUP BY "hour", "vendor", "check_type", "source"
    ON CONFLICT ("hour", "vendor", "check_type", "source") DO UPDATE SET "pairs" = t."pairs" + EXCLUDED."pairs", "pass" = t."pass" + EXCLUDED."pass", "fail" = t."fail" + EXCLUDED."fail", "review" = t."review" + EXCLUDED."review", "error" = t."error" + EXCLUDED."error"
  ),
  daily AS (
    INSERT INTO "dash_outcomes_daily" AS t ("day", "vendor", "check_type", "source", "pairs", "pass", "fail", "review", "error")
    SELECT date_trunc('day', "hour", 'UTC'), "vendor", "check_type", "source", sum("pairs"), sum("pass"), sum("fail"), sum("review"), sum("error") FROM moved GROUP BY 1, "vendor", "check_type", "source"
    ON CONFLICT ("day", "vendor", "check_type", "source") DO UPDATE SET "pairs" = t."pairs" + EXCLUDED."pairs", "pass" = t."pass" + EXCLUDED."pass", "fail" = t."fail" + EXCLUDED."fail", "review" = t."review" + EXCLUDED."review", "error" = t."error" + EXCLUDED."error"
  )
  INSERT INTO "dash_outcomes_3h" AS t ("block", "vendor", "check_type", "source", "pairs", "pass", "fail", "review", "error")
  SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00'), "vendor", "check_type", "source", sum("pairs"), sum("pass"), sum("fail"), sum("review"), sum("error") FROM moved GROUP BY 1, "vendor", "check_type", "source"
  ON CONFLICT ("block", "vendor", "check_type", "source") DO UPDATE SET "pairs" = t."pairs" + EXCLUDED."pairs", "pass" = t."pass" + EXCLUDED."pass", "fail" = t."fail" + EXCLUDED."fail", "review" = t."review" + EXCLUDED."review", "error" = t."error" + EXCLUDED."error";
  WITH moved AS (DELETE FROM "dash_vendor_runs_delta" RETURNING *),
  hourly AS (
    INSERT INTO "dash_vendor_runs" AS t ("hour", "vendor", "check_type", "source", "runs", "finished", "errors", "timeouts", "retries", "latency_n", "latency_sum_ms", "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11", "l12", "l13", "l14", "l15", "l16", "l17", "l18", "l19", "l20", "l21", "l22", "l23", "l24", "l25", "l26", "l27", "l28", "l29", "l30", "l31")
    SELECT "hour", "vendor", "check_type", "source", sum("runs"), sum("finished"), sum("errors"), sum("timeouts"), sum("retries"), sum("latency_n"), sum("latency_sum_ms"), sum("l0"), sum("l1"), sum("l2"), sum("l3"), sum("l4"), sum("l5"), sum("l6"), sum("l7"), sum("l8"), sum("l9"), sum("l10"), sum("l11"), sum("l12"), sum("l13"), sum("l14"), sum("l15"), sum("l16"), sum("l17"), sum("l18"), sum("l19"), sum("l20"), sum("l21"), sum("l22"), sum("l23"), sum("l24"), sum("l25"), sum("l26"), sum("l27"), sum("l28"), sum("l29"), sum("l30"), sum("l31") FROM moved GROUP BY "hour", "vendor", "check_type", "source"
    ON CONFLICT ("hour", "vendor", "check_type", "source") DO UPDATE SET "runs" = t."runs" + EXCLUDED."runs", "finished" = t."finished" + EXCLUDED."finished", "errors" = t."errors" + EXCLUDED."errors", "timeouts" = t."timeouts" + EXCLUDED."timeouts", "retries" = t."retries" + EXCLUDED."retries", "latency_n" = t."latency_n" + EXCLUDED."latency_n", "latency_sum_ms" = t."latency_sum_ms" + EXCLUDED."latency_sum_ms", "l0" = t."l0" + EXCLUDED."l0", "l1" = t."l1" + EXCLUDED."l1", "l2" = t."l2" + EXCLUDED."l2", "l3" = t."l3" + EXCLUDED."l3", "l4" = t."l4" + EXCLUDED."l4", "l5" = t."l5" + EXCLUDED."l5", "l6" = t."l6" + EXCLUDED."l6", "l7" = t."l7" + EXCLUDED."l7", "l8" = t."l8" + EXCLUDED."l8", "l9" = t."l9" + EXCLUDED."l9", "l10" = t."l10" + EXCLUDED."l10", "l11" = t."l11" + EXCLUDED."l11", "l12" = t."l12" + EXCLUDED."l12", "l13" = t."l13" + EXCLUDED."l13", "l14" = t."l14" + EXCLUDED."l14", "l15" = t."l15" + EXCLUDED."l15", "l16" = t."l16" + EXCLUDED."l16", "l17" = t."l17" + EXCLUDED."l17", "l18" = t."l18" + EXCLUDED."l18", "l19" = t."l19" + EXCLUDED."l19", "l20" = t."l20" + EXCLUDED."l20", "l21" = t."l21" + EXCLUDED."l21", "l22" = t."l22" + EXCLUDED."l22", "l23" = t."l23" + EXCLUDED."l23", "l24" = t."l24" + EXCLUDED."l24", "l25" = t."l25" + EXCLUDED."l25", "l26" = t."l26" + EXCLUDED."l26", "l27" = t."l27" + EXCLUDED."l27", "l28" = t."l28" + EXCLUDED."l28", "l29" = t."l29" + EXCLUDED."l29", "l30" = t."l30" + EXCLUDED."l30", "l31" = t."l31" + EXCLUDED."l31"
  ),
  daily AS (
    INSERT INTO "dash_vendor_runs_daily" AS t ("day", "vendor", "check_type", "source", "runs", "finished", "errors", "timeouts", "retries", "latency_n", "latency_sum_ms", "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11", "l12", "l13", "l14", "l15", "l16", "l17", "l18", "l19", "l20", "l21", "l22", "l23", "l24", "l25", "l26", "l27", "l28", "l29", "l30", "l31")
    SELECT date_trunc('day', "hour", 'UTC'), "vendor", "check_type", "source", sum("runs"), sum("finished"), sum("errors"), sum("timeouts"), sum("retries"), sum("latency_n"), sum("latency_sum_ms"), sum("l0"), sum("l1"), sum("l2"), sum("l3"), sum("l4"), sum("l5"), sum("l6"), sum("l7"), sum("l8"), sum("l9"), sum("l10"), sum("l11"), sum("l12"), sum("l13"), sum("l14"), sum("l15"), sum("l16"), sum("l17"), sum("l18"), sum("l19"), sum("l20"), sum("l21"), sum("l22"), sum("l23"), sum("l24"), sum("l25"), sum("l26"), sum("l27"), sum("l28"), sum("l29"), sum("l30"), sum("l31") FROM moved GROUP BY 1, "vendor", "check_type", "source"
    ON CONFLICT ("day", "vendor", "check_type", "source") DO UPDATE SET "runs" = t."runs" + EXCLUDED."runs", "finished" = t."finished" + EXCLUDED."finished", "errors" = t."errors" + EXCLUDED."errors", "timeouts" = t."timeouts" + EXCLUDED."timeouts", "retries" = t."retries" + EXCLUDED."retries", "latency_n" = t."latency_n" + EXCLUDED."latency_n", "latency_sum_ms" = t."latency_sum_ms" + EXCLUDED."latency_sum_ms", "l0" = t."l0" + EXCLUDED."l0", "l1" = t."l1" + EXCLUDED."l1", "l2" = t."l2" + EXCLUDED."l2", "l3" = t."l3" + EXCLUDED."l3", "l4" = t."l4" + EXCLUDED."l4", "l5" = t."l5" + EXCLUDED."l5", "l6" = t."l6" + EXCLUDED."l6", "l7" = t."l7" + EXCLUDED."l7", "l8" = t."l8" + EXCLUDED."l8", "l9" = t."l9" + EXCLUDED."l9", "l10" = t."l10" + EXCLUDED."l10", "l11" = t."l11" + EXCLUDED."l11", "l12" = t."l12" + EXCLUDED."l12", "l13" = t."l13" + EXCLUDED."l13", "l14" = t."l14" + EXCLUDED."l14", "l15" = t."l15" + EXCLUDED."l15", "l16" = t."l16" + EXCLUDED."l16", "l17" = t."l17" + EXCLUDED."l17", "l18" = t."l18" + EXCLUDED."l18", "l19" = t."l19" + EXCLUDED."l19", "l20" = t."l20" + EXCLUDED."l20", "l21" = t."l21" + EXCLUDED."l21", "l22" = t."l22" + EXCLUDED."l22", "l23" = t."l23" + EXCLUDED."l23", "l24" = t."l24" + EXCLUDED."l24", "l25" = t."l25" + EXCLUDED."l25", "l26" = t."l26" + EXCLUDED."l26", "l27" = t."l27" + EXCLUDED."l27", "l28" = t."l28" + EXCLUDED."l28", "l29" = t."l29" + EXCLUDED."l29", "l30" = t."l30" + EXCLUDED."l30", "l31" = t."l31" + EXCLUDED."l31"
  )
  INSERT INTO "dash_vendor_runs_3h" AS t ("block", "vendor", "check_type", "source", "runs", "finished", "errors", "timeouts", "retries", "latency_n", "latency_sum_ms", "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11", "l12", "l13", "l14", "l15", "l16", "l17", "l18", "l19", "l20", "l21", "l22", "l23", "l24", "l25", "l26", "l27", "l28", "l29", "l30", "l31")
  SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00'), "vendor", "check_type", "source", sum("runs"), sum("finished"), sum("errors"), sum("timeouts"), sum("retries"), sum("latency_n"), sum("latency_sum_ms"), sum("l0"), sum("l1"), sum("l2"), sum("l3"), sum("l4"), sum("l5"), sum("l6"), sum("l7"), sum("l8"), sum("l9"), sum("l10"), sum("l11"), sum("l12"), sum("l13"), sum("l14"), sum("l15"), sum("l16"), sum("l17"), sum("l18"), sum("l19"), sum("l20"), sum("l21"), sum("l22"), sum("l23"), sum("l24"), sum("l25"), sum("l26"), sum("l27"), sum("l28"), sum("l29"), sum("l30"), sum("l31") FROM moved GROUP BY 1, "vendor", "check_type", "source"
  ON CONFLICT ("block", "vendor", "check_type", "source") DO UPDATE SET "runs" = t."runs" + EXCLUDED."runs", "finished" = t."finished" + EXCLUDED."finished", "errors" = t."errors" + EXCLUDED."errors", "timeouts" = t."timeouts" + EXCLUDED."timeouts", "retries" = t."retries" + EXCLUDED."retries", "latency_n" = t."latency_n" + EXCLUDED."latency_n", "latency_sum_ms" = t."latency_sum_ms" + EXCLUDED."latency_sum_ms", "l0" = t."l0" + EXCLUDED."l0", "l1" = t."l1" + EXCLUDED."l1", "l2" = t."l2" + EXCLUDED."l2", "l3" = t."l3" + EXCLUDED."l3", "l4" = t."l4" + EXCLUDED."l4", "l5" = t."l5" + EXCLUDED."l5", "l6" = t."l6" + EXCLUDED."l6", "l7" = t."l7" + EXCLUDED."l7", "l8" = t."l8" + EXCLUDED."l8", "l9" = t."l9" + EXCLUDED."l9", "l10" = t."l10" + EXCLUDED."l10", "l11" = t."l11" + EXCLUDED."l11", "l12" = t."l12" + EXCLUDED."l12", "l13" = t."l13" + EXCLUDED."l13", "l14" = t."l14" + EXCLUDED."l14", "l15" = t."l15" + EXCLUDED."l15", "l16" = t."l16" + EXCLUDED."l16", "l17" = t."l17" + EXCLUDED."l17", "l18" = t."l18" + EXCLUDED."l18", "l19" = t."l19" + EXCLUDED."l19", "l20" = t."l20" + EXCLUDED."l20", "l21" = t."l21" + EXCLUDED."l21", "l22" = t."l22" + EXCLUDED."l22", "l23" = t."l23" + EXCLUDED."l23", "l24" = t."l24" + EXCLUDED."l24", "l25" = t."l25" + EXCLUDED."l25", "l26" = t."l26" + EXCLUDED."l26", "l27" = t."l27" + EXCLUDED."l27", "l28" = t."l28" + EXCLUDED."l28", "l29" = t."l29" + EXCLUDED."l29", "l30" = t."l30" + EXCLUDED."l30", "l31" = t."l31" + EXCLUDED."l31";
  WITH moved AS (DELETE FROM "dash_vendor_errors_delta" RETURNING *),
  hourly AS (
    INSERT INTO "dash_vendor_errors" AS t ("hour", "vendor", "check_type", "source", "code", "n")
    SELECT "hour", "vendor", "check_type", "source", "code", sum("n") FROM moved GROUP BY "hour", "vendor", "check_type", "source", "code"
    ON CONFLICT ("hour", "vendor", "check_type", "source", "code") DO UPDATE SET "n" = t."n" + EXCLUDED."n"
  ),
  daily AS (
    INSERT INTO "dash_vendor_errors_daily" AS t ("day", "vendor", "check_type", "source", "code", "n")
    SELECT date_trunc('day', "hour", 'UTC'), "vendor", "check_type", "source", "code", sum("n") FROM moved GROUP BY 1, "vendor", "check_type", "source", "code"
    ON CONFLICT ("day", "vendor", "check_type", "source", "code") DO UPDATE SET "n" = t."n" + EXCLUDED."n"
  )
  INSERT INTO "dash_vendor_errors_3h" AS t ("block", "vendor", "check_type", "source", "code", "n")
  SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00'), "vendor", "check_type", "source", "code", sum("n") FROM moved GROUP BY 1, "vendor", "check_type", "source", "code"
  ON CONFLICT ("block", "vendor", "check_type", "source", "code") DO UPDATE SET "n" = t."n" + EXCLUDED."n";
  WITH moved AS (DELETE FROM "dash_case_flow_delta" RETURNING *),
  hourly AS (
    INSERT INTO "dash_case_flow" AS t ("hour", "check_type", "source", "opened", "decided", "breached", "ttd_n", "ttd_sum_ms", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11", "t12", "t13", "t14", "t15", "t16", "t17", "t18", "t19", "t20", "t21", "t22", "t23", "t24", "t25", "t26", "t27", "t28", "t29", "t30", "t31")
    SELECT "hour", "check_type", "source", sum("opened"), sum("decided"), sum("breached"), sum("ttd_n"), sum("ttd_sum_ms"), sum("t0"), sum("t1"), sum("t2"), sum("t3"), sum("t4"), sum("t5"), sum("t6"), sum("t7"), sum("t8"), sum("t9"), sum("t10"), sum("t11"), sum("t12"), sum("t13"), sum("t14"), sum("t15"), sum("t16"), sum("t17"), sum("t18"), sum("t19"), sum("t20"), sum("t21"), sum("t22"), sum("t23"), sum("t24"), sum("t25"), sum("t26"), sum("t27"), sum("t28"), sum("t29"), sum("t30"), sum("t31") FROM moved GROUP BY "hour", "check_type", "source"
    ON CONFLICT ("hour", "check_type", "source") DO UPDATE SET "opened" = t."opened" + EXCLUDED."opened", "decided" = t."decided" + EXCLUDED."decided", "breached" = t."breached" + EXCLUDED."breached", "ttd_n" = t."ttd_n" + EXCLUDED."ttd_n", "ttd_sum_ms" = t."ttd_sum_ms" + EXCLUDED."ttd_sum_ms", "t0" = t."t0" + EXCLUDED."t0", "t1" = t."t1" + EXCLUDED."t1", "t2" = t."t2" + EXCLUDED."t2", "t3" = t."t3" + EXCLUDED."t3", "t4" = t."t4" + EXCLUDED."t4", "t5" = t."t5" + EXCLUDED."t5", "t6" = t."t6" + EXCLUDED."t6", "t7" = t."t7" + EXCLUDED."t7", "t8" = t."t8" + EXCLUDED."t8", "t9" = t."t9" + EXCLUDED."t9", "t10" = t."t10" + EXCLUDED."t10", "t11" = t."t11" + EXCLUDED."t11", "t12" = t."t12" + EXCLUDED."t12", "t13" = t."t13" + EXCLUDED."t13", "t14" = t."t14" + EXCLUDED."t14", "t15" = t."t15" + EXCLUDED."t15", "t16" = t."t16" + EXCLUDED."t16", "t17" = t."t17" + EXCLUDED."t17", "t18" = t."t18" + EXCLUDED."t18", "t19" = t."t19" + EXCLUDED."t19", "t20" = t."t20" + EXCLUDED."t20", "t21" = t."t21" + EXCLUDED."t21", "t22" = t."t22" + EXCLUDED."t22", "t23" = t."t23" + EXCLUDED."t23", "t24" = t."t24" + EXCLUDED."t24", "t25" = t."t25" + EXCLUDED."t25", "t26" = t."t26" + EXCLUDED."t26", "t27" = t."t27" + EXCLUDED."t27", "t28" = t."t28" + EXCLUDED."t28", "t29" = t."t29" + EXCLUDED."t29", "t30" = t."t30" + EXCLUDED."t30", "t31" = t."t31" + EXCLUDED."t31"
  ),
  daily AS (
    INSERT INTO "dash_case_flow_daily" AS t ("day", "check_type", "source", "opened", "decided", "breached", "ttd_n", "ttd_sum_ms", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11", "t12", "t13", "t14", "t15", "t16", "t17", "t18", "t19", "t20", "t21", "t22", "t23", "t24", "t25", "t26", "t27", "t28", "t29", "t30", "t31")
    SELECT date_trunc('day', "hour", 'UTC'), "check_type", "source", sum("opened"), sum("decided"), sum("breached"), sum("ttd_n"), sum("ttd_sum_ms"), sum("t0"), sum("t1"), sum("t2"), sum("t3"), sum("t4"), sum("t5"), sum("t6"), sum("t7"), sum("t8"), sum("t9"), sum("t10"), sum("t11"), sum("t12"), sum("t13"), sum("t14"), sum("t15"), sum("t16"), sum("t17"), sum("t18"), sum("t19"), sum("t20"), sum("t21"), sum("t22"), sum("t23"), sum("t24"), sum("t25"), sum("t26"), sum("t27"), sum("t28"), sum("t29"), sum("t30"), sum("t31") FROM moved GROUP BY 1, "check_type", "source"
    ON CONFLICT ("day", "check_type", "source") DO UPDATE SET "opened" = t."opened" + EXCLUDED."opened", "decided" = t."decided" + EXCLUDED."decided", "breached" = t."breached" + EXCLUDED."breached", "ttd_n" = t."ttd_n" + EXCLUDED."ttd_n", "ttd_sum_ms" = t."ttd_sum_ms" + EXCLUDED."ttd_sum_ms", "t0" = t."t0" + EXCLUDED."t0", "t1" = t."t1" + EXCLUDED."t1", "t2" = t."t2" + EXCLUDED."t2", "t3" = t."t3" + EXCLUDED."t3", "t4" = t."t4" + EXCLUDED."t4", "t5" = t."t5" + EXCLUDED."t5", "t6" = t."t6" + EXCLUDED."t6", "t7" = t."t7" + EXCLUDED."t7", "t8" = t."t8" + EXCLUDED."t8", "t9" = t."t9" + EXCLUDED."t9", "t10" = t."t10" + EXCLUDED."t10", "t11" = t."t11" + EXCLUDED."t11", "t12" = t."t12" + EXCLUDED."t12", "t13" = t."t13" + EXCLUDED."t13", "t14" = t."t14" + EXCLUDED."t14", "t15" = t."t15" + EXCLUDED."t15", "t16" = t."t16" + EXCLUDED."t16", "t17" = t."t17" + EXCLUDED."t17", "t18" = t."t18" + EXCLUDED."t18", "t19" = t."t19" + EXCLUDED."t19", "t20" = t."t20" + EXCLUDED."t20", "t21" = t."t21" + EXCLUDED."t21", "t22" = t."t22" + EXCLUDED."t22", "t23" = t."t23" + EXCLUDED."t23", "t24" = t."t24" + EXCLUDED."t24", "t25" = t."t25" + EXCLUDED."t25", "t26" = t."t26" + EXCLUDED."t26", "t27" = t."t27" + EXCLUDED."t27", "t28" = t."t28" + EXCLUDED."t28", "t29" = t."t29" + EXCLUDED."t29", "t30" = t."t30" + EXCLUDED."t30", "t31" = t."t31" + EXCLUDED."t31"
  )
  INSERT INTO "dash_case_flow_3h" AS t ("block", "check_type", "source", "opened", "decided", "breached", "ttd_n", "ttd_sum_ms", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11", "t12", "t13", "t14", "t15", "t16", "t17", "t18", "t19", "t20", "t21", "t22", "t23", "t24", "t25", "t26", "t27", "t28", "t29", "t30", "t31")
  SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00'), "check_type", "source", sum("opened"), sum("decided"), sum("breached"), sum("ttd_n"), sum("ttd_sum_ms"), sum("t0"), sum("t1"), sum("t2"), sum("t3"), sum("t4"), sum("t5"), sum("t6"), sum("t7"), sum("t8"), sum("t9"), sum("t10"), sum("t11"), sum("t12"), sum("t13"), sum("t14"), sum("t15"), sum("t16"), sum("t17"), sum("t18"), sum("t19"), sum("t20"), sum("t21"), sum("t22"), sum("t23"), sum("t24"), sum("t25"), sum("t26"), sum("t27"), sum("t28"), sum("t29"), sum("t30"), sum("t31") FROM moved GROUP BY 1, "check_type", "source"
  ON CONFLICT ("block", "check_type", "source") DO UPDATE SET "opened" = t."opened" + EXCLUDED."opened", "decided" = t."decided" + EXCLUDED."decided", "breached" = t."breached" + EXCLUDED."breached", "ttd_n" = t."ttd_n" + EXCLUDED."ttd_n", "ttd_sum_ms" = t."ttd_sum_ms" + EXCLUDED."ttd_sum_ms", "t0" = t."t0" + EXCLUDED."t0", "t1" = t."t1" + EXCLUDED."t1", "t2" = t."t2" + EXCLUDED."t2", "t3" = t."t3" + EXCLUDED."t3", "t4" = t."t4" + EXCLUDED."t4", "t5" = t."t5" + EXCLUDED."t5", "t6" = t."t6" + EXCLUDED."t6", "t7" = t."t7" + EXCLUDED."t7", "t8" = t."t8" + EXCLUDED."t8", "t9" = t."t9" + EXCLUDED."t9", "t10" = t."t10" + EXCLUDED."t10", "t11" = t."t11" + EXCLUDED."t11", "t12" = t."t12" + EXCLUDED."t12", "t13" = t."t13" + EXCLUDED."t13", "t14" = t."t14" + EXCLUDED."t14", "t15" = t."t15" + EXCLUDED."t15", "t16" = t."t16" + EXCLUDED."t16", "t17" = t."t17" + EXCLUDED."t17", "t18" = t."t18" + EXCLUDED."t18", "t19" = t."t19" + EXCLUDED."t19", "t20" = t."t20" + EXCLUDED."t20", "t21" = t."t21" + EXCLUDED."t21", "t22" = t."t22" + EXCLUDED."t22", "t23" = t."t23" + EXCLUDED."t23", "t24" = t."t24" + EXCLUDED."t24", "t25" = t."t25" + EXCLUDED."t25", "t26" = t."t26" + EXCLUDED."t26", "t27" = t."t27" + EXCLUDED."t27", "t28" = t."t28" + EXCLUDED."t28", "t29" = t."t29" + EXCLUDED."t29", "t30" = t."t30" + EXCLUDED."t30", "t31" = t."t31" + EXCLUDED."t31";
  WITH moved AS (DELETE FROM "dash_open_cases_delta" RETURNING *)
  INSERT INTO "dash_open_cases" AS t ("opened_hour", "check_type", "source", "rule", "n")
  SELECT "opened_hour", "check_type", "source", "rule", sum("n") FROM moved GROUP BY "opened_hour", "check_type", "source", "rule"
  ON CONFLICT ("opened_hour", "check_type", "source", "rule") DO UPDATE SET "n" = t."n" + EXCLUDED."n";
  WITH moved AS (DELETE FROM "dash_open_sla_delta" RETURNING *)
  INSERT INTO "dash_open_sla" AS t ("sla_hour", "check_type", "source", "n")
  SELECT "sla_hour", "check_type", "source", sum("n") FROM moved GROUP BY "sla_hour", "check_type", "source"
  ON CONFLICT ("sla_hour", "check_type", "source") DO UPDATE SET "n" = t."n" + EXCLUDED."n";
  WITH moved AS (DELETE FROM "dash_decisions_delta" RETURNING *),
  hourly AS (
    INSERT INTO "dash_decisions" AS t ("hour", "reviewer_id", "check_type", "source", "kind", "n", "overrides")
    SELECT "hour", "reviewer_id", "check_type", "source", "kind", sum("n"), sum("overrides") FROM moved GROUP BY "hour", "reviewer_id", "check_type", "source", "kind"
    ON CONFLICT ("hour", "reviewer_id", "check_type", "source", "kind") DO UPDATE SET "n" = t."n" + EXCLUDED."n", "overrides" = t."overrides" + EXCLUDED."overrides"
  ),
  daily AS (
    INSERT INTO "dash_decisions_daily" AS t ("day", "reviewer_id", "check_type", "source", "kind", "n", "overrides")
    SELECT date_trunc('day', "hour", 'UTC'), "reviewer_id", "check_type", "source", "kind", sum("n"), sum("overrides") FROM moved GROUP BY 1, "reviewer_id", "check_type", "source", "kind"
    ON CONFLICT ("day", "reviewer_id", "check_type", "source", "kind") DO UPDATE SET "n" = t."n" + EXCLUDED."n", "overrides" = t."overrides" + EXCLUDED."overrides"
  )
  INSERT INTO "dash_decisions_3h" AS t ("block", "reviewer_id", "check_type", "source", "kind", "n", "overrides")
  SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00'), "reviewer_id", "check_type", "source", "kind", sum("n"), sum("overrides") FROM moved GROUP BY 1, "reviewer_id", "check_type", "source", "kind"
  ON CONFLICT ("block", "reviewer_id", "check_type", "source", "kind") DO UPDATE SET "n" = t."n" + EXCLUDED."n", "overrides" = t."overrides" + EXCLUDED."overrides";
  -- Open cases come and go: drop the keys that went back to zero so these stay small.
  DELETE FROM "dash_open_cases" WHERE "n" = 0;
  DELETE FROM "dash_open_sla" WHERE "n" = 0;
END $$;

-- Rebuilds every rollup from the raw tables, e.g. after a bulk load with the triggers disabled.
-- Writers wait meanwhile (SHARE locks), so no change is counted twice or missed.
CREATE FUNCTION dash_recompute_rollups() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE "Verification", "VendorRun", "ReviewCase", "Decision" IN SHARE MODE;
  TRUNCATE "dash_verifications", "dash_verifications_delta", "dash_verifications_daily", "dash_verifications_3h", "dash_outcomes", "dash_outcomes_delta", "dash_outcomes_daily", "dash_outcomes_3h", "dash_vendor_runs", "dash_vendor_runs_delta", "dash_vendor_runs_daily", "dash_vendor_runs_3h", "dash_vendor_errors", "dash_vendor_errors_delta", "dash_vendor_errors_daily", "dash_vendor_errors_3h", "dash_case_flow", "dash_case_flow_delta", "dash_case_flow_daily", "dash_case_flow_3h", "dash_open_cases", "dash_open_cases_delta", "dash_open_sla", "dash_open_sla_delta", "dash_decisions", "dash_decisions_delta", "dash_decisions_daily", "dash_decisions_3h";
  INSERT INTO "dash_verifications" SELECT * FROM "dash_verifications_recount";
  INSERT INTO "dash_verifications_daily" SELECT date_trunc('day', "hour", 'UTC'), "check_type", "source", sum("n") FROM "dash_verifications" GROUP BY 1, "check_type", "source";
  INSERT INTO "dash_verifications_3h" SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00'), "check_type", "source", sum("n") FROM "dash_verifications" GROUP BY 1, "check_type", "source";
  INSERT INTO "dash_outcomes" SELECT * FROM "dash_outcomes_recount";
  INSERT INTO "dash_outcomes_daily" SELECT date_trunc('day', "hour", 'UTC'), "vendor", "check_type", "source", sum("pairs"), sum("pass"), sum("fail"), sum("review"), sum("error") FROM "dash_outcomes" GROUP BY 1, "vendor", "check_type", "source";
  INSERT INTO "dash_outcomes_3h" SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00'), "vendor", "check_type", "source", sum("pairs"), sum("pass"), sum("fail"), sum("review"), sum("error") FROM "dash_outcomes" GROUP BY 1, "vendor", "check_type", "source";
  INSERT INTO "dash_vendor_runs" SELECT * FROM "dash_vendor_runs_recount";
  INSERT INTO "dash_vendor_runs_daily" SELECT date_trunc('day', "hour", 'UTC'), "vendor", "check_type", "source", sum("runs"), sum("finished"), sum("errors"), sum("timeouts"), sum("retries"), sum("latency_n"), sum("latency_sum_ms"), sum("l0"), sum("l1"), sum("l2"), sum("l3"), sum("l4"), sum("l5"), sum("l6"), sum("l7"), sum("l8"), sum("l9"), sum("l10"), sum("l11"), sum("l12"), sum("l13"), sum("l14"), sum("l15"), sum("l16"), sum("l17"), sum("l18"), sum("l19"), sum("l20"), sum("l21"), sum("l22"), sum("l23"), sum("l24"), sum("l25"), sum("l26"), sum("l27"), sum("l28"), sum("l29"), sum("l30"), sum("l31") FROM "dash_vendor_runs" GROUP BY 1, "vendor", "check_type", "source";
  INSERT INTO "dash_vendor_runs_3h" SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00'), "vendor", "check_type", "source", sum("runs"), sum("finished"), sum("errors"), sum("timeouts"), sum("retries"), sum("latency_n"), sum("latency_sum_ms"), sum("l0"), sum("l1"), sum("l2"), sum("l3"), sum("l4"), sum("l5"), sum("l6"), sum("l7"), sum("l8"), sum("l9"), sum("l10"), sum("l11"), sum("l12"), sum("l13"), sum("l14"), sum("l15"), sum("l16"), sum("l17"), sum("l18"), sum("l19"), sum("l20"), sum("l21"), sum("l22"), sum("l23"), sum("l24"), sum("l25"), sum("l26"), sum("l27"), sum("l28"), sum("l29"), sum("l30"), sum("l31") FROM "dash_vendor_runs" GROUP BY 1, "vendor", "check_type", "source";
  INSERT INTO "dash_vendor_errors" SELECT * FROM "dash_vendor_errors_recount";
  INSERT INTO "dash_vendor_errors_daily" SELECT date_trunc('day', "hour", 'UTC'), "vendor", "check_type", "source", "code", sum("n") FROM "dash_vendor_errors" GROUP BY 1, "vendor", "check_type", "source", "code";
  INSERT INTO "dash_vendor_errors_3h" SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00'), "vendor", "check_type", "source", "code", sum("n") FROM "dash_vendor_errors" GROUP BY 1, "vendor", "check_type", "source", "code";
  INSERT INTO "dash_case_flow" SELECT * FROM "dash_case_flow_recount";
  INSERT INTO "dash_case_flow_daily" SELECT date_trunc('day', "hour", 'UTC'), "check_type", "source", sum("opened"), sum("decided"), sum("breached"), sum("ttd_n"), sum("ttd_sum_ms"), sum("t0"), sum("t1"), sum("t2"), sum("t3"), sum("t4"), sum("t5"), sum("t6"), sum("t7"), sum("t8"), sum("t9"), sum("t10"), sum("t11"), sum("t12"), sum("t13"), sum("t14"), sum("t15"), sum("t16"), sum("t17"), sum("t18"), sum("t19"), sum("t20"), sum("t21"), sum("t22"), sum("t23"), sum("t24"), sum("t25"), sum("t26"), sum("t27"), sum("t28"), sum("t29"), sum("t30"), sum("t31") FROM "dash_case_flow" GROUP BY 1, "check_type", "source";
  INSERT INTO "dash_case_flow_3h" SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00'), "check_type", "source", sum("opened"), sum("decided"), sum("breached"), sum("ttd_n"), sum("ttd_sum_ms"), sum("t0"), sum("t1"), sum("t2"), sum("t3"), sum("t4"), sum("t5"), sum("t6"), sum("t7"), sum("t8"), sum("t9"), sum("t10"), sum("t11"), sum("t12"), sum("t13"), sum("t14"), sum("t15"), sum("t16"), sum("t17"), sum("t18"), sum("t19"), sum("t20"), sum("t21"), sum("t22"), sum("t23"), sum("t24"), sum("t25"), sum("t26"), sum("t27"), sum("t28"), sum("t29"), sum("t30"), sum("t31") FROM "dash_case_flow" GROUP BY 1, "check_type", "source";
  INSERT INTO "dash_open_cases" SELECT * FROM "dash_open_cases_recount";
  INSERT INTO "dash_open_sla" SELECT * FROM "dash_open_sla_recount";
  INSERT INTO "dash_decisions" SELECT * FROM "dash_decisions_recount";
  INSERT INTO "dash_decisions_daily" SELECT date_trunc('day', "hour", 'UTC'), "reviewer_id", "check_type", "source", "kind", sum("n"), sum("overrides") FROM "dash_decisions" GROUP BY 1, "reviewer_id", "check_type", "source", "kind";
  INSERT INTO "dash_decisions_3h" SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00'), "reviewer_id", "check_type", "source", "kind", sum("n"), sum("overrides") FROM "dash_decisions" GROUP BY 1, "reviewer_id", "check_type", "source", "kind";
END $$;

-- For each rollup (and its per-day and per-3-hour copies), how many keys differ from a raw recount:
-- all zero when the rollups are exact. Each recount is computed once, into a temporary table.
CREATE FUNCTION dash_rollup_differences() RETURNS TABLE ("rollup" TEXT, "differing_keys" BIGINT) LANGUAGE plpgsql AS $$
BEGIN
  CREATE TEMP TABLE dash_truth ON COMMIT DROP AS SELECT * FROM "dash_verifications_recount";
  RETURN QUERY SELECT 'dash_verifications'::text, (SELECT count(*) FROM (
    (SELECT "hour", "check_type", "source", sum("n")::bigint FROM "dash_verifications_all" GROUP BY "hour", "check_type", "source" HAVING sum("n") <> 0 EXCEPT SELECT * FROM dash_truth)
    UNION ALL
    (SELECT * FROM dash_truth EXCEPT SELECT "hour", "check_type", "source", sum("n")::bigint FROM "dash_verifications_all" GROUP BY "hour", "check_type", "source" HAVING sum("n") <> 0)
  ) AS d);
  RETURN QUERY SELECT 'dash_verifications_daily'::text, (SELECT count(*) FROM ((SELECT "day", "check_type", "source", sum("n")::bigint FROM "dash_verifications_daily_all" GROUP BY "day", "check_type", "source" HAVING sum("n") <> 0 EXCEPT SELECT date_trunc('day', "hour", 'UTC') AS "day", "check_type", "source", sum("n")::bigint FROM dash_truth GROUP BY 1, "check_type", "source" HAVING sum("n") <> 0) UNION ALL (SELECT date_trunc('day', "hour", 'UTC') AS "day", "check_type", "source", sum("n")::bigint FROM dash_truth GROUP BY 1, "check_type", "source" HAVING sum("n") <> 0 EXCEPT SELECT "day", "check_type", "source", sum("n")::bigint FROM "dash_verifications_daily_all" GROUP BY "day", "check_type", "source" HAVING sum("n") <> 0)) AS d);
  RETURN QUERY SELECT 'dash_verifications_3h'::text, (SELECT count(*) FROM ((SELECT "block", "check_type", "source", sum("n")::bigint FROM "dash_verifications_3h_all" GROUP BY "block", "check_type", "source" HAVING sum("n") <> 0 EXCEPT SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00') AS "block", "check_type", "source", sum("n")::bigint FROM dash_truth GROUP BY 1, "check_type", "source" HAVING sum("n") <> 0) UNION ALL (SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00') AS "block", "check_type", "source", sum("n")::bigint FROM dash_truth GROUP BY 1, "check_type", "source" HAVING sum("n") <> 0 EXCEPT SELECT "block", "check_type", "source", sum("n")::bigint FROM "dash_verifications_3h_all" GROUP BY "block", "check_type", "source" HAVING sum("n") <> 0)) AS d);
  DROP TABLE dash_truth;
  CREATE TEMP TABLE dash_truth ON COMMIT DROP AS SELECT * FROM "dash_outcomes_recount";
  RETURN QUERY SELECT 'dash_outcomes'::text, (SELECT count(*) FROM (
    (SELECT "hour", "vendor", "check_type", "source", sum("pairs")::bigint, sum("pass")::bigint, sum("fail")::bigint, sum("review")::bigint, sum("error")::bigint FROM "dash_outcomes_all" GROUP BY "hour", "vendor", "check_type", "source" HAVING sum("pairs") <> 0 OR sum("pass") <> 0 OR sum("fail") <> 0 OR sum("review") <> 0 OR sum("error") <> 0 EXCEPT SELECT * FROM dash_truth)
    UNION ALL
    (SELECT * FROM dash_truth EXCEPT SELECT "hour", "vendor", "check_type", "source", sum("pairs")::bigint, sum("pass")::bigint, sum("fail")::bigint, sum("review")::bigint, sum("error")::bigint FROM "dash_outcomes_all" GROUP BY "hour", "vendor", "check_type", "source" HAVING sum("pairs") <> 0 OR sum("pass") <> 0 OR sum("fail") <> 0 OR sum("review") <> 0 OR sum("error") <> 0)
  ) AS d);
  RETURN QUERY SELECT 'dash_outcomes_daily'::text, (SELECT count(*) FROM ((SELECT "day", "vendor", "check_type", "source", sum("pairs")::bigint, sum("pass")::bigint, sum("fail")::bigint, sum("review")::bigint, sum("error")::bigint FROM "dash_outcomes_daily_all" GROUP BY "day", "vendor", "check_type", "source" HAVING sum("pairs") <> 0 OR sum("pass") <> 0 OR sum("fail") <> 0 OR sum("review") <> 0 OR sum("error") <> 0 EXCEPT SELECT date_trunc('day', "hour", 'UTC') AS "day", "vendor", "check_type", "source", sum("pairs")::bigint, sum("pass")::bigint, sum("fail")::bigint, sum("review")::bigint, sum("error")::bigint FROM dash_truth GROUP BY 1, "vendor", "check_type", "source" HAVING sum("pairs") <> 0 OR sum("pass") <> 0 OR sum("fail") <> 0 OR sum("review") <> 0 OR sum("error") <> 0) UNION ALL (SELECT date_trunc('day', "hour", 'UTC') AS "day", "vendor", "check_type", "source", sum("pairs")::bigint, sum("pass")::bigint, sum("fail")::bigint, sum("review")::bigint, sum("error")::bigint FROM dash_truth GROUP BY 1, "vendor", "check_type", "source" HAVING sum("pairs") <> 0 OR sum("pass") <> 0 OR sum("fail") <> 0 OR sum("review") <> 0 OR sum("error") <> 0 EXCEPT SELECT "day", "vendor", "check_type", "source", sum("pairs")::bigint, sum("pass")::bigint, sum("fail")::bigint, sum("review")::bigint, sum("error")::bigint FROM "dash_outcomes_daily_all" GROUP BY "day", "vendor", "check_type", "source" HAVING sum("pairs") <> 0 OR sum("pass") <> 0 OR sum("fail") <> 0 OR sum("review") <> 0 OR sum("error") <> 0)) AS d);
  RETURN QUERY SELECT 'dash_outcomes_3h'::text, (SELECT count(*) FROM ((SELECT "block", "vendor", "check_type", "source", sum("pairs")::bigint, sum("pass")::bigint, sum("fail")::bigint, sum("review")::bigint, sum("error")::bigint FROM "dash_outcomes_3h_all" GROUP BY "block", "vendor", "check_type", "source" HAVING sum("pairs") <> 0 OR sum("pass") <> 0 OR sum("fail") <> 0 OR sum("review") <> 0 OR sum("error") <> 0 EXCEPT SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00') AS "block", "vendor", "check_type", "source", sum("pairs")::bigint, sum("pass")::bigint, sum("fail")::bigint, sum("review")::bigint, sum("error")::bigint FROM dash_truth GROUP BY 1, "vendor", "check_type", "source" HAVING sum("pairs") <> 0 OR sum("pass") <> 0 OR sum("fail") <> 0 OR sum("review") <> 0 OR sum("error") <> 0) UNION ALL (SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00') AS "block", "vendor", "check_type", "source", sum("pairs")::bigint, sum("pass")::bigint, sum("fail")::bigint, sum("review")::bigint, sum("error")::bigint FROM dash_truth GROUP BY 1, "vendor", "check_type", "source" HAVING sum("pairs") <> 0 OR sum("pass") <> 0 OR sum("fail") <> 0 OR sum("review") <> 0 OR sum("error") <> 0 EXCEPT SELECT "block", "vendor", "check_type", "source", sum("pairs")::bigint, sum("pass")::bigint, sum("fail")::bigint, sum("review")::bigint, sum("error")::bigint FROM "dash_outcomes_3h_all" GROUP BY "block", "vendor", "check_type", "source" HAVING sum("pairs") <> 0 OR sum("pass") <> 0 OR sum("fail") <> 0 OR sum("review") <> 0 OR sum("error") <> 0)) AS d);
  DROP TABLE dash_truth;
  CREATE TEMP TABLE dash_truth ON COMMIT DROP AS SELECT * FROM "dash_vendor_runs_recount";
  RETURN QUERY SELECT 'dash_vendor_runs'::text, (SELECT count(*) FROM (
    (SELECT "hour", "vendor", "check_type", "source", sum("runs")::bigint, sum("finished")::bigint, sum("errors")::bigint, sum("timeouts")::bigint, sum("retries")::bigint, sum("latency_n")::bigint, sum("latency_sum_ms")::bigint, sum("l0")::bigint, sum("l1")::bigint, sum("l2")::bigint, sum("l3")::bigint, sum("l4")::bigint, sum("l5")::bigint, sum("l6")::bigint, sum("l7")::bigint, sum("l8")::bigint, sum("l9")::bigint, sum("l10")::bigint, sum("l11")::bigint, sum("l12")::bigint, sum("l13")::bigint, sum("l14")::bigint, sum("l15")::bigint, sum("l16")::bigint, sum("l17")::bigint, sum("l18")::bigint, sum("l19")::bigint, sum("l20")::bigint, sum("l21")::bigint, sum("l22")::bigint, sum("l23")::bigint, sum("l24")::bigint, sum("l25")::bigint, sum("l26")::bigint, sum("l27")::bigint, sum("l28")::bigint, sum("l29")::bigint, sum("l30")::bigint, sum("l31")::bigint FROM "dash_vendor_runs_all" GROUP BY "hour", "vendor", "check_type", "source" HAVING sum("runs") <> 0 OR sum("finished") <> 0 OR sum("errors") <> 0 OR sum("timeouts") <> 0 OR sum("retries") <> 0 OR sum("latency_n") <> 0 OR sum("latency_sum_ms") <> 0 OR sum("l0") <> 0 OR sum("l1") <> 0 OR sum("l2") <> 0 OR sum("l3") <> 0 OR sum("l4") <> 0 OR sum("l5") <> 0 OR sum("l6") <> 0 OR sum("l7") <> 0 OR sum("l8") <> 0 OR sum("l9") <> 0 OR sum("l10") <> 0 OR sum("l11") <> 0 OR sum("l12") <> 0 OR sum("l13") <> 0 OR sum("l14") <> 0 OR sum("l15") <> 0 OR sum("l16") <> 0 OR sum("l17") <> 0 OR sum("l18") <> 0 OR sum("l19") <> 0 OR sum("l20") <> 0 OR sum("l21") <> 0 OR sum("l22") <> 0 OR sum("l23") <> 0 OR sum("l24") <> 0 OR sum("l25") <> 0 OR sum("l26") <> 0 OR sum("l27") <> 0 OR sum("l28") <> 0 OR sum("l29") <> 0 OR sum("l30") <> 0 OR sum("l31") <> 0 EXCEPT SELECT * FROM dash_truth)
    UNION ALL
    (SELECT * FROM dash_truth EXCEPT SELECT "hour", "vendor", "check_type", "source", sum("runs")::bigint, sum("finished")::bigint, sum("errors")::bigint, sum("timeouts")::bigint, sum("retries")::bigint, sum("latency_n")::bigint, sum("latency_sum_ms")::bigint, sum("l0")::bigint, sum("l1")::bigint, sum("l2")::bigint, sum("l3")::bigint, sum("l4")::bigint, sum("l5")::bigint, sum("l6")::bigint, sum("l7")::bigint, sum("l8")::bigint, sum("l9")::bigint, sum("l10")::bigint, sum("l11")::bigint, sum("l12")::bigint, sum("l13")::bigint, sum("l14")::bigint, sum("l15")::bigint, sum("l16")::bigint, sum("l17")::bigint, sum("l18")::bigint, sum("l19")::bigint, sum("l20")::bigint, sum("l21")::bigint, sum("l22")::bigint, sum("l23")::bigint, sum("l24")::bigint, sum("l25")::bigint, sum("l26")::bigint, sum("l27")::bigint, sum("l28")::bigint, sum("l29")::bigint, sum("l30")::bigint, sum("l31")::bigint FROM "dash_vendor_runs_all" GROUP BY "hour", "vendor", "check_type", "source" HAVING sum("runs") <> 0 OR sum("finished") <> 0 OR sum("errors") <> 0 OR sum("timeouts") <> 0 OR sum("retries") <> 0 OR sum("latency_n") <> 0 OR sum("latency_sum_ms") <> 0 OR sum("l0") <> 0 OR sum("l1") <> 0 OR sum("l2") <> 0 OR sum("l3") <> 0 OR sum("l4") <> 0 OR sum("l5") <> 0 OR sum("l6") <> 0 OR sum("l7") <> 0 OR sum("l8") <> 0 OR sum("l9") <> 0 OR sum("l10") <> 0 OR sum("l11") <> 0 OR sum("l12") <> 0 OR sum("l13") <> 0 OR sum("l14") <> 0 OR sum("l15") <> 0 OR sum("l16") <> 0 OR sum("l17") <> 0 OR sum("l18") <> 0 OR sum("l19") <> 0 OR sum("l20") <> 0 OR sum("l21") <> 0 OR sum("l22") <> 0 OR sum("l23") <> 0 OR sum("l24") <> 0 OR sum("l25") <> 0 OR sum("l26") <> 0 OR sum("l27") <> 0 OR sum("l28") <> 0 OR sum("l29") <> 0 OR sum("l30") <> 0 OR sum("l31") <> 0)
  ) AS d);
  RETURN QUERY SELECT 'dash_vendor_runs_daily'::text, (SELECT count(*) FROM ((SELECT "day", "vendor", "check_type", "source", sum("runs")::bigint, sum("finished")::bigint, sum("errors")::bigint, sum("timeouts")::bigint, sum("retries")::bigint, sum("latency_n")::bigint, sum("latency_sum_ms")::bigint, sum("l0")::bigint, sum("l1")::bigint, sum("l2")::bigint, sum("l3")::bigint, sum("l4")::bigint, sum("l5")::bigint, sum("l6")::bigint, sum("l7")::bigint, sum("l8")::bigint, sum("l9")::bigint, sum("l10")::bigint, sum("l11")::bigint, sum("l12")::bigint, sum("l13")::bigint, sum("l14")::bigint, sum("l15")::bigint, sum("l16")::bigint, sum("l17")::bigint, sum("l18")::bigint, sum("l19")::bigint, sum("l20")::bigint, sum("l21")::bigint, sum("l22")::bigint, sum("l23")::bigint, sum("l24")::bigint, sum("l25")::bigint, sum("l26")::bigint, sum("l27")::bigint, sum("l28")::bigint, sum("l29")::bigint, sum("l30")::bigint, sum("l31")::bigint FROM "dash_vendor_runs_daily_all" GROUP BY "day", "vendor", "check_type", "source" HAVING sum("runs") <> 0 OR sum("finished") <> 0 OR sum("errors") <> 0 OR sum("timeouts") <> 0 OR sum("retries") <> 0 OR sum("latency_n") <> 0 OR sum("latency_sum_ms") <> 0 OR sum("l0") <> 0 OR sum("l1") <> 0 OR sum("l2") <> 0 OR sum("l3") <> 0 OR sum("l4") <> 0 OR sum("l5") <> 0 OR sum("l6") <> 0 OR sum("l7") <> 0 OR sum("l8") <> 0 OR sum("l9") <> 0 OR sum("l10") <> 0 OR sum("l11") <> 0 OR sum("l12") <> 0 OR sum("l13") <> 0 OR sum("l14") <> 0 OR sum("l15") <> 0 OR sum("l16") <> 0 OR sum("l17") <> 0 OR sum("l18") <> 0 OR sum("l19") <> 0 OR sum("l20") <> 0 OR sum("l21") <> 0 OR sum("l22") <> 0 OR sum("l23") <> 0 OR sum("l24") <> 0 OR sum("l25") <> 0 OR sum("l26") <> 0 OR sum("l27") <> 0 OR sum("l28") <> 0 OR sum("l29") <> 0 OR sum("l30") <> 0 OR sum("l31") <> 0 EXCEPT SELECT date_trunc('day', "hour", 'UTC') AS "day", "vendor", "check_type", "source", sum("runs")::bigint, sum("finished")::bigint, sum("errors")::bigint, sum("timeouts")::bigint, sum("retries")::bigint, sum("latency_n")::bigint, sum("latency_sum_ms")::bigint, sum("l0")::bigint, sum("l1")::bigint, sum("l2")::bigint, sum("l3")::bigint, sum("l4")::bigint, sum("l5")::bigint, sum("l6")::bigint, sum("l7")::bigint, sum("l8")::bigint, sum("l9")::bigint, sum("l10")::bigint, sum("l11")::bigint, sum("l12")::bigint, sum("l13")::bigint, sum("l14")::bigint, sum("l15")::bigint, sum("l16")::bigint, sum("l17")::bigint, sum("l18")::bigint, sum("l19")::bigint, sum("l20")::bigint, sum("l21")::bigint, sum("l22")::bigint, sum("l23")::bigint, sum("l24")::bigint, sum("l25")::bigint, sum("l26")::bigint, sum("l27")::bigint, sum("l28")::bigint, sum("l29")::bigint, sum("l30")::bigint, sum("l31")::bigint FROM dash_truth GROUP BY 1, "vendor", "check_type", "source" HAVING sum("runs") <> 0 OR sum("finished") <> 0 OR sum("errors") <> 0 OR sum("timeouts") <> 0 OR sum("retries") <> 0 OR sum("latency_n") <> 0 OR sum("latency_sum_ms") <> 0 OR sum("l0") <> 0 OR sum("l1") <> 0 OR sum("l2") <> 0 OR sum("l3") <> 0 OR sum("l4") <> 0 OR sum("l5") <> 0 OR sum("l6") <> 0 OR sum("l7") <> 0 OR sum("l8") <> 0 OR sum("l9") <> 0 OR sum("l10") <> 0 OR sum("l11") <> 0 OR sum("l12") <> 0 OR sum("l13") <> 0 OR sum("l14") <> 0 OR sum("l15") <> 0 OR sum("l16") <> 0 OR sum("l17") <> 0 OR sum("l18") <> 0 OR sum("l19") <> 0 OR sum("l20") <> 0 OR sum("l21") <> 0 OR sum("l22") <> 0 OR sum("l23") <> 0 OR sum("l24") <> 0 OR sum("l25") <> 0 OR sum("l26") <> 0 OR sum("l27") <> 0 OR sum("l28") <> 0 OR sum("l29") <> 0 OR sum("l30") <> 0 OR sum("l31") <> 0) UNION ALL (SELECT date_trunc('day', "hour", 'UTC') AS "day", "vendor", "check_type", "source", sum("runs")::bigint, sum("finished")::bigint, sum("errors")::bigint, sum("timeouts")::bigint, sum("retries")::bigint, sum("latency_n")::bigint, sum("latency_sum_ms")::bigint, sum("l0")::bigint, sum("l1")::bigint, sum("l2")::bigint, sum("l3")::bigint, sum("l4")::bigint, sum("l5")::bigint, sum("l6")::bigint, sum("l7")::bigint, sum("l8")::bigint, sum("l9")::bigint, sum("l10")::bigint, sum("l11")::bigint, sum("l12")::bigint, sum("l13")::bigint, sum("l14")::bigint, sum("l15")::bigint, sum("l16")::bigint, sum("l17")::bigint, sum("l18")::bigint, sum("l19")::bigint, sum("l20")::bigint, sum("l21")::bigint, sum("l22")::bigint, sum("l23")::bigint, sum("l24")::bigint, sum("l25")::bigint, sum("l26")::bigint, sum("l27")::bigint, sum("l28")::bigint, sum("l29")::bigint, sum("l30")::bigint, sum("l31")::bigint FROM dash_truth GROUP BY 1, "vendor", "check_type", "source" HAVING sum("runs") <> 0 OR sum("finished") <> 0 OR sum("errors") <> 0 OR sum("timeouts") <> 0 OR sum("retries") <> 0 OR sum("latency_n") <> 0 OR sum("latency_sum_ms") <> 0 OR sum("l0") <> 0 OR sum("l1") <> 0 OR sum("l2") <> 0 OR sum("l3") <> 0 OR sum("l4") <> 0 OR sum("l5") <> 0 OR sum("l6") <> 0 OR sum("l7") <> 0 OR sum("l8") <> 0 OR sum("l9") <> 0 OR sum("l10") <> 0 OR sum("l11") <> 0 OR sum("l12") <> 0 OR sum("l13") <> 0 OR sum("l14") <> 0 OR sum("l15") <> 0 OR sum("l16") <> 0 OR sum("l17") <> 0 OR sum("l18") <> 0 OR sum("l19") <> 0 OR sum("l20") <> 0 OR sum("l21") <> 0 OR sum("l22") <> 0 OR sum("l23") <> 0 OR sum("l24") <> 0 OR sum("l25") <> 0 OR sum("l26") <> 0 OR sum("l27") <> 0 OR sum("l28") <> 0 OR sum("l29") <> 0 OR sum("l30") <> 0 OR sum("l31") <> 0 EXCEPT SELECT "day", "vendor", "check_type", "source", sum("runs")::bigint, sum("finished")::bigint, sum("errors")::bigint, sum("timeouts")::bigint, sum("retries")::bigint, sum("latency_n")::bigint, sum("latency_sum_ms")::bigint, sum("l0")::bigint, sum("l1")::bigint, sum("l2")::bigint, sum("l3")::bigint, sum("l4")::bigint, sum("l5")::bigint, sum("l6")::bigint, sum("l7")::bigint, sum("l8")::bigint, sum("l9")::bigint, sum("l10")::bigint, sum("l11")::bigint, sum("l12")::bigint, sum("l13")::bigint, sum("l14")::bigint, sum("l15")::bigint, sum("l16")::bigint, sum("l17")::bigint, sum("l18")::bigint, sum("l19")::bigint, sum("l20")::bigint, sum("l21")::bigint, sum("l22")::bigint, sum("l23")::bigint, sum("l24")::bigint, sum("l25")::bigint, sum("l26")::bigint, sum("l27")::bigint, sum("l28")::bigint, sum("l29")::bigint, sum("l30")::bigint, sum("l31")::bigint FROM "dash_vendor_runs_daily_all" GROUP BY "day", "vendor", "check_type", "source" HAVING sum("runs") <> 0 OR sum("finished") <> 0 OR sum("errors") <> 0 OR sum("timeouts") <> 0 OR sum("retries") <> 0 OR sum("latency_n") <> 0 OR sum("latency_sum_ms") <> 0 OR sum("l0") <> 0 OR sum("l1") <> 0 OR sum("l2") <> 0 OR sum("l3") <> 0 OR sum("l4") <> 0 OR sum("l5") <> 0 OR sum("l6") <> 0 OR sum("l7") <> 0 OR sum("l8") <> 0 OR sum("l9") <> 0 OR sum("l10") <> 0 OR sum("l11") <> 0 OR sum("l12") <> 0 OR sum("l13") <> 0 OR sum("l14") <> 0 OR sum("l15") <> 0 OR sum("l16") <> 0 OR sum("l17") <> 0 OR sum("l18") <> 0 OR sum("l19") <> 0 OR sum("l20") <> 0 OR sum("l21") <> 0 OR sum("l22") <> 0 OR sum("l23") <> 0 OR sum("l24") <> 0 OR sum("l25") <> 0 OR sum("l26") <> 0 OR sum("l27") <> 0 OR sum("l28") <> 0 OR sum("l29") <> 0 OR sum("l30") <> 0 OR sum("l31") <> 0)) AS d);
  RETURN QUERY SELECT 'dash_vendor_runs_3h'::text, (SELECT count(*) FROM ((SELECT "block", "vendor", "check_type", "source", sum("runs")::bigint, sum("finished")::bigint, sum("errors")::bigint, sum("timeouts")::bigint, sum("retries")::bigint, sum("latency_n")::bigint, sum("latency_sum_ms")::bigint, sum("l0")::bigint, sum("l1")::bigint, sum("l2")::bigint, sum("l3")::bigint, sum("l4")::bigint, sum("l5")::bigint, sum("l6")::bigint, sum("l7")::bigint, sum("l8")::bigint, sum("l9")::bigint, sum("l10")::bigint, sum("l11")::bigint, sum("l12")::bigint, sum("l13")::bigint, sum("l14")::bigint, sum("l15")::bigint, sum("l16")::bigint, sum("l17")::bigint, sum("l18")::bigint, sum("l19")::bigint, sum("l20")::bigint, sum("l21")::bigint, sum("l22")::bigint, sum("l23")::bigint, sum("l24")::bigint, sum("l25")::bigint, sum("l26")::bigint, sum("l27")::bigint, sum("l28")::bigint, sum("l29")::bigint, sum("l30")::bigint, sum("l31")::bigint FROM "dash_vendor_runs_3h_all" GROUP BY "block", "vendor", "check_type", "source" HAVING sum("runs") <> 0 OR sum("finished") <> 0 OR sum("errors") <> 0 OR sum("timeouts") <> 0 OR sum("retries") <> 0 OR sum("latency_n") <> 0 OR sum("latency_sum_ms") <> 0 OR sum("l0") <> 0 OR sum("l1") <> 0 OR sum("l2") <> 0 OR sum("l3") <> 0 OR sum("l4") <> 0 OR sum("l5") <> 0 OR sum("l6") <> 0 OR sum("l7") <> 0 OR sum("l8") <> 0 OR sum("l9") <> 0 OR sum("l10") <> 0 OR sum("l11") <> 0 OR sum("l12") <> 0 OR sum("l13") <> 0 OR sum("l14") <> 0 OR sum("l15") <> 0 OR sum("l16") <> 0 OR sum("l17") <> 0 OR sum("l18") <> 0 OR sum("l19") <> 0 OR sum("l20") <> 0 OR sum("l21") <> 0 OR sum("l22") <> 0 OR sum("l23") <> 0 OR sum("l24") <> 0 OR sum("l25") <> 0 OR sum("l26") <> 0 OR sum("l27") <> 0 OR sum("l28") <> 0 OR sum("l29") <> 0 OR sum("l30") <> 0 OR sum("l31") <> 0 EXCEPT SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00') AS "block", "vendor", "check_type", "source", sum("runs")::bigint, sum("finished")::bigint, sum("errors")::bigint, sum("timeouts")::bigint, sum("retries")::bigint, sum("latency_n")::bigint, sum("latency_sum_ms")::bigint, sum("l0")::bigint, sum("l1")::bigint, sum("l2")::bigint, sum("l3")::bigint, sum("l4")::bigint, sum("l5")::bigint, sum("l6")::bigint, sum("l7")::bigint, sum("l8")::bigint, sum("l9")::bigint, sum("l10")::bigint, sum("l11")::bigint, sum("l12")::bigint, sum("l13")::bigint, sum("l14")::bigint, sum("l15")::bigint, sum("l16")::bigint, sum("l17")::bigint, sum("l18")::bigint, sum("l19")::bigint, sum("l20")::bigint, sum("l21")::bigint, sum("l22")::bigint, sum("l23")::bigint, sum("l24")::bigint, sum("l25")::bigint, sum("l26")::bigint, sum("l27")::bigint, sum("l28")::bigint, sum("l29")::bigint, sum("l30")::bigint, sum("l31")::bigint FROM dash_truth GROUP BY 1, "vendor", "check_type", "source" HAVING sum("runs") <> 0 OR sum("finished") <> 0 OR sum("errors") <> 0 OR sum("timeouts") <> 0 OR sum("retries") <> 0 OR sum("latency_n") <> 0 OR sum("latency_sum_ms") <> 0 OR sum("l0") <> 0 OR sum("l1") <> 0 OR sum("l2") <> 0 OR sum("l3") <> 0 OR sum("l4") <> 0 OR sum("l5") <> 0 OR sum("l6") <> 0 OR sum("l7") <> 0 OR sum("l8") <> 0 OR sum("l9") <> 0 OR sum("l10") <> 0 OR sum("l11") <> 0 OR sum("l12") <> 0 OR sum("l13") <> 0 OR sum("l14") <> 0 OR sum("l15") <> 0 OR sum("l16") <> 0 OR sum("l17") <> 0 OR sum("l18") <> 0 OR sum("l19") <> 0 OR sum("l20") <> 0 OR sum("l21") <> 0 OR sum("l22") <> 0 OR sum("l23") <> 0 OR sum("l24") <> 0 OR sum("l25") <> 0 OR sum("l26") <> 0 OR sum("l27") <> 0 OR sum("l28") <> 0 OR sum("l29") <> 0 OR sum("l30") <> 0 OR sum("l31") <> 0) UNION ALL (SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00') AS "block", "vendor", "check_type", "source", sum("runs")::bigint, sum("finished")::bigint, sum("errors")::bigint, sum("timeouts")::bigint, sum("retries")::bigint, sum("latency_n")::bigint, sum("latency_sum_ms")::bigint, sum("l0")::bigint, sum("l1")::bigint, sum("l2")::bigint, sum("l3")::bigint, sum("l4")::bigint, sum("l5")::bigint, sum("l6")::bigint, sum("l7")::bigint, sum("l8")::bigint, sum("l9")::bigint, sum("l10")::bigint, sum("l11")::bigint, sum("l12")::bigint, sum("l13")::bigint, sum("l14")::bigint, sum("l15")::bigint, sum("l16")::bigint, sum("l17")::bigint, sum("l18")::bigint, sum("l19")::bigint, sum("l20")::bigint, sum("l21")::bigint, sum("l22")::bigint, sum("l23")::bigint, sum("l24")::bigint, sum("l25")::bigint, sum("l26")::bigint, sum("l27")::bigint, sum("l28")::bigint, sum("l29")::bigint, sum("l30")::bigint, sum("l31")::bigint FROM dash_truth GROUP BY 1, "vendor", "check_type", "source" HAVING sum("runs") <> 0 OR sum("finished") <> 0 OR sum("errors") <> 0 OR sum("timeouts") <> 0 OR sum("retries") <> 0 OR sum("latency_n") <> 0 OR sum("latency_sum_ms") <> 0 OR sum("l0") <> 0 OR sum("l1") <> 0 OR sum("l2") <> 0 OR sum("l3") <> 0 OR sum("l4") <> 0 OR sum("l5") <> 0 OR sum("l6") <> 0 OR sum("l7") <> 0 OR sum("l8") <> 0 OR sum("l9") <> 0 OR sum("l10") <> 0 OR sum("l11") <> 0 OR sum("l12") <> 0 OR sum("l13") <> 0 OR sum("l14") <> 0 OR sum("l15") <> 0 OR sum("l16") <> 0 OR sum("l17") <> 0 OR sum("l18") <> 0 OR sum("l19") <> 0 OR sum("l20") <> 0 OR sum("l21") <> 0 OR sum("l22") <> 0 OR sum("l23") <> 0 OR sum("l24") <> 0 OR sum("l25") <> 0 OR sum("l26") <> 0 OR sum("l27") <> 0 OR sum("l28") <> 0 OR sum("l29") <> 0 OR sum("l30") <> 0 OR sum("l31") <> 0 EXCEPT SELECT "block", "vendor", "check_type", "source", sum("runs")::bigint, sum("finished")::bigint, sum("errors")::bigint, sum("timeouts")::bigint, sum("retries")::bigint, sum("latency_n")::bigint, sum("latency_sum_ms")::bigint, sum("l0")::bigint, sum("l1")::bigint, sum("l2")::bigint, sum("l3")::bigint, sum("l4")::bigint, sum("l5")::bigint, sum("l6")::bigint, sum("l7")::bigint, sum("l8")::bigint, sum("l9")::bigint, sum("l10")::bigint, sum("l11")::bigint, sum("l12")::bigint, sum("l13")::bigint, sum("l14")::bigint, sum("l15")::bigint, sum("l16")::bigint, sum("l17")::bigint, sum("l18")::bigint, sum("l19")::bigint, sum("l20")::bigint, sum("l21")::bigint, sum("l22")::bigint, sum("l23")::bigint, sum("l24")::bigint, sum("l25")::bigint, sum("l26")::bigint, sum("l27")::bigint, sum("l28")::bigint, sum("l29")::bigint, sum("l30")::bigint, sum("l31")::bigint FROM "dash_vendor_runs_3h_all" GROUP BY "block", "vendor", "check_type", "source" HAVING sum("runs") <> 0 OR sum("finished") <> 0 OR sum("errors") <> 0 OR sum("timeouts") <> 0 OR sum("retries") <> 0 OR sum("latency_n") <> 0 OR sum("latency_sum_ms") <> 0 OR sum("l0") <> 0 OR sum("l1") <> 0 OR sum("l2") <> 0 OR sum("l3") <> 0 OR sum("l4") <> 0 OR sum("l5") <> 0 OR sum("l6") <> 0 OR sum("l7") <> 0 OR sum("l8") <> 0 OR sum("l9") <> 0 OR sum("l10") <> 0 OR sum("l11") <> 0 OR sum("l12") <> 0 OR sum("l13") <> 0 OR sum("l14") <> 0 OR sum("l15") <> 0 OR sum("l16") <> 0 OR sum("l17") <> 0 OR sum("l18") <> 0 OR sum("l19") <> 0 OR sum("l20") <> 0 OR sum("l21") <> 0 OR sum("l22") <> 0 OR sum("l23") <> 0 OR sum("l24") <> 0 OR sum("l25") <> 0 OR sum("l26") <> 0 OR sum("l27") <> 0 OR sum("l28") <> 0 OR sum("l29") <> 0 OR sum("l30") <> 0 OR sum("l31") <> 0)) AS d);
  DROP TABLE dash_truth;
  CREATE TEMP TABLE dash_truth ON COMMIT DROP AS SELECT * FROM "dash_vendor_errors_recount";
  RETURN QUERY SELECT 'dash_vendor_errors'::text, (SELECT count(*) FROM (
    (SELECT "hour", "vendor", "check_type", "source", "code", sum("n")::bigint FROM "dash_vendor_errors_all" GROUP BY "hour", "vendor", "check_type", "source", "code" HAVING sum("n") <> 0 EXCEPT SELECT * FROM dash_truth)
    UNION ALL
    (SELECT * FROM dash_truth EXCEPT SELECT "hour", "vendor", "check_type", "source", "code", sum("n")::bigint FROM "dash_vendor_errors_all" GROUP BY "hour", "vendor", "check_type", "source", "code" HAVING sum("n") <> 0)
  ) AS d);
  RETURN QUERY SELECT 'dash_vendor_errors_daily'::text, (SELECT count(*) FROM ((SELECT "day", "vendor", "check_type", "source", "code", sum("n")::bigint FROM "dash_vendor_errors_daily_all" GROUP BY "day", "vendor", "check_type", "source", "code" HAVING sum("n") <> 0 EXCEPT SELECT date_trunc('day', "hour", 'UTC') AS "day", "vendor", "check_type", "source", "code", sum("n")::bigint FROM dash_truth GROUP BY 1, "vendor", "check_type", "source", "code" HAVING sum("n") <> 0) UNION ALL (SELECT date_trunc('day', "hour", 'UTC') AS "day", "vendor", "check_type", "source", "code", sum("n")::bigint FROM dash_truth GROUP BY 1, "vendor", "check_type", "source", "code" HAVING sum("n") <> 0 EXCEPT SELECT "day", "vendor", "check_type", "source", "code", sum("n")::bigint FROM "dash_vendor_errors_daily_all" GROUP BY "day", "vendor", "check_type", "source", "code" HAVING sum("n") <> 0)) AS d);
  RETURN QUERY SELECT 'dash_vendor_errors_3h'::text, (SELECT count(*) FROM ((SELECT "block", "vendor", "check_type", "source", "code", sum("n")::bigint FROM "dash_vendor_errors_3h_all" GROUP BY "block", "vendor", "check_type", "source", "code" HAVING sum("n") <> 0 EXCEPT SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00') AS "block", "vendor", "check_type", "source", "code", sum("n")::bigint FROM dash_truth GROUP BY 1, "vendor", "check_type", "source", "code" HAVING sum("n") <> 0) UNION ALL (SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00') AS "block", "vendor", "check_type", "source", "code", sum("n")::bigint FROM dash_truth GROUP BY 1, "vendor", "check_type", "source", "code" HAVING sum("n") <> 0 EXCEPT SELECT "block", "vendor", "check_type", "source", "code", sum("n")::bigint FROM "dash_vendor_errors_3h_all" GROUP BY "block", "vendor", "check_type", "source", "code" HAVING sum("n") <> 0)) AS d);
  DROP TABLE dash_truth;
  CREATE TEMP TABLE dash_truth ON COMMIT DROP AS SELECT * FROM "dash_case_flow_recount";
  RETURN QUERY SELECT 'dash_case_flow'::text, (SELECT count(*) FROM (
    (SELECT "hour", "check_type", "source", sum("opened")::bigint, sum("decided")::bigint, sum("breached")::bigint, sum("ttd_n")::bigint, sum("ttd_sum_ms")::bigint, sum("t0")::bigint, sum("t1")::bigint, sum("t2")::bigint, sum("t3")::bigint, sum("t4")::bigint, sum("t5")::bigint, sum("t6")::bigint, sum("t7")::bigint, sum("t8")::bigint, sum("t9")::bigint, sum("t10")::bigint, sum("t11")::bigint, sum("t12")::bigint, sum("t13")::bigint, sum("t14")::bigint, sum("t15")::bigint, sum("t16")::bigint, sum("t17")::bigint, sum("t18")::bigint, sum("t19")::bigint, sum("t20")::bigint, sum("t21")::bigint, sum("t22")::bigint, sum("t23")::bigint, sum("t24")::bigint, sum("t25")::bigint, sum("t26")::bigint, sum("t27")::bigint, sum("t28")::bigint, sum("t29")::bigint, sum("t30")::bigint, sum("t31")::bigint FROM "dash_case_flow_all" GROUP BY "hour", "check_type", "source" HAVING sum("opened") <> 0 OR sum("decided") <> 0 OR sum("breached") <> 0 OR sum("ttd_n") <> 0 OR sum("ttd_sum_ms") <> 0 OR sum("t0") <> 0 OR sum("t1") <> 0 OR sum("t2") <> 0 OR sum("t3") <> 0 OR sum("t4") <> 0 OR sum("t5") <> 0 OR sum("t6") <> 0 OR sum("t7") <> 0 OR sum("t8") <> 0 OR sum("t9") <> 0 OR sum("t10") <> 0 OR sum("t11") <> 0 OR sum("t12") <> 0 OR sum("t13") <> 0 OR sum("t14") <> 0 OR sum("t15") <> 0 OR sum("t16") <> 0 OR sum("t17") <> 0 OR sum("t18") <> 0 OR sum("t19") <> 0 OR sum("t20") <> 0 OR sum("t21") <> 0 OR sum("t22") <> 0 OR sum("t23") <> 0 OR sum("t24") <> 0 OR sum("t25") <> 0 OR sum("t26") <> 0 OR sum("t27") <> 0 OR sum("t28") <> 0 OR sum("t29") <> 0 OR sum("t30") <> 0 OR sum("t31") <> 0 EXCEPT SELECT * FROM dash_truth)
    UNION ALL
    (SELECT * FROM dash_truth EXCEPT SELECT "hour", "check_type", "source", sum("opened")::bigint, sum("decided")::bigint, sum("breached")::bigint, sum("ttd_n")::bigint, sum("ttd_sum_ms")::bigint, sum("t0")::bigint, sum("t1")::bigint, sum("t2")::bigint, sum("t3")::bigint, sum("t4")::bigint, sum("t5")::bigint, sum("t6")::bigint, sum("t7")::bigint, sum("t8")::bigint, sum("t9")::bigint, sum("t10")::bigint, sum("t11")::bigint, sum("t12")::bigint, sum("t13")::bigint, sum("t14")::bigint, sum("t15")::bigint, sum("t16")::bigint, sum("t17")::bigint, sum("t18")::bigint, sum("t19")::bigint, sum("t20")::bigint, sum("t21")::bigint, sum("t22")::bigint, sum("t23")::bigint, sum("t24")::bigint, sum("t25")::bigint, sum("t26")::bigint, sum("t27")::bigint, sum("t28")::bigint, sum("t29")::bigint, sum("t30")::bigint, sum("t31")::bigint FROM "dash_case_flow_all" GROUP BY "hour", "check_type", "source" HAVING sum("opened") <> 0 OR sum("decided") <> 0 OR sum("breached") <> 0 OR sum("ttd_n") <> 0 OR sum("ttd_sum_ms") <> 0 OR sum("t0") <> 0 OR sum("t1") <> 0 OR sum("t2") <> 0 OR sum("t3") <> 0 OR sum("t4") <> 0 OR sum("t5") <> 0 OR sum("t6") <> 0 OR sum("t7") <> 0 OR sum("t8") <> 0 OR sum("t9") <> 0 OR sum("t10") <> 0 OR sum("t11") <> 0 OR sum("t12") <> 0 OR sum("t13") <> 0 OR sum("t14") <> 0 OR sum("t15") <> 0 OR sum("t16") <> 0 OR sum("t17") <> 0 OR sum("t18") <> 0 OR sum("t19") <> 0 OR sum("t20") <> 0 OR sum("t21") <> 0 OR sum("t22") <> 0 OR sum("t23") <> 0 OR sum("t24") <> 0 OR sum("t25") <> 0 OR sum("t26") <> 0 OR sum("t27") <> 0 OR sum("t28") <> 0 OR sum("t29") <> 0 OR sum("t30") <> 0 OR sum("t31") <> 0)
  ) AS d);
  RETURN QUERY SELECT 'dash_case_flow_daily'::text, (SELECT count(*) FROM ((SELECT "day", "check_type", "source", sum("opened")::bigint, sum("decided")::bigint, sum("breached")::bigint, sum("ttd_n")::bigint, sum("ttd_sum_ms")::bigint, sum("t0")::bigint, sum("t1")::bigint, sum("t2")::bigint, sum("t3")::bigint, sum("t4")::bigint, sum("t5")::bigint, sum("t6")::bigint, sum("t7")::bigint, sum("t8")::bigint, sum("t9")::bigint, sum("t10")::bigint, sum("t11")::bigint, sum("t12")::bigint, sum("t13")::bigint, sum("t14")::bigint, sum("t15")::bigint, sum("t16")::bigint, sum("t17")::bigint, sum("t18")::bigint, sum("t19")::bigint, sum("t20")::bigint, sum("t21")::bigint, sum("t22")::bigint, sum("t23")::bigint, sum("t24")::bigint, sum("t25")::bigint, sum("t26")::bigint, sum("t27")::bigint, sum("t28")::bigint, sum("t29")::bigint, sum("t30")::bigint, sum("t31")::bigint FROM "dash_case_flow_daily_all" GROUP BY "day", "check_type", "source" HAVING sum("opened") <> 0 OR sum("decided") <> 0 OR sum("breached") <> 0 OR sum("ttd_n") <> 0 OR sum("ttd_sum_ms") <> 0 OR sum("t0") <> 0 OR sum("t1") <> 0 OR sum("t2") <> 0 OR sum("t3") <> 0 OR sum("t4") <> 0 OR sum("t5") <> 0 OR sum("t6") <> 0 OR sum("t7") <> 0 OR sum("t8") <> 0 OR sum("t9") <> 0 OR sum("t10") <> 0 OR sum("t11") <> 0 OR sum("t12") <> 0 OR sum("t13") <> 0 OR sum("t14") <> 0 OR sum("t15") <> 0 OR sum("t16") <> 0 OR sum("t17") <> 0 OR sum("t18") <> 0 OR sum("t19") <> 0 OR sum("t20") <> 0 OR sum("t21") <> 0 OR sum("t22") <> 0 OR sum("t23") <> 0 OR sum("t24") <> 0 OR sum("t25") <> 0 OR sum("t26") <> 0 OR sum("t27") <> 0 OR sum("t28") <> 0 OR sum("t29") <> 0 OR sum("t30") <> 0 OR sum("t31") <> 0 EXCEPT SELECT date_trunc('day', "hour", 'UTC') AS "day", "check_type", "source", sum("opened")::bigint, sum("decided")::bigint, sum("breached")::bigint, sum("ttd_n")::bigint, sum("ttd_sum_ms")::bigint, sum("t0")::bigint, sum("t1")::bigint, sum("t2")::bigint, sum("t3")::bigint, sum("t4")::bigint, sum("t5")::bigint, sum("t6")::bigint, sum("t7")::bigint, sum("t8")::bigint, sum("t9")::bigint, sum("t10")::bigint, sum("t11")::bigint, sum("t12")::bigint, sum("t13")::bigint, sum("t14")::bigint, sum("t15")::bigint, sum("t16")::bigint, sum("t17")::bigint, sum("t18")::bigint, sum("t19")::bigint, sum("t20")::bigint, sum("t21")::bigint, sum("t22")::bigint, sum("t23")::bigint, sum("t24")::bigint, sum("t25")::bigint, sum("t26")::bigint, sum("t27")::bigint, sum("t28")::bigint, sum("t29")::bigint, sum("t30")::bigint, sum("t31")::bigint FROM dash_truth GROUP BY 1, "check_type", "source" HAVING sum("opened") <> 0 OR sum("decided") <> 0 OR sum("breached") <> 0 OR sum("ttd_n") <> 0 OR sum("ttd_sum_ms") <> 0 OR sum("t0") <> 0 OR sum("t1") <> 0 OR sum("t2") <> 0 OR sum("t3") <> 0 OR sum("t4") <> 0 OR sum("t5") <> 0 OR sum("t6") <> 0 OR sum("t7") <> 0 OR sum("t8") <> 0 OR sum("t9") <> 0 OR sum("t10") <> 0 OR sum("t11") <> 0 OR sum("t12") <> 0 OR sum("t13") <> 0 OR sum("t14") <> 0 OR sum("t15") <> 0 OR sum("t16") <> 0 OR sum("t17") <> 0 OR sum("t18") <> 0 OR sum("t19") <> 0 OR sum("t20") <> 0 OR sum("t21") <> 0 OR sum("t22") <> 0 OR sum("t23") <> 0 OR sum("t24") <> 0 OR sum("t25") <> 0 OR sum("t26") <> 0 OR sum("t27") <> 0 OR sum("t28") <> 0 OR sum("t29") <> 0 OR sum("t30") <> 0 OR sum("t31") <> 0) UNION ALL (SELECT date_trunc('day', "hour", 'UTC') AS "day", "check_type", "source", sum("opened")::bigint, sum("decided")::bigint, sum("breached")::bigint, sum("ttd_n")::bigint, sum("ttd_sum_ms")::bigint, sum("t0")::bigint, sum("t1")::bigint, sum("t2")::bigint, sum("t3")::bigint, sum("t4")::bigint, sum("t5")::bigint, sum("t6")::bigint, sum("t7")::bigint, sum("t8")::bigint, sum("t9")::bigint, sum("t10")::bigint, sum("t11")::bigint, sum("t12")::bigint, sum("t13")::bigint, sum("t14")::bigint, sum("t15")::bigint, sum("t16")::bigint, sum("t17")::bigint, sum("t18")::bigint, sum("t19")::bigint, sum("t20")::bigint, sum("t21")::bigint, sum("t22")::bigint, sum("t23")::bigint, sum("t24")::bigint, sum("t25")::bigint, sum("t26")::bigint, sum("t27")::bigint, sum("t28")::bigint, sum("t29")::bigint, sum("t30")::bigint, sum("t31")::bigint FROM dash_truth GROUP BY 1, "check_type", "source" HAVING sum("opened") <> 0 OR sum("decided") <> 0 OR sum("breached") <> 0 OR sum("ttd_n") <> 0 OR sum("ttd_sum_ms") <> 0 OR sum("t0") <> 0 OR sum("t1") <> 0 OR sum("t2") <> 0 OR sum("t3") <> 0 OR sum("t4") <> 0 OR sum("t5") <> 0 OR sum("t6") <> 0 OR sum("t7") <> 0 OR sum("t8") <> 0 OR sum("t9") <> 0 OR sum("t10") <> 0 OR sum("t11") <> 0 OR sum("t12") <> 0 OR sum("t13") <> 0 OR sum("t14") <> 0 OR sum("t15") <> 0 OR sum("t16") <> 0 OR sum("t17") <> 0 OR sum("t18") <> 0 OR sum("t19") <> 0 OR sum("t20") <> 0 OR sum("t21") <> 0 OR sum("t22") <> 0 OR sum("t23") <> 0 OR sum("t24") <> 0 OR sum("t25") <> 0 OR sum("t26") <> 0 OR sum("t27") <> 0 OR sum("t28") <> 0 OR sum("t29") <> 0 OR sum("t30") <> 0 OR sum("t31") <> 0 EXCEPT SELECT "day", "check_type", "source", sum("opened")::bigint, sum("decided")::bigint, sum("breached")::bigint, sum("ttd_n")::bigint, sum("ttd_sum_ms")::bigint, sum("t0")::bigint, sum("t1")::bigint, sum("t2")::bigint, sum("t3")::bigint, sum("t4")::bigint, sum("t5")::bigint, sum("t6")::bigint, sum("t7")::bigint, sum("t8")::bigint, sum("t9")::bigint, sum("t10")::bigint, sum("t11")::bigint, sum("t12")::bigint, sum("t13")::bigint, sum("t14")::bigint, sum("t15")::bigint, sum("t16")::bigint, sum("t17")::bigint, sum("t18")::bigint, sum("t19")::bigint, sum("t20")::bigint, sum("t21")::bigint, sum("t22")::bigint, sum("t23")::bigint, sum("t24")::bigint, sum("t25")::bigint, sum("t26")::bigint, sum("t27")::bigint, sum("t28")::bigint, sum("t29")::bigint, sum("t30")::bigint, sum("t31")::bigint FROM "dash_case_flow_daily_all" GROUP BY "day", "check_type", "source" HAVING sum("opened") <> 0 OR sum("decided") <> 0 OR sum("breached") <> 0 OR sum("ttd_n") <> 0 OR sum("ttd_sum_ms") <> 0 OR sum("t0") <> 0 OR sum("t1") <> 0 OR sum("t2") <> 0 OR sum("t3") <> 0 OR sum("t4") <> 0 OR sum("t5") <> 0 OR sum("t6") <> 0 OR sum("t7") <> 0 OR sum("t8") <> 0 OR sum("t9") <> 0 OR sum("t10") <> 0 OR sum("t11") <> 0 OR sum("t12") <> 0 OR sum("t13") <> 0 OR sum("t14") <> 0 OR sum("t15") <> 0 OR sum("t16") <> 0 OR sum("t17") <> 0 OR sum("t18") <> 0 OR sum("t19") <> 0 OR sum("t20") <> 0 OR sum("t21") <> 0 OR sum("t22") <> 0 OR sum("t23") <> 0 OR sum("t24") <> 0 OR sum("t25") <> 0 OR sum("t26") <> 0 OR sum("t27") <> 0 OR sum("t28") <> 0 OR sum("t29") <> 0 OR sum("t30") <> 0 OR sum("t31") <> 0)) AS d);
  RETURN QUERY SELECT 'dash_case_flow_3h'::text, (SELECT count(*) FROM ((SELECT "block", "check_type", "source", sum("opened")::bigint, sum("decided")::bigint, sum("breached")::bigint, sum("ttd_n")::bigint, sum("ttd_sum_ms")::bigint, sum("t0")::bigint, sum("t1")::bigint, sum("t2")::bigint, sum("t3")::bigint, sum("t4")::bigint, sum("t5")::bigint, sum("t6")::bigint, sum("t7")::bigint, sum("t8")::bigint, sum("t9")::bigint, sum("t10")::bigint, sum("t11")::bigint, sum("t12")::bigint, sum("t13")::bigint, sum("t14")::bigint, sum("t15")::bigint, sum("t16")::bigint, sum("t17")::bigint, sum("t18")::bigint, sum("t19")::bigint, sum("t20")::bigint, sum("t21")::bigint, sum("t22")::bigint, sum("t23")::bigint, sum("t24")::bigint, sum("t25")::bigint, sum("t26")::bigint, sum("t27")::bigint, sum("t28")::bigint, sum("t29")::bigint, sum("t30")::bigint, sum("t31")::bigint FROM "dash_case_flow_3h_all" GROUP BY "block", "check_type", "source" HAVING sum("opened") <> 0 OR sum("decided") <> 0 OR sum("breached") <> 0 OR sum("ttd_n") <> 0 OR sum("ttd_sum_ms") <> 0 OR sum("t0") <> 0 OR sum("t1") <> 0 OR sum("t2") <> 0 OR sum("t3") <> 0 OR sum("t4") <> 0 OR sum("t5") <> 0 OR sum("t6") <> 0 OR sum("t7") <> 0 OR sum("t8") <> 0 OR sum("t9") <> 0 OR sum("t10") <> 0 OR sum("t11") <> 0 OR sum("t12") <> 0 OR sum("t13") <> 0 OR sum("t14") <> 0 OR sum("t15") <> 0 OR sum("t16") <> 0 OR sum("t17") <> 0 OR sum("t18") <> 0 OR sum("t19") <> 0 OR sum("t20") <> 0 OR sum("t21") <> 0 OR sum("t22") <> 0 OR sum("t23") <> 0 OR sum("t24") <> 0 OR sum("t25") <> 0 OR sum("t26") <> 0 OR sum("t27") <> 0 OR sum("t28") <> 0 OR sum("t29") <> 0 OR sum("t30") <> 0 OR sum("t31") <> 0 EXCEPT SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00') AS "block", "check_type", "source", sum("opened")::bigint, sum("decided")::bigint, sum("breached")::bigint, sum("ttd_n")::bigint, sum("ttd_sum_ms")::bigint, sum("t0")::bigint, sum("t1")::bigint, sum("t2")::bigint, sum("t3")::bigint, sum("t4")::bigint, sum("t5")::bigint, sum("t6")::bigint, sum("t7")::bigint, sum("t8")::bigint, sum("t9")::bigint, sum("t10")::bigint, sum("t11")::bigint, sum("t12")::bigint, sum("t13")::bigint, sum("t14")::bigint, sum("t15")::bigint, sum("t16")::bigint, sum("t17")::bigint, sum("t18")::bigint, sum("t19")::bigint, sum("t20")::bigint, sum("t21")::bigint, sum("t22")::bigint, sum("t23")::bigint, sum("t24")::bigint, sum("t25")::bigint, sum("t26")::bigint, sum("t27")::bigint, sum("t28")::bigint, sum("t29")::bigint, sum("t30")::bigint, sum("t31")::bigint FROM dash_truth GROUP BY 1, "check_type", "source" HAVING sum("opened") <> 0 OR sum("decided") <> 0 OR sum("breached") <> 0 OR sum("ttd_n") <> 0 OR sum("ttd_sum_ms") <> 0 OR sum("t0") <> 0 OR sum("t1") <> 0 OR sum("t2") <> 0 OR sum("t3") <> 0 OR sum("t4") <> 0 OR sum("t5") <> 0 OR sum("t6") <> 0 OR sum("t7") <> 0 OR sum("t8") <> 0 OR sum("t9") <> 0 OR sum("t10") <> 0 OR sum("t11") <> 0 OR sum("t12") <> 0 OR sum("t13") <> 0 OR sum("t14") <> 0 OR sum("t15") <> 0 OR sum("t16") <> 0 OR sum("t17") <> 0 OR sum("t18") <> 0 OR sum("t19") <> 0 OR sum("t20") <> 0 OR sum("t21") <> 0 OR sum("t22") <> 0 OR sum("t23") <> 0 OR sum("t24") <> 0 OR sum("t25") <> 0 OR sum("t26") <> 0 OR sum("t27") <> 0 OR sum("t28") <> 0 OR sum("t29") <> 0 OR sum("t30") <> 0 OR sum("t31") <> 0) UNION ALL (SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00') AS "block", "check_type", "source", sum("opened")::bigint, sum("decided")::bigint, sum("breached")::bigint, sum("ttd_n")::bigint, sum("ttd_sum_ms")::bigint, sum("t0")::bigint, sum("t1")::bigint, sum("t2")::bigint, sum("t3")::bigint, sum("t4")::bigint, sum("t5")::bigint, sum("t6")::bigint, sum("t7")::bigint, sum("t8")::bigint, sum("t9")::bigint, sum("t10")::bigint, sum("t11")::bigint, sum("t12")::bigint, sum("t13")::bigint, sum("t14")::bigint, sum("t15")::bigint, sum("t16")::bigint, sum("t17")::bigint, sum("t18")::bigint, sum("t19")::bigint, sum("t20")::bigint, sum("t21")::bigint, sum("t22")::bigint, sum("t23")::bigint, sum("t24")::bigint, sum("t25")::bigint, sum("t26")::bigint, sum("t27")::bigint, sum("t28")::bigint, sum("t29")::bigint, sum("t30")::bigint, sum("t31")::bigint FROM dash_truth GROUP BY 1, "check_type", "source" HAVING sum("opened") <> 0 OR sum("decided") <> 0 OR sum("breached") <> 0 OR sum("ttd_n") <> 0 OR sum("ttd_sum_ms") <> 0 OR sum("t0") <> 0 OR sum("t1") <> 0 OR sum("t2") <> 0 OR sum("t3") <> 0 OR sum("t4") <> 0 OR sum("t5") <> 0 OR sum("t6") <> 0 OR sum("t7") <> 0 OR sum("t8") <> 0 OR sum("t9") <> 0 OR sum("t10") <> 0 OR sum("t11") <> 0 OR sum("t12") <> 0 OR sum("t13") <> 0 OR sum("t14") <> 0 OR sum("t15") <> 0 OR sum("t16") <> 0 OR sum("t17") <> 0 OR sum("t18") <> 0 OR sum("t19") <> 0 OR sum("t20") <> 0 OR sum("t21") <> 0 OR sum("t22") <> 0 OR sum("t23") <> 0 OR sum("t24") <> 0 OR sum("t25") <> 0 OR sum("t26") <> 0 OR sum("t27") <> 0 OR sum("t28") <> 0 OR sum("t29") <> 0 OR sum("t30") <> 0 OR sum("t31") <> 0 EXCEPT SELECT "block", "check_type", "source", sum("opened")::bigint, sum("decided")::bigint, sum("breached")::bigint, sum("ttd_n")::bigint, sum("ttd_sum_ms")::bigint, sum("t0")::bigint, sum("t1")::bigint, sum("t2")::bigint, sum("t3")::bigint, sum("t4")::bigint, sum("t5")::bigint, sum("t6")::bigint, sum("t7")::bigint, sum("t8")::bigint, sum("t9")::bigint, sum("t10")::bigint, sum("t11")::bigint, sum("t12")::bigint, sum("t13")::bigint, sum("t14")::bigint, sum("t15")::bigint, sum("t16")::bigint, sum("t17")::bigint, sum("t18")::bigint, sum("t19")::bigint, sum("t20")::bigint, sum("t21")::bigint, sum("t22")::bigint, sum("t23")::bigint, sum("t24")::bigint, sum("t25")::bigint, sum("t26")::bigint, sum("t27")::bigint, sum("t28")::bigint, sum("t29")::bigint, sum("t30")::bigint, sum("t31")::bigint FROM "dash_case_flow_3h_all" GROUP BY "block", "check_type", "source" HAVING sum("opened") <> 0 OR sum("decided") <> 0 OR sum("breached") <> 0 OR sum("ttd_n") <> 0 OR sum("ttd_sum_ms") <> 0 OR sum("t0") <> 0 OR sum("t1") <> 0 OR sum("t2") <> 0 OR sum("t3") <> 0 OR sum("t4") <> 0 OR sum("t5") <> 0 OR sum("t6") <> 0 OR sum("t7") <> 0 OR sum("t8") <> 0 OR sum("t9") <> 0 OR sum("t10") <> 0 OR sum("t11") <> 0 OR sum("t12") <> 0 OR sum("t13") <> 0 OR sum("t14") <> 0 OR sum("t15") <> 0 OR sum("t16") <> 0 OR sum("t17") <> 0 OR sum("t18") <> 0 OR sum("t19") <> 0 OR sum("t20") <> 0 OR sum("t21") <> 0 OR sum("t22") <> 0 OR sum("t23") <> 0 OR sum("t24") <> 0 OR sum("t25") <> 0 OR sum("t26") <> 0 OR sum("t27") <> 0 OR sum("t28") <> 0 OR sum("t29") <> 0 OR sum("t30") <> 0 OR sum("t31") <> 0)) AS d);
  DROP TABLE dash_truth;
  CREATE TEMP TABLE dash_truth ON COMMIT DROP AS SELECT * FROM "dash_open_cases_recount";
  RETURN QUERY SELECT 'dash_open_cases'::text, (SELECT count(*) FROM (
    (SELECT "opened_hour", "check_type", "source", "rule", sum("n")::bigint FROM "dash_open_cases_all" GROUP BY "opened_hour", "check_type", "source", "rule" HAVING sum("n") <> 0 EXCEPT SELECT * FROM dash_truth)
    UNION ALL
    (SELECT * FROM dash_truth EXCEPT SELECT "opened_hour", "check_type", "source", "rule", sum("n")::bigint FROM "dash_open_cases_all" GROUP BY "opened_hour", "check_type", "source", "rule" HAVING sum("n") <> 0)
  ) AS d);
  DROP TABLE dash_truth;
  CREATE TEMP TABLE dash_truth ON COMMIT DROP AS SELECT * FROM "dash_open_sla_recount";
  RETURN QUERY SELECT 'dash_open_sla'::text, (SELECT count(*) FROM (
    (SELECT "sla_hour", "check_type", "source", sum("n")::bigint FROM "dash_open_sla_all" GROUP BY "sla_hour", "check_type", "source" HAVING sum("n") <> 0 EXCEPT SELECT * FROM dash_truth)
    UNION ALL
    (SELECT * FROM dash_truth EXCEPT SELECT "sla_hour", "check_type", "source", sum("n")::bigint FROM "dash_open_sla_all" GROUP BY "sla_hour", "check_type", "source" HAVING sum("n") <> 0)
  ) AS d);
  DROP TABLE dash_truth;
  CREATE TEMP TABLE dash_truth ON COMMIT DROP AS SELECT * FROM "dash_decisions_recount";
  RETURN QUERY SELECT 'dash_decisions'::text, (SELECT count(*) FROM (
    (SELECT "hour", "reviewer_id", "check_type", "source", "kind", sum("n")::bigint, sum("overrides")::bigint FROM "dash_decisions_all" GROUP BY "hour", "reviewer_id", "check_type", "source", "kind" HAVING sum("n") <> 0 OR sum("overrides") <> 0 EXCEPT SELECT * FROM dash_truth)
    UNION ALL
    (SELECT * FROM dash_truth EXCEPT SELECT "hour", "reviewer_id", "check_type", "source", "kind", sum("n")::bigint, sum("overrides")::bigint FROM "dash_decisions_all" GROUP BY "hour", "reviewer_id", "check_type", "source", "kind" HAVING sum("n") <> 0 OR sum("overrides") <> 0)
  ) AS d);
  RETURN QUERY SELECT 'dash_decisions_daily'::text, (SELECT count(*) FROM ((SELECT "day", "reviewer_id", "check_type", "source", "kind", sum("n")::bigint, sum("overrides")::bigint FROM "dash_decisions_daily_all" GROUP BY "day", "reviewer_id", "check_type", "source", "kind" HAVING sum("n") <> 0 OR sum("overrides") <> 0 EXCEPT SELECT date_trunc('day', "hour", 'UTC') AS "day", "reviewer_id", "check_type", "source", "kind", sum("n")::bigint, sum("overrides")::bigint FROM dash_truth GROUP BY 1, "reviewer_id", "check_type", "source", "kind" HAVING sum("n") <> 0 OR sum("overrides") <> 0) UNION ALL (SELECT date_trunc('day', "hour", 'UTC') AS "day", "reviewer_id", "check_type", "source", "kind", sum("n")::bigint, sum("overrides")::bigint FROM dash_truth GROUP BY 1, "reviewer_id", "check_type", "source", "kind" HAVING sum("n") <> 0 OR sum("overrides") <> 0 EXCEPT SELECT "day", "reviewer_id", "check_type", "source", "kind", sum("n")::bigint, sum("overrides")::bigint FROM "dash_decisions_daily_all" GROUP BY "day", "reviewer_id", "check_type", "source", "kind" HAVING sum("n") <> 0 OR sum("overrides") <> 0)) AS d);
  RETURN QUERY SELECT 'dash_decisions_3h'::text, (SELECT count(*) FROM ((SELECT "block", "reviewer_id", "check_type", "source", "kind", sum("n")::bigint, sum("overrides")::bigint FROM "dash_decisions_3h_all" GROUP BY "block", "reviewer_id", "check_type", "source", "kind" HAVING sum("n") <> 0 OR sum("overrides") <> 0 EXCEPT SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00') AS "block", "reviewer_id", "check_type", "source", "kind", sum("n")::bigint, sum("overrides")::bigint FROM dash_truth GROUP BY 1, "reviewer_id", "check_type", "source", "kind" HAVING sum("n") <> 0 OR sum("overrides") <> 0) UNION ALL (SELECT date_bin('3 hours', "hour", TIMESTAMPTZ '2000-01-01 00:00:00+00') AS "block", "reviewer_id", "check_type", "source", "kind", sum("n")::bigint, sum("overrides")::bigint FROM dash_truth GROUP BY 1, "reviewer_id", "check_type", "source", "kind" HAVING sum("n") <> 0 OR sum("overrides") <> 0 EXCEPT SELECT "block", "reviewer_id", "check_type", "source", "kind", sum("n")::bigint, sum("overrides")::bigint FROM "dash_decisions_3h_all" GROUP BY "block", "reviewer_id", "check_type", "source", "kind" HAVING sum("n") <> 0 OR sum("overrides") <> 0)) AS d);
  DROP TABLE dash_truth;
END $$;
-- VendorRun: every run counts in vendor health; the latest attempt of each (verification, vendor)
-- counts in the outcome rates, so a rerun moves its verification from the old outcome to the new.
CREATE FUNCTION dash_vendor_run_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  p RECORD;
BEGIN
  INSERT INTO "dash_vendor_runs_delta" ("hour", "vendor", "check_type", "source", "runs", "finished", "errors", "timeouts", "retries", "latency_n", "latency_sum_ms", "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11", "l12", "l13", "l14", "l15", "l16", "l17", "l18", "l19", "l20", "l21", "l22", "l23", "l24", "l25", "l26", "l27", "l28", "l29", "l30", "l31")
  SELECT "hour", "vendor", "check_type", "source", sum("runs"), sum("finished"), sum("errors"), sum("timeouts"), sum("retries"), sum("latency_n"), sum("latency_sum_ms"), sum("l0"), sum("l1"), sum("l2"), sum("l3"), sum("l4"), sum("l5"), sum("l6"), sum("l7"), sum("l8"), sum("l9"), sum("l10"), sum("l11"), sum("l12"), sum("l13"), sum("l14"), sum("l15"), sum("l16"), sum("l17"), sum("l18"), sum("l19"), sum("l20"), sum("l21"), sum("l22"), sum("l23"), sum("l24"), sum("l25"), sum("l26"), sum("l27"), sum("l28"), sum("l29"), sum("l30"), sum("l31")
  FROM (
    SELECT dash_hour(r."requestedAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source,
      1 AS runs,
      CASE WHEN r."status" IN ('completed', 'failed') THEN 1 ELSE 0 END AS finished,
      CASE WHEN r."outcome" = 'error' THEN 1 ELSE 0 END AS errors,
      1 * dash_timeouts(r."attempts") AS timeouts,
      1 * greatest(dash_attempt_count(r."attempts") - 1, 0) AS retries,
      CASE WHEN r.lbin IS NOT NULL THEN 1 ELSE 0 END AS latency_n,
      CASE WHEN r.lbin IS NOT NULL THEN 1 * r."latencyMs" ELSE 0 END AS latency_sum_ms,
      CASE WHEN r.lbin = 0 THEN 1 ELSE 0 END AS l0,
      CASE WHEN r.lbin = 1 THEN 1 ELSE 0 END AS l1,
      CASE WHEN r.lbin = 2 THEN 1 ELSE 0 END AS l2,
      CASE WHEN r.lbin = 3 THEN 1 ELSE 0 END AS l3,
      CASE WHEN r.lbin = 4 THEN 1 ELSE 0 END AS l4,
      CASE WHEN r.lbin = 5 THEN 1 ELSE 0 END AS l5,
      CASE WHEN r.lbin = 6 THEN 1 ELSE 0 END AS l6,
      CASE WHEN r.lbin = 7 THEN 1 ELSE 0 END AS l7,
      CASE WHEN r.lbin = 8 THEN 1 ELSE 0 END AS l8,
      CASE WHEN r.lbin = 9 THEN 1 ELSE 0 END AS l9,
      CASE WHEN r.lbin = 10 THEN 1 ELSE 0 END AS l10,
      CASE WHEN r.lbin = 11 THEN 1 ELSE 0 END AS l11,
      CASE WHEN r.lbin = 12 THEN 1 ELSE 0 END AS l12,
      CASE WHEN r.lbin = 13 THEN 1 ELSE 0 END AS l13,
      CASE WHEN r.lbin = 14 THEN 1 ELSE 0 END AS l14,
      CASE WHEN r.lbin = 15 THEN 1 ELSE 0 END AS l15,
      CASE WHEN r.lbin = 16 THEN 1 ELSE 0 END AS l16,
      CASE WHEN r.lbin = 17 THEN 1 ELSE 0 END AS l17,
      CASE WHEN r.lbin = 18 THEN 1 ELSE 0 END AS l18,
      CASE WHEN r.lbin = 19 THEN 1 ELSE 0 END AS l19,
      CASE WHEN r.lbin = 20 THEN 1 ELSE 0 END AS l20,
      CASE WHEN r.lbin = 21 THEN 1 ELSE 0 END AS l21,
      CASE WHEN r.lbin = 22 THEN 1 ELSE 0 END AS l22,
      CASE WHEN r.lbin = 23 THEN 1 ELSE 0 END AS l23,
      CASE WHEN r.lbin = 24 THEN 1 ELSE 0 END AS l24,
      CASE WHEN r.lbin = 25 THEN 1 ELSE 0 END AS l25,
      CASE WHEN r.lbin = 26 THEN 1 ELSE 0 END AS l26,
      CASE WHEN r.lbin = 27 THEN 1 ELSE 0 END AS l27,
      CASE WHEN r.lbin = 28 THEN 1 ELSE 0 END AS l28,
      CASE WHEN r.lbin = 29 THEN 1 ELSE 0 END AS l29,
      CASE WHEN r.lbin = 30 THEN 1 ELSE 0 END AS l30,
      CASE WHEN r.lbin = 31 THEN 1 ELSE 0 END AS l31
    FROM (SELECT x.*, CASE WHEN x."status" IN ('completed', 'failed') AND x."latencyMs" IS NOT NULL THEN dash_latency_bin(x."latencyMs") END AS lbin FROM new_rows x) r
    JOIN "Verification" v ON v."id" = r."verificationId"
  ) AS x
  GROUP BY "hour", "vendor", "check_type", "source"
  HAVING sum("runs") <> 0 OR sum("finished") <> 0 OR sum("errors") <> 0 OR sum("timeouts") <> 0 OR sum("retries") <> 0 OR sum("latency_n") <> 0 OR sum("latency_sum_ms") <> 0 OR sum("l0") <> 0 OR sum("l1") <> 0 OR sum("l2") <> 0 OR sum("l3") <> 0 OR sum("l4") <> 0 OR sum("l5") <> 0 OR sum("l6") <> 0 OR sum("l7") <> 0 OR sum("l8") <> 0 OR sum("l9") <> 0 OR sum("l10") <> 0 OR sum("l11") <> 0 OR sum("l12") <> 0 OR sum("l13") <> 0 OR sum("l14") <> 0 OR sum("l15") <> 0 OR sum("l16") <> 0 OR sum("l17") <> 0 OR sum("l18") <> 0 OR sum("l19") <> 0 OR sum("l20") <> 0 OR sum("l21") <> 0 OR sum("l22") <> 0 OR sum("l23") <> 0 OR sum("l24") <> 0 OR sum("l25") <> 0 OR sum("l26") <> 0 OR sum("l27") <> 0 OR sum("l28") <> 0 OR sum("l29") <> 0 OR sum("l30") <> 0 OR sum("l31") <> 0;
  INSERT INTO "dash_vendor_errors_delta" ("hour", "vendor", "check_type", "source", "code", "n")
  SELECT "hour", "vendor", "check_type", "source", "code", sum("n")
  FROM (
    SELECT dash_hour(r."requestedAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source, e.code AS code, 1 AS n
    FROM new_rows r JOIN "Verification" v ON v."id" = r."verificationId" CROSS JOIN LATERAL dash_error_codes(r."normalized") AS e(code)
    WHERE r."outcome" = 'error'
  ) AS x
  GROUP BY "hour", "vendor", "check_type", "source", "code"
  HAVING sum("n") <> 0;
  -- Serialises writers of the same (verification, vendor): "latest attempt" needs a stable view.
  FOR p IN SELECT DISTINCT "verificationId", "vendor" FROM (SELECT "verificationId", "vendor", "id" FROM new_rows) AS t ORDER BY 1, 2 LOOP
    PERFORM pg_advisory_xact_lock(74111, hashtext(p."verificationId"::text || '/' || p."vendor"::text));
  END LOOP;
  INSERT INTO "dash_outcomes_delta" ("hour", "vendor", "check_type", "source", "pairs", "pass", "fail", "review", "error")
  SELECT "hour", "vendor", "check_type", "source", sum("pairs"), sum("pass"), sum("fail"), sum("review"), sum("error")
  FROM (
    SELECT dash_hour(v."createdAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source,
      1 AS pairs,
      CASE WHEN r."outcome" = 'pass' THEN 1 ELSE 0 END AS pass,
      CASE WHEN r."outcome" = 'fail' THEN 1 ELSE 0 END AS fail,
      CASE WHEN r."outcome" = 'review' THEN 1 ELSE 0 END AS review,
      CASE WHEN r."outcome" = 'error' THEN 1 ELSE 0 END AS error
    FROM (SELECT DISTINCT ON ("verificationId", "vendor") * FROM (SELECT r.* FROM "VendorRun" r WHERE (r."verificationId", r."vendor") IN (SELECT "verificationId", "vendor" FROM (SELECT "verificationId", "vendor", "id" FROM new_rows) AS t)) AS cur ORDER BY "verificationId", "vendor", "attempt" DESC) r JOIN "Verification" v ON v."id" = r."verificationId"
    UNION ALL
    SELECT dash_hour(v."createdAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source,
      -1 AS pairs,
      CASE WHEN r."outcome" = 'pass' THEN -1 ELSE 0 END AS pass,
      CASE WHEN r."outcome" = 'fail' THEN -1 ELSE 0 END AS fail,
      CASE WHEN r."outcome" = 'review' THEN -1 ELSE 0 END AS review,
      CASE WHEN r."outcome" = 'error' THEN -1 ELSE 0 END AS error
    FROM (SELECT DISTINCT ON ("verificationId", "vendor") * FROM (SELECT * FROM (SELECT r.* FROM "VendorRun" r WHERE (r."verificationId", r."vendor") IN (SELECT "verificationId", "vendor" FROM (SELECT "verificationId", "vendor", "id" FROM new_rows) AS t)) AS cur WHERE cur."id" NOT IN (SELECT "id" FROM new_rows)) AS b ORDER BY "verificationId", "vendor", "attempt" DESC) r JOIN "Verification" v ON v."id" = r."verificationId"
  ) AS x
  GROUP BY "hour", "vendor", "check_type", "source"
  HAVING sum("pairs") <> 0 OR sum("pass") <> 0 OR sum("fail") <> 0 OR sum("review") <> 0 OR sum("error") <> 0;
  RETURN NULL;
END $$;
CREATE TRIGGER "dash_vendor_run_insert" AFTER INSERT ON "VendorRun"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_vendor_run_insert();

CREATE FUNCTION dash_vendor_run_update() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  p RECORD;
BEGIN
  INSERT INTO "dash_vendor_runs_delta" ("hour", "vendor", "check_type", "source", "runs", "finished", "errors", "timeouts", "retries", "latency_n", "latency_sum_ms", "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11", "l12", "l13", "l14", "l15", "l16", "l17", "l18", "l19", "l20", "l21", "l22", "l23", "l24", "l25", "l26", "l27", "l28", "l29", "l30", "l31")
  SELECT "hour", "vendor", "check_type", "source", sum("runs"), sum("finished"), sum("errors"), sum("timeouts"), sum("retries"), sum("latency_n"), sum("latency_sum_ms"), sum("l0"), sum("l1"), sum("l2"), sum("l3"), sum("l4"), sum("l5"), sum("l6"), sum("l7"), sum("l8"), sum("l9"), sum("l10"), sum("l11"), sum("l12"), sum("l13"), sum("l14"), sum("l15"), sum("l16"), sum("l17"), sum("l18"), sum("l19"), sum("l20"), sum("l21"), sum("l22"), sum("l23"), sum("l24"), sum("l25"), sum("l26"), sum("l27"), sum("l28"), sum("l29"), sum("l30"), sum("l31")
  FROM (
    SELECT dash_hour(r."requestedAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source,
      1 AS runs,
      CASE WHEN r."status" IN ('completed', 'failed') THEN 1 ELSE 0 END AS finished,
      CASE WHEN r."outcome" = 'error' THEN 1 ELSE 0 END AS errors,
      1 * dash_timeouts(r."attempts") AS timeouts,
      1 * greatest(dash_attempt_count(r."attempts") - 1, 0) AS retries,
      CASE WHEN r.lbin IS NOT NULL THEN 1 ELSE 0 END AS latency_n,
      CASE WHEN r.lbin IS NOT NULL THEN 1 * r."latencyMs" ELSE 0 END AS latency_sum_ms,
      CASE WHEN r.lbin = 0 THEN 1 ELSE 0 END AS l0,
      CASE WHEN r.lbin = 1 THEN 1 ELSE 0 END AS l1,
      CASE WHEN r.lbin = 2 THEN 1 ELSE 0 END AS l2,
      CASE WHEN r.lbin = 3 THEN 1 ELSE 0 END AS l3,
      CASE WHEN r.lbin = 4 THEN 1 ELSE 0 END AS l4,
      CASE WHEN r.lbin = 5 THEN 1 ELSE 0 END AS l5,
      CASE WHEN r.lbin = 6 THEN 1 ELSE 0 END AS l6,
      CASE WHEN r.lbin = 7 THEN 1 ELSE 0 END AS l7,
      CASE WHEN r.lbin = 8 THEN 1 ELSE 0 END AS l8,
      CASE WHEN r.lbin = 9 THEN 1 ELSE 0 END AS l9,
      CASE WHEN r.lbin = 10 THEN 1 ELSE 0 END AS l10,
      CASE WHEN r.lbin = 11 THEN 1 ELSE 0 END AS l11,
      CASE WHEN r.lbin = 12 THEN 1 ELSE 0 END AS l12,
      CASE WHEN r.lbin = 13 THEN 1 ELSE 0 END AS l13,
      CASE WHEN r.lbin = 14 THEN 1 ELSE 0 END AS l14,
      CASE WHEN r.lbin = 15 THEN 1 ELSE 0 END AS l15,
      CASE WHEN r.lbin = 16 THEN 1 ELSE 0 END AS l16,
      CASE WHEN r.lbin = 17 THEN 1 ELSE 0 END AS l17,
      CASE WHEN r.lbin = 18 THEN 1 ELSE 0 END AS l18,
      CASE WHEN r.lbin = 19 THEN 1 ELSE 0 END AS l19,
      CASE WHEN r.lbin = 20 THEN 1 ELSE 0 END AS l20,
      CASE WHEN r.lbin = 21 THEN 1 ELSE 0 END AS l21,
      CASE WHEN r.lbin = 22 THEN 1 ELSE 0 END AS l22,
      CASE WHEN r.lbin = 23 THEN 1 ELSE 0 END AS l23,
      CASE WHEN r.lbin = 24 THEN 1 ELSE 0 END AS l24,
      CASE WHEN r.lbin = 25 THEN 1 ELSE 0 END AS l25,
      CASE WHEN r.lbin = 26 THEN 1 ELSE 0 END AS l26,
      CASE WHEN r.lbin = 27 THEN 1 ELSE 0 END AS l27,
      CASE WHEN r.lbin = 28 THEN 1 ELSE 0 END AS l28,
      CASE WHEN r.lbin = 29 THEN 1 ELSE 0 END AS l29,
      CASE WHEN r.lbin = 30 THEN 1 ELSE 0 END AS l30,
      CASE WHEN r.lbin = 31 THEN 1 ELSE 0 END AS l31
    FROM (SELECT x.*, CASE WHEN x."status" IN ('completed', 'failed') AND x."latencyMs" IS NOT NULL THEN dash_latency_bin(x."latencyMs") END AS lbin FROM new_rows x) r
    JOIN "Verification" v ON v."id" = r."verificationId"
    UNION ALL
    SELECT dash_hour(r."requestedAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source,
      -1 AS runs,
      CASE WHEN r."status" IN ('completed', 'failed') THEN -1 ELSE 0 END AS finished,
      CASE WHEN r."outcome" = 'error' THEN -1 ELSE 0 END AS errors,
      -1 * dash_timeouts(r."attempts") AS timeouts,
      -1 * greatest(dash_attempt_count(r."attempts") - 1, 0) AS retries,
      CASE WHEN r.lbin IS NOT NULL THEN -1 ELSE 0 END AS latency_n,
      CASE WHEN r.lbin IS NOT NULL THEN -1 * r."latencyMs" ELSE 0 END AS latency_sum_ms,
      CASE WHEN r.lbin = 0 THEN -1 ELSE 0 END AS l0,
      CASE WHEN r.lbin = 1 THEN -1 ELSE 0 END AS l1,
      CASE WHEN r.lbin = 2 THEN -1 ELSE 0 END AS l2,
      CASE WHEN r.lbin = 3 THEN -1 ELSE 0 END AS l3,
      CASE WHEN r.lbin = 4 THEN -1 ELSE 0 END AS l4,
      CASE WHEN r.lbin = 5 THEN -1 ELSE 0 END AS l5,
      CASE WHEN r.lbin = 6 THEN -1 ELSE 0 END AS l6,
      CASE WHEN r.lbin = 7 THEN -1 ELSE 0 END AS l7,
      CASE WHEN r.lbin = 8 THEN -1 ELSE 0 END AS l8,
      CASE WHEN r.lbin = 9 THEN -1 ELSE 0 END AS l9,
      CASE WHEN r.lbin = 10 THEN -1 ELSE 0 END AS l10,
      CASE WHEN r.lbin = 11 THEN -1 ELSE 0 END AS l11,
      CASE WHEN r.lbin = 12 THEN -1 ELSE 0 END AS l12,
      CASE WHEN r.lbin = 13 THEN -1 ELSE 0 END AS l13,
      CASE WHEN r.lbin = 14 THEN -1 ELSE 0 END AS l14,
      CASE WHEN r.lbin = 15 THEN -1 ELSE 0 END AS l15,
      CASE WHEN r.lbin = 16 THEN -1 ELSE 0 END AS l16,
      CASE WHEN r.lbin = 17 THEN -1 ELSE 0 END AS l17,
      CASE WHEN r.lbin = 18 THEN -1 ELSE 0 END AS l18,
      CASE WHEN r.lbin = 19 THEN -1 ELSE 0 END AS l19,
      CASE WHEN r.lbin = 20 THEN -1 ELSE 0 END AS l20,
      CASE WHEN r.lbin = 21 THEN -1 ELSE 0 END AS l21,
      CASE WHEN r.lbin = 22 THEN -1 ELSE 0 END AS l22,
      CASE WHEN r.lbin = 23 THEN -1 ELSE 0 END AS l23,
      CASE WHEN r.lbin = 24 THEN -1 ELSE 0 END AS l24,
      CASE WHEN r.lbin = 25 THEN -1 ELSE 0 END AS l25,
      CASE WHEN r.lbin = 26 THEN -1 ELSE 0 END AS l26,
      CASE WHEN r.lbin = 27 THEN -1 ELSE 0 END AS l27,
      CASE WHEN r.lbin = 28 THEN -1 ELSE 0 END AS l28,
      CASE WHEN r.lbin = 29 THEN -1 ELSE 0 END AS l29,
      CASE WHEN r.lbin = 30 THEN -1 ELSE 0 END AS l30,
      CASE WHEN r.lbin = 31 THEN -1 ELSE 0 END AS l31
    FROM (SELECT x.*, CASE WHEN x."status" IN ('completed', 'failed') AND x."latencyMs" IS NOT NULL THEN dash_latency_bin(x."latencyMs") END AS lbin FROM old_rows x) r
    JOIN "Verification" v ON v."id" = r."verificationId"
  ) AS x
  GROUP BY "hour", "vendor", "check_type", "source"
  HAVING sum("runs") <> 0 OR sum("finished") <> 0 OR sum("errors") <> 0 OR sum("timeouts") <> 0 OR sum("retries") <> 0 OR sum("latency_n") <> 0 OR sum("latency_sum_ms") <> 0 OR sum("l0") <> 0 OR sum("l1") <> 0 OR sum("l2") <> 0 OR sum("l3") <> 0 OR sum("l4") <> 0 OR sum("l5") <> 0 OR sum("l6") <> 0 OR sum("l7") <> 0 OR sum("l8") <> 0 OR sum("l9") <> 0 OR sum("l10") <> 0 OR sum("l11") <> 0 OR sum("l12") <> 0 OR sum("l13") <> 0 OR sum("l14") <> 0 OR sum("l15") <> 0 OR sum("l16") <> 0 OR sum("l17") <> 0 OR sum("l18") <> 0 OR sum("l19") <> 0 OR sum("l20") <> 0 OR sum("l21") <> 0 OR sum("l22") <> 0 OR sum("l23") <> 0 OR sum("l24") <> 0 OR sum("l25") <> 0 OR sum("l26") <> 0 OR sum("l27") <> 0 OR sum("l28") <> 0 OR sum("l29") <> 0 OR sum("l30") <> 0 OR sum("l31") <> 0;
  INSERT INTO "dash_vendor_errors_delta" ("hour", "vendor", "check_type", "source", "code", "n")
  SELECT "hour", "vendor", "check_type", "source", "code", sum("n")
  FROM (
    SELECT dash_hour(r."requestedAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source, e.code AS code, 1 AS n
    FROM new_rows r JOIN "Verification" v ON v."id" = r."verificationId" CROSS JOIN LATERAL dash_error_codes(r."normalized") AS e(code)
    WHERE r."outcome" = 'error'
    UNION ALL
    SELECT dash_hour(r."requestedAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source, e.code AS code, -1 AS n
    FROM old_rows r JOIN "Verification" v ON v."id" = r."verificationId" CROSS JOIN LATERAL dash_error_codes(r."normalized") AS e(code)
    WHERE r."outcome" = 'error'
  ) AS x
  GROUP BY "hour", "vendor", "check_type", "source", "code"
  HAVING sum("n") <> 0;
  -- Serialises writers of the same (verification, vendor): "latest attempt" needs a stable view.
  FOR p IN SELECT DISTINCT "verificationId", "vendor" FROM (SELECT "verificationId", "vendor", "id" FROM new_rows UNION ALL SELECT "verificationId", "vendor", "id" FROM old_rows) AS t ORDER BY 1, 2 LOOP
    PERFORM pg_advisory_xact_lock(74111, hashtext(p."verificationId"::text || '/' || p."vendor"::text));
  END LOOP;
  INSERT INTO "dash_outcomes_delta" ("hour", "vendor", "check_type", "source", "pairs", "pass", "fail", "review", "error")
  SELECT "hour", "vendor", "check_type", "source", sum("pairs"), sum("pass"), sum("fail"), sum("review"), sum("error")
  FROM (
    SELECT dash_hour(v."createdAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source,
      1 AS pairs,
      CASE WHEN r."outcome" = 'pass' THEN 1 ELSE 0 END AS pass,
      CASE WHEN r."outcome" = 'fail' THEN 1 ELSE 0 END AS fail,
      CASE WHEN r."outcome" = 'review' THEN 1 ELSE 0 END AS review,
      CASE WHEN r."outcome" = 'error' THEN 1 ELSE 0 END AS error
    FROM (SELECT DISTINCT ON ("verificationId", "vendor") * FROM (SELECT r.* FROM "VendorRun" r WHERE (r."verificationId", r."vendor") IN (SELECT "verificationId", "vendor" FROM (SELECT "verificationId", "vendor", "id" FROM new_rows UNION ALL SELECT "verificationId", "vendor", "id" FROM old_rows) AS t)) AS cur ORDER BY "verificationId", "vendor", "attempt" DESC) r JOIN "Verification" v ON v."id" = r."verificationId"
    UNION ALL
    SELECT dash_hour(v."createdAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source,
      -1 AS pairs,
      CASE WHEN r."outcome" = 'pass' THEN -1 ELSE 0 END AS pass,
      CASE WHEN r."outcome" = 'fail' THEN -1 ELSE 0 END AS fail,
      CASE WHEN r."outcome" = 'review' THEN -1 ELSE 0 END AS review,
      CASE WHEN r."outcome" = 'error' THEN -1 ELSE 0 END AS error
    FROM (SELECT DISTINCT ON ("verificationId", "vendor") * FROM (SELECT * FROM (SELECT r.* FROM "VendorRun" r WHERE (r."verificationId", r."vendor") IN (SELECT "verificationId", "vendor" FROM (SELECT "verificationId", "vendor", "id" FROM new_rows UNION ALL SELECT "verificationId", "vendor", "id" FROM old_rows) AS t)) AS cur WHERE cur."id" NOT IN (SELECT "id" FROM new_rows) UNION ALL SELECT * FROM old_rows) AS b ORDER BY "verificationId", "vendor", "attempt" DESC) r JOIN "Verification" v ON v."id" = r."verificationId"
  ) AS x
  GROUP BY "hour", "vendor", "check_type", "source"
  HAVING sum("pairs") <> 0 OR sum("pass") <> 0 OR sum("fail") <> 0 OR sum("review") <> 0 OR sum("error") <> 0;
  RETURN NULL;
END $$;
CREATE TRIGGER "dash_vendor_run_update" AFTER UPDATE ON "VendorRun"
  REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_vendor_run_update();

CREATE FUNCTION dash_vendor_run_delete() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  p RECORD;
BEGIN
  INSERT INTO "dash_vendor_runs_delta" ("hour", "vendor", "check_type", "source", "runs", "finished", "errors", "timeouts", "retries", "latency_n", "latency_sum_ms", "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11", "l12", "l13", "l14", "l15", "l16", "l17", "l18", "l19", "l20", "l21", "l22", "l23", "l24", "l25", "l26", "l27", "l28", "l29", "l30", "l31")
  SELECT "hour", "vendor", "check_type", "source", sum("runs"), sum("finished"), sum("errors"), sum("timeouts"), sum("retries"), sum("latency_n"), sum("latency_sum_ms"), sum("l0"), sum("l1"), sum("l2"), sum("l3"), sum("l4"), sum("l5"), sum("l6"), sum("l7"), sum("l8"), sum("l9"), sum("l10"), sum("l11"), sum("l12"), sum("l13"), sum("l14"), sum("l15"), sum("l16"), sum("l17"), sum("l18"), sum("l19"), sum("l20"), sum("l21"), sum("l22"), sum("l23"), sum("l24"), sum("l25"), sum("l26"), sum("l27"), sum("l28"), sum("l29"), sum("l30"), sum("l31")
  FROM (
    SELECT dash_hour(r."requestedAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source,
      -1 AS runs,
      CASE WHEN r."status" IN ('completed', 'failed') THEN -1 ELSE 0 END AS finished,
      CASE WHEN r."outcome" = 'error' THEN -1 ELSE 0 END AS errors,
      -1 * dash_timeouts(r."attempts") AS timeouts,
      -1 * greatest(dash_attempt_count(r."attempts") - 1, 0) AS retries,
      CASE WHEN r.lbin IS NOT NULL THEN -1 ELSE 0 END AS latency_n,
      CASE WHEN r.lbin IS NOT NULL THEN -1 * r."latencyMs" ELSE 0 END AS latency_sum_ms,
      CASE WHEN r.lbin = 0 THEN -1 ELSE 0 END AS l0,
      CASE WHEN r.lbin = 1 THEN -1 ELSE 0 END AS l1,
      CASE WHEN r.lbin = 2 THEN -1 ELSE 0 END AS l2,
      CASE WHEN r.lbin = 3 THEN -1 ELSE 0 END AS l3,
      CASE WHEN r.lbin = 4 THEN -1 ELSE 0 END AS l4,
      CASE WHEN r.lbin = 5 THEN -1 ELSE 0 END AS l5,
      CASE WHEN r.lbin = 6 THEN -1 ELSE 0 END AS l6,
      CASE WHEN r.lbin = 7 THEN -1 ELSE 0 END AS l7,
      CASE WHEN r.lbin = 8 THEN -1 ELSE 0 END AS l8,
      CASE WHEN r.lbin = 9 THEN -1 ELSE 0 END AS l9,
      CASE WHEN r.lbin = 10 THEN -1 ELSE 0 END AS l10,
      CASE WHEN r.lbin = 11 THEN -1 ELSE 0 END AS l11,
      CASE WHEN r.lbin = 12 THEN -1 ELSE 0 END AS l12,
      CASE WHEN r.lbin = 13 THEN -1 ELSE 0 END AS l13,
      CASE WHEN r.lbin = 14 THEN -1 ELSE 0 END AS l14,
      CASE WHEN r.lbin = 15 THEN -1 ELSE 0 END AS l15,
      CASE WHEN r.lbin = 16 THEN -1 ELSE 0 END AS l16,
      CASE WHEN r.lbin = 17 THEN -1 ELSE 0 END AS l17,
      CASE WHEN r.lbin = 18 THEN -1 ELSE 0 END AS l18,
      CASE WHEN r.lbin = 19 THEN -1 ELSE 0 END AS l19,
      CASE WHEN r.lbin = 20 THEN -1 ELSE 0 END AS l20,
      CASE WHEN r.lbin = 21 THEN -1 ELSE 0 END AS l21,
      CASE WHEN r.lbin = 22 THEN -1 ELSE 0 END AS l22,
      CASE WHEN r.lbin = 23 THEN -1 ELSE 0 END AS l23,
      CASE WHEN r.lbin = 24 THEN -1 ELSE 0 END AS l24,
      CASE WHEN r.lbin = 25 THEN -1 ELSE 0 END AS l25,
      CASE WHEN r.lbin = 26 THEN -1 ELSE 0 END AS l26,
      CASE WHEN r.lbin = 27 THEN -1 ELSE 0 END AS l27,
      CASE WHEN r.lbin = 28 THEN -1 ELSE 0 END AS l28,
      CASE WHEN r.lbin = 29 THEN -1 ELSE 0 END AS l29,
      CASE WHEN r.lbin = 30 THEN -1 ELSE 0 END AS l30,
      CASE WHEN r.lbin = 31 THEN -1 ELSE 0 END AS l31
    FROM (SELECT x.*, CASE WHEN x."status" IN ('completed', 'failed') AND x."latencyMs" IS NOT NULL THEN dash_latency_bin(x."latencyMs") END AS lbin FROM old_rows x) r
    JOIN "Verification" v ON v."id" = r."verificationId"
  ) AS x
  GROUP BY "hour", "vendor", "check_type", "source"
  HAVING sum("runs") <> 0 OR sum("finished") <> 0 OR sum("errors") <> 0 OR sum("timeouts") <> 0 OR sum("retries") <> 0 OR sum("latency_n") <> 0 OR sum("latency_sum_ms") <> 0 OR sum("l0") <> 0 OR sum("l1") <> 0 OR sum("l2") <> 0 OR sum("l3") <> 0 OR sum("l4") <> 0 OR sum("l5") <> 0 OR sum("l6") <> 0 OR sum("l7") <> 0 OR sum("l8") <> 0 OR sum("l9") <> 0 OR sum("l10") <> 0 OR sum("l11") <> 0 OR sum("l12") <> 0 OR sum("l13") <> 0 OR sum("l14") <> 0 OR sum("l15") <> 0 OR sum("l16") <> 0 OR sum("l17") <> 0 OR sum("l18") <> 0 OR sum("l19") <> 0 OR sum("l20") <> 0 OR sum("l21") <> 0 OR sum("l22") <> 0 OR sum("l23") <> 0 OR sum("l24") <> 0 OR sum("l25") <> 0 OR sum("l26") <> 0 OR sum("l27") <> 0 OR sum("l28") <> 0 OR sum("l29") <> 0 OR sum("l30") <> 0 OR sum("l31") <> 0;
  INSERT INTO "dash_vendor_errors_delta" ("hour", "vendor", "check_type", "source", "code", "n")
  SELECT "hour", "vendor", "check_type", "source", "code", sum("n")
  FROM (
    SELECT dash_hour(r."requestedAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source, e.code AS code, -1 AS n
    FROM old_rows r JOIN "Verification" v ON v."id" = r."verificationId" CROSS JOIN LATERAL dash_error_codes(r."normalized") AS e(code)
    WHERE r."outcome" = 'error'
  ) AS x
  GROUP BY "hour", "vendor", "check_type", "source", "code"
  HAVING sum("n") <> 0;
  -- Serialises writers of the same (verification, vendor): "latest attempt" needs a stable view.
  FOR p IN SELECT DISTINCT "verificationId", "vendor" FROM (SELECT "verificationId", "vendor", "id" FROM old_rows) AS t ORDER BY 1, 2 LOOP
    PERFORM pg_advisory_xact_lock(74111, hashtext(p."verificationId"::text || '/' || p."vendor"::text));
  END LOOP;
  INSERT INTO "dash_outcomes_delta" ("hour", "vendor", "check_type", "source", "pairs", "pass", "fail", "review", "error")
  SELECT "hour", "vendor", "check_type", "source", sum("pairs"), sum("pass"), sum("fail"), sum("review"), sum("error")
  FROM (
    SELECT dash_hour(v."createdAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source,
      1 AS pairs,
      CASE WHEN r."outcome" = 'pass' THEN 1 ELSE 0 END AS pass,
      CASE WHEN r."outcome" = 'fail' THEN 1 ELSE 0 END AS fail,
      CASE WHEN r."outcome" = 'review' THEN 1 ELSE 0 END AS review,
      CASE WHEN r."outcome" = 'error' THEN 1 ELSE 0 END AS error
    FROM (SELECT DISTINCT ON ("verificationId", "vendor") * FROM (SELECT r.* FROM "VendorRun" r WHERE (r."verificationId", r."vendor") IN (SELECT "verificationId", "vendor" FROM (SELECT "verificationId", "vendor", "id" FROM old_rows) AS t)) AS cur ORDER BY "verificationId", "vendor", "attempt" DESC) r JOIN "Verification" v ON v."id" = r."verificationId"
    UNION ALL
    SELECT dash_hour(v."createdAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source,
      -1 AS pairs,
      CASE WHEN r."outcome" = 'pass' THEN -1 ELSE 0 END AS pass,
      CASE WHEN r."outcome" = 'fail' THEN -1 ELSE 0 END AS fail,
      CASE WHEN r."outcome" = 'review' THEN -1 ELSE 0 END AS review,
      CASE WHEN r."outcome" = 'error' THEN -1 ELSE 0 END AS error
    FROM (SELECT DISTINCT ON ("verificationId", "vendor") * FROM (SELECT * FROM (SELECT r.* FROM "VendorRun" r WHERE (r."verificationId", r."vendor") IN (SELECT "verificationId", "vendor" FROM (SELECT "verificationId", "vendor", "id" FROM old_rows) AS t)) AS cur WHERE true UNION ALL SELECT * FROM old_rows) AS b ORDER BY "verificationId", "vendor", "attempt" DESC) r JOIN "Verification" v ON v."id" = r."verificationId"
  ) AS x
  GROUP BY "hour", "vendor", "check_type", "source"
  HAVING sum("pairs") <> 0 OR sum("pass") <> 0 OR sum("fail") <> 0 OR sum("review") <> 0 OR sum("error") <> 0;
  RETURN NULL;
END $$;
CREATE TRIGGER "dash_vendor_run_delete" AFTER DELETE ON "VendorRun"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_vendor_run_delete();

-- ReviewCase: opened and decided counts, time to decision, SLA breaches, and the open cases by rule.
CREATE FUNCTION dash_review_case_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "dash_case_flow_delta" ("hour", "check_type", "source", "opened", "decided", "breached", "ttd_n", "ttd_sum_ms", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11", "t12", "t13", "t14", "t15", "t16", "t17", "t18", "t19", "t20", "t21", "t22", "t23", "t24", "t25", "t26", "t27", "t28", "t29", "t30", "t31")
  SELECT "hour", "check_type", "source", sum("opened"), sum("decided"), sum("breached"), sum("ttd_n"), sum("ttd_sum_ms"), sum("t0"), sum("t1"), sum("t2"), sum("t3"), sum("t4"), sum("t5"), sum("t6"), sum("t7"), sum("t8"), sum("t9"), sum("t10"), sum("t11"), sum("t12"), sum("t13"), sum("t14"), sum("t15"), sum("t16"), sum("t17"), sum("t18"), sum("t19"), sum("t20"), sum("t21"), sum("t22"), sum("t23"), sum("t24"), sum("t25"), sum("t26"), sum("t27"), sum("t28"), sum("t29"), sum("t30"), sum("t31")
  FROM (
    SELECT dash_hour(c."openedAt") AS hour, c."checkType" AS check_type, v."source" AS source,
      1 AS opened, 0 AS decided, 0 AS breached, 0 AS ttd_n, 0 AS ttd_sum_ms, 0 AS t0, 0 AS t1, 0 AS t2, 0 AS t3, 0 AS t4, 0 AS t5, 0 AS t6, 0 AS t7, 0 AS t8, 0 AS t9, 0 AS t10, 0 AS t11, 0 AS t12, 0 AS t13, 0 AS t14, 0 AS t15, 0 AS t16, 0 AS t17, 0 AS t18, 0 AS t19, 0 AS t20, 0 AS t21, 0 AS t22, 0 AS t23, 0 AS t24, 0 AS t25, 0 AS t26, 0 AS t27, 0 AS t28, 0 AS t29, 0 AS t30, 0 AS t31
    FROM new_rows c JOIN "Verification" v ON v."id" = c."verificationId"
    UNION ALL
    SELECT dash_hour(c."decidedAt"), c."checkType", v."source",
      0, 1, CASE WHEN c."slaDueAt" IS NOT NULL AND c."decidedAt" > c."slaDueAt" THEN 1 ELSE 0 END, 1,
      1 * round(extract(epoch FROM c."decidedAt" - c."openedAt") * 1000)::bigint,
      CASE WHEN c.tbin = 0 THEN 1 ELSE 0 END AS t0,
      CASE WHEN c.tbin = 1 THEN 1 ELSE 0 END AS t1,
      CASE WHEN c.tbin = 2 THEN 1 ELSE 0 END AS t2,
      CASE WHEN c.tbin = 3 THEN 1 ELSE 0 END AS t3,
      CASE WHEN c.tbin = 4 THEN 1 ELSE 0 END AS t4,
      CASE WHEN c.tbin = 5 THEN 1 ELSE 0 END AS t5,
      CASE WHEN c.tbin = 6 THEN 1 ELSE 0 END AS t6,
      CASE WHEN c.tbin = 7 THEN 1 ELSE 0 END AS t7,
      CASE WHEN c.tbin = 8 THEN 1 ELSE 0 END AS t8,
      CASE WHEN c.tbin = 9 THEN 1 ELSE 0 END AS t9,
      CASE WHEN c.tbin = 10 THEN 1 ELSE 0 END AS t10,
      CASE WHEN c.tbin = 11 THEN 1 ELSE 0 END AS t11,
      CASE WHEN c.tbin = 12 THEN 1 ELSE 0 END AS t12,
      CASE WHEN c.tbin = 13 THEN 1 ELSE 0 END AS t13,
      CASE WHEN c.tbin = 14 THEN 1 ELSE 0 END AS t14,
      CASE WHEN c.tbin = 15 THEN 1 ELSE 0 END AS t15,
      CASE WHEN c.tbin = 16 THEN 1 ELSE 0 END AS t16,
      CASE WHEN c.tbin = 17 THEN 1 ELSE 0 END AS t17,
      CASE WHEN c.tbin = 18 THEN 1 ELSE 0 END AS t18,
      CASE WHEN c.tbin = 19 THEN 1 ELSE 0 END AS t19,
      CASE WHEN c.tbin = 20 THEN 1 ELSE 0 END AS t20,
      CASE WHEN c.tbin = 21 THEN 1 ELSE 0 END AS t21,
      CASE WHEN c.tbin = 22 THEN 1 ELSE 0 END AS t22,
      CASE WHEN c.tbin = 23 THEN 1 ELSE 0 END AS t23,
      CASE WHEN c.tbin = 24 THEN 1 ELSE 0 END AS t24,
      CASE WHEN c.tbin = 25 THEN 1 ELSE 0 END AS t25,
      CASE WHEN c.tbin = 26 THEN 1 ELSE 0 END AS t26,
      CASE WHEN c.tbin = 27 THEN 1 ELSE 0 END AS t27,
      CASE WHEN c.tbin = 28 THEN 1 ELSE 0 END AS t28,
      CASE WHEN c.tbin = 29 THEN 1 ELSE 0 END AS t29,
      CASE WHEN c.tbin = 30 THEN 1 ELSE 0 END AS t30,
      CASE WHEN c.tbin = 31 THEN 1 ELSE 0 END AS t31
    FROM (SELECT x.*, dash_ttd_bin(x."decidedAt" - x."openedAt") AS tbin FROM new_rows x WHERE x."status" = 'decided' AND x."decidedAt" IS NOT NULL) c
    JOIN "Verification" v ON v."id" = c."verificationId"
  ) AS x
  GROUP BY "hour", "check_type", "source"
  HAVING sum("opened") <> 0 OR sum("decided") <> 0 OR sum("breached") <> 0 OR sum("ttd_n") <> 0 OR sum("ttd_sum_ms") <> 0 OR sum("t0") <> 0 OR sum("t1") <> 0 OR sum("t2") <> 0 OR sum("t3") <> 0 OR sum("t4") <> 0 OR sum("t5") <> 0 OR sum("t6") <> 0 OR sum("t7") <> 0 OR sum("t8") <> 0 OR sum("t9") <> 0 OR sum("t10") <> 0 OR sum("t11") <> 0 OR sum("t12") <> 0 OR sum("t13") <> 0 OR sum("t14") <> 0 OR sum("t15") <> 0 OR sum("t16") <> 0 OR sum("t17") <> 0 OR sum("t18") <> 0 OR sum("t19") <> 0 OR sum("t20") <> 0 OR sum("t21") <> 0 OR sum("t22") <> 0 OR sum("t23") <> 0 OR sum("t24") <> 0 OR sum("t25") <> 0 OR sum("t26") <> 0 OR sum("t27") <> 0 OR sum("t28") <> 0 OR sum("t29") <> 0 OR sum("t30") <> 0 OR sum("t31") <> 0;
  INSERT INTO "dash_open_cases_delta" ("opened_hour", "check_type", "source", "rule", "n")
  SELECT "opened_hour", "check_type", "source", "rule", sum("n")
  FROM (
    SELECT dash_hour(c."openedAt") AS opened_hour, c."checkType" AS check_type, v."source" AS source, rr.rule AS rule, 1 AS n
    FROM new_rows c JOIN "Verification" v ON v."id" = c."verificationId" CROSS JOIN LATERAL dash_case_rules(c."rules") AS rr(rule)
    WHERE c."status" <> 'decided'
  ) AS x
  GROUP BY "opened_hour", "check_type", "source", "rule"
  HAVING sum("n") <> 0;
  INSERT INTO "dash_open_sla_delta" ("sla_hour", "check_type", "source", "n")
  SELECT "sla_hour", "check_type", "source", sum("n")
  FROM (
    SELECT dash_hour(c."slaDueAt") AS sla_hour, c."checkType" AS check_type, v."source" AS source, 1 AS n
    FROM new_rows c JOIN "Verification" v ON v."id" = c."verificationId"
    WHERE c."status" <> 'decided' AND c."slaDueAt" IS NOT NULL
  ) AS x
  GROUP BY "sla_hour", "check_type", "source"
  HAVING sum("n") <> 0;
  RETURN NULL;
END $$;
CREATE TRIGGER "dash_review_case_insert" AFTER INSERT ON "ReviewCase"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_review_case_insert();

CREATE FUNCTION dash_review_case_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "dash_case_flow_delta" ("hour", "check_type", "source", "opened", "decided", "breached", "ttd_n", "ttd_sum_ms", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11", "t12", "t13", "t14", "t15", "t16", "t17", "t18", "t19", "t20", "t21", "t22", "t23", "t24", "t25", "t26", "t27", "t28", "t29", "t30", "t31")
  SELECT "hour", "check_type", "source", sum("opened"), sum("decided"), sum("breached"), sum("ttd_n"), sum("ttd_sum_ms"), sum("t0"), sum("t1"), sum("t2"), sum("t3"), sum("t4"), sum("t5"), sum("t6"), sum("t7"), sum("t8"), sum("t9"), sum("t10"), sum("t11"), sum("t12"), sum("t13"), sum("t14"), sum("t15"), sum("t16"), sum("t17"), sum("t18"), sum("t19"), sum("t20"), sum("t21"), sum("t22"), sum("t23"), sum("t24"), sum("t25"), sum("t26"), sum("t27"), sum("t28"), sum("t29"), sum("t30"), sum("t31")
  FROM (
    SELECT dash_hour(c."openedAt") AS hour, c."checkType" AS check_type, v."source" AS source,
      1 AS opened, 0 AS decided, 0 AS breached, 0 AS ttd_n, 0 AS ttd_sum_ms, 0 AS t0, 0 AS t1, 0 AS t2, 0 AS t3, 0 AS t4, 0 AS t5, 0 AS t6, 0 AS t7, 0 AS t8, 0 AS t9, 0 AS t10, 0 AS t11, 0 AS t12, 0 AS t13, 0 AS t14, 0 AS t15, 0 AS t16, 0 AS t17, 0 AS t18, 0 AS t19, 0 AS t20, 0 AS t21, 0 AS t22, 0 AS t23, 0 AS t24, 0 AS t25, 0 AS t26, 0 AS t27, 0 AS t28, 0 AS t29, 0 AS t30, 0 AS t31
    FROM new_rows c JOIN "Verification" v ON v."id" = c."verificationId"
    UNION ALL
    SELECT dash_hour(c."decidedAt"), c."checkType", v."source",
      0, 1, CASE WHEN c."slaDueAt" IS NOT NULL AND c."decidedAt" > c."slaDueAt" THEN 1 ELSE 0 END, 1,
      1 * round(extract(epoch FROM c."decidedAt" - c."openedAt") * 1000)::bigint,
      CASE WHEN c.tbin = 0 THEN 1 ELSE 0 END AS t0,
      CASE WHEN c.tbin = 1 THEN 1 ELSE 0 END AS t1,
      CASE WHEN c.tbin = 2 THEN 1 ELSE 0 END AS t2,
      CASE WHEN c.tbin = 3 THEN 1 ELSE 0 END AS t3,
      CASE WHEN c.tbin = 4 THEN 1 ELSE 0 END AS t4,
      CASE WHEN c.tbin = 5 THEN 1 ELSE 0 END AS t5,
      CASE WHEN c.tbin = 6 THEN 1 ELSE 0 END AS t6,
      CASE WHEN c.tbin = 7 THEN 1 ELSE 0 END AS t7,
      CASE WHEN c.tbin = 8 THEN 1 ELSE 0 END AS t8,
      CASE WHEN c.tbin = 9 THEN 1 ELSE 0 END AS t9,
      CASE WHEN c.tbin = 10 THEN 1 ELSE 0 END AS t10,
      CASE WHEN c.tbin = 11 THEN 1 ELSE 0 END AS t11,
      CASE WHEN c.tbin = 12 THEN 1 ELSE 0 END AS t12,
      CASE WHEN c.tbin = 13 THEN 1 ELSE 0 END AS t13,
      CASE WHEN c.tbin = 14 THEN 1 ELSE 0 END AS t14,
      CASE WHEN c.tbin = 15 THEN 1 ELSE 0 END AS t15,
      CASE WHEN c.tbin = 16 THEN 1 ELSE 0 END AS t16,
      CASE WHEN c.tbin = 17 THEN 1 ELSE 0 END AS t17,
      CASE WHEN c.tbin = 18 THEN 1 ELSE 0 END AS t18,
      CASE WHEN c.tbin = 19 THEN 1 ELSE 0 END AS t19,
      CASE WHEN c.tbin = 20 THEN 1 ELSE 0 END AS t20,
      CASE WHEN c.tbin = 21 THEN 1 ELSE 0 END AS t21,
      CASE WHEN c.tbin = 22 THEN 1 ELSE 0 END AS t22,
      CASE WHEN c.tbin = 23 THEN 1 ELSE 0 END AS t23,
      CASE WHEN c.tbin = 24 THEN 1 ELSE 0 END AS t24,
      CASE WHEN c.tbin = 25 THEN 1 ELSE 0 END AS t25,
      CASE WHEN c.tbin = 26 THEN 1 ELSE 0 END AS t26,
      CASE WHEN c.tbin = 27 THEN 1 ELSE 0 END AS t27,
      CASE WHEN c.tbin = 28 THEN 1 ELSE 0 END AS t28,
      CASE WHEN c.tbin = 29 THEN 1 ELSE 0 END AS t29,
      CASE WHEN c.tbin = 30 THEN 1 ELSE 0 END AS t30,
      CASE WHEN c.tbin = 31 THEN 1 ELSE 0 END AS t31
    FROM (SELECT x.*, dash_ttd_bin(x."decidedAt" - x."openedAt") AS tbin FROM new_rows x WHERE x."status" = 'decided' AND x."decidedAt" IS NOT NULL) c
    JOIN "Verification" v ON v."id" = c."verificationId"
    UNION ALL
    SELECT dash_hour(c."openedAt") AS hour, c."checkType" AS check_type, v."source" AS source,
      -1 AS opened, 0 AS decided, 0 AS breached, 0 AS ttd_n, 0 AS ttd_sum_ms, 0 AS t0, 0 AS t1, 0 AS t2, 0 AS t3, 0 AS t4, 0 AS t5, 0 AS t6, 0 AS t7, 0 AS t8, 0 AS t9, 0 AS t10, 0 AS t11, 0 AS t12, 0 AS t13, 0 AS t14, 0 AS t15, 0 AS t16, 0 AS t17, 0 AS t18, 0 AS t19, 0 AS t20, 0 AS t21, 0 AS t22, 0 AS t23, 0 AS t24, 0 AS t25, 0 AS t26, 0 AS t27, 0 AS t28, 0 AS t29, 0 AS t30, 0 AS t31
    FROM old_rows c JOIN "Verification" v ON v."id" = c."verificationId"
    UNION ALL
    SELECT dash_hour(c."decidedAt"), c."checkType", v."source",
      0, -1, CASE WHEN c."slaDueAt" IS NOT NULL AND c."decidedAt" > c."slaDueAt" THEN -1 ELSE 0 END, -1,
      -1 * round(extract(epoch FROM c."decidedAt" - c."openedAt") * 1000)::bigint,
      CASE WHEN c.tbin = 0 THEN -1 ELSE 0 END AS t0,
      CASE WHEN c.tbin = 1 THEN -1 ELSE 0 END AS t1,
      CASE WHEN c.tbin = 2 THEN -1 ELSE 0 END AS t2,
      CASE WHEN c.tbin = 3 THEN -1 ELSE 0 END AS t3,
      CASE WHEN c.tbin = 4 THEN -1 ELSE 0 END AS t4,
      CASE WHEN c.tbin = 5 THEN -1 ELSE 0 END AS t5,
      CASE WHEN c.tbin = 6 THEN -1 ELSE 0 END AS t6,
      CASE WHEN c.tbin = 7 THEN -1 ELSE 0 END AS t7,
      CASE WHEN c.tbin = 8 THEN -1 ELSE 0 END AS t8,
      CASE WHEN c.tbin = 9 THEN -1 ELSE 0 END AS t9,
      CASE WHEN c.tbin = 10 THEN -1 ELSE 0 END AS t10,
      CASE WHEN c.tbin = 11 THEN -1 ELSE 0 END AS t11,
      CASE WHEN c.tbin = 12 THEN -1 ELSE 0 END AS t12,
      CASE WHEN c.tbin = 13 THEN -1 ELSE 0 END AS t13,
      CASE WHEN c.tbin = 14 THEN -1 ELSE 0 END AS t14,
      CASE WHEN c.tbin = 15 THEN -1 ELSE 0 END AS t15,
      CASE WHEN c.tbin = 16 THEN -1 ELSE 0 END AS t16,
      CASE WHEN c.tbin = 17 THEN -1 ELSE 0 END AS t17,
      CASE WHEN c.tbin = 18 THEN -1 ELSE 0 END AS t18,
      CASE WHEN c.tbin = 19 THEN -1 ELSE 0 END AS t19,
      CASE WHEN c.tbin = 20 THEN -1 ELSE 0 END AS t20,
      CASE WHEN c.tbin = 21 THEN -1 ELSE 0 END AS t21,
      CASE WHEN c.tbin = 22 THEN -1 ELSE 0 END AS t22,
      CASE WHEN c.tbin = 23 THEN -1 ELSE 0 END AS t23,
      CASE WHEN c.tbin = 24 THEN -1 ELSE 0 END AS t24,
      CASE WHEN c.tbin = 25 THEN -1 ELSE 0 END AS t25,
      CASE WHEN c.tbin = 26 THEN -1 ELSE 0 END AS t26,
      CASE WHEN c.tbin = 27 THEN -1 ELSE 0 END AS t27,
      CASE WHEN c.tbin = 28 THEN -1 ELSE 0 END AS t28,
      CASE WHEN c.tbin = 29 THEN -1 ELSE 0 END AS t29,
      CASE WHEN c.tbin = 30 THEN -1 ELSE 0 END AS t30,
      CASE WHEN c.tbin = 31 THEN -1 ELSE 0 END AS t31
    FROM (SELECT x.*, dash_ttd_bin(x."decidedAt" - x."openedAt") AS tbin FROM old_rows x WHERE x."status" = 'decided' AND x."decidedAt" IS NOT NULL) c
    JOIN "Verification" v ON v."id" = c."verificationId"
  ) AS x
  GROUP BY "hour", "check_type", "source"
  HAVING sum("opened") <> 0 OR sum("decided") <> 0 OR sum("breached") <> 0 OR sum("ttd_n") <> 0 OR sum("ttd_sum_ms") <> 0 OR sum("t0") <> 0 OR sum("t1") <> 0 OR sum("t2") <> 0 OR sum("t3") <> 0 OR sum("t4") <> 0 OR sum("t5") <> 0 OR sum("t6") <> 0 OR sum("t7") <> 0 OR sum("t8") <> 0 OR sum("t9") <> 0 OR sum("t10") <> 0 OR sum("t11") <> 0 OR sum("t12") <> 0 OR sum("t13") <> 0 OR sum("t14") <> 0 OR sum("t15") <> 0 OR sum("t16") <> 0 OR sum("t17") <> 0 OR sum("t18") <> 0 OR sum("t19") <> 0 OR sum("t20") <> 0 OR sum("t21") <> 0 OR sum("t22") <> 0 OR sum("t23") <> 0 OR sum("t24") <> 0 OR sum("t25") <> 0 OR sum("t26") <> 0 OR sum("t27") <> 0 OR sum("t28") <> 0 OR sum("t29") <> 0 OR sum("t30") <> 0 OR sum("t31") <> 0;
  INSERT INTO "dash_open_cases_delta" ("opened_hour", "check_type", "source", "rule", "n")
  SELECT "opened_hour", "check_type", "source", "rule", sum("n")
  FROM (
    SELECT dash_hour(c."openedAt") AS opened_hour, c."checkType" AS check_type, v."source" AS source, rr.rule AS rule, 1 AS n
    FROM new_rows c JOIN "Verification" v ON v."id" = c."verificationId" CROSS JOIN LATERAL dash_case_rules(c."rules") AS rr(rule)
    WHERE c."status" <> 'decided'
    UNION ALL
    SELECT dash_hour(c."openedAt") AS opened_hour, c."checkType" AS check_type, v."source" AS source, rr.rule AS rule, -1 AS n
    FROM old_rows c JOIN "Verification" v ON v."id" = c."verificationId" CROSS JOIN LATERAL dash_case_rules(c."rules") AS rr(rule)
    WHERE c."status" <> 'decided'
  ) AS x
  GROUP BY "opened_hour", "check_type", "source", "rule"
  HAVING sum("n") <> 0;
  INSERT INTO "dash_open_sla_delta" ("sla_hour", "check_type", "source", "n")
  SELECT "sla_hour", "check_type", "source", sum("n")
  FROM (
    SELECT dash_hour(c."slaDueAt") AS sla_hour, c."checkType" AS check_type, v."source" AS source, 1 AS n
    FROM new_rows c JOIN "Verification" v ON v."id" = c."verificationId"
    WHERE c."status" <> 'decided' AND c."slaDueAt" IS NOT NULL
    UNION ALL
    SELECT dash_hour(c."slaDueAt") AS sla_hour, c."checkType" AS check_type, v."source" AS source, -1 AS n
    FROM old_rows c JOIN "Verification" v ON v."id" = c."verificationId"
    WHERE c."status" <> 'decided' AND c."slaDueAt" IS NOT NULL
  ) AS x
  GROUP BY "sla_hour", "check_type", "source"
  HAVING sum("n") <> 0;
  -- A case that changes check type or verification takes its decisions along.
  IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE (o."checkType", o."verificationId") IS DISTINCT FROM (n."checkType", n."verificationId")) THEN
    INSERT INTO "dash_decisions_delta" ("hour", "reviewer_id", "check_type", "source", "kind", "n", "overrides")
  SELECT "hour", "reviewer_id", "check_type", "source", "kind", sum("n"), sum("overrides")
  FROM (
    SELECT dash_hour(d."createdAt") AS hour, d."decidedById" AS reviewer_id, c."checkType" AS check_type, v."source" AS source, d."kind" AS kind,
      1 AS n, CASE WHEN d."overridesVendor" THEN 1 ELSE 0 END AS overrides
    FROM (SELECT * FROM "Decision" WHERE "caseId" IN (SELECT "id" FROM new_rows)) d JOIN new_rows c ON c."id" = d."caseId" JOIN "Verification" v ON v."id" = c."verificationId"
    UNION ALL
    SELECT dash_hour(d."createdAt") AS hour, d."decidedById" AS reviewer_id, c."checkType" AS check_type, v."source" AS source, d."kind" AS kind,
      -1 AS n, CASE WHEN d."overridesVendor" THEN -1 ELSE 0 END AS overrides
    FROM (SELECT * FROM "Decision" WHERE "caseId" IN (SELECT "id" FROM old_rows)) d JOIN old_rows c ON c."id" = d."caseId" JOIN "Verification" v ON v."id" = c."verificationId"
  ) AS x
  GROUP BY "hour", "reviewer_id", "check_type", "source", "kind"
  HAVING sum("n") <> 0 OR sum("overrides") <> 0;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "dash_review_case_update" AFTER UPDATE ON "ReviewCase"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_review_case_update();

-- Before a case is deleted, its own counts and its decisions' go (the decisions' own trigger finds
-- no case once the cascade reaches them).
CREATE FUNCTION dash_review_case_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "dash_case_flow_delta" ("hour", "check_type", "source", "opened", "decided", "breached", "ttd_n", "ttd_sum_ms", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11", "t12", "t13", "t14", "t15", "t16", "t17", "t18", "t19", "t20", "t21", "t22", "t23", "t24", "t25", "t26", "t27", "t28", "t29", "t30", "t31")
  SELECT "hour", "check_type", "source", sum("opened"), sum("decided"), sum("breached"), sum("ttd_n"), sum("ttd_sum_ms"), sum("t0"), sum("t1"), sum("t2"), sum("t3"), sum("t4"), sum("t5"), sum("t6"), sum("t7"), sum("t8"), sum("t9"), sum("t10"), sum("t11"), sum("t12"), sum("t13"), sum("t14"), sum("t15"), sum("t16"), sum("t17"), sum("t18"), sum("t19"), sum("t20"), sum("t21"), sum("t22"), sum("t23"), sum("t24"), sum("t25"), sum("t26"), sum("t27"), sum("t28"), sum("t29"), sum("t30"), sum("t31")
  FROM (
    SELECT dash_hour(c."openedAt") AS hour, c."checkType" AS check_type, v."source" AS source,
      -1 AS opened, 0 AS decided, 0 AS breached, 0 AS ttd_n, 0 AS ttd_sum_ms, 0 AS t0, 0 AS t1, 0 AS t2, 0 AS t3, 0 AS t4, 0 AS t5, 0 AS t6, 0 AS t7, 0 AS t8, 0 AS t9, 0 AS t10, 0 AS t11, 0 AS t12, 0 AS t13, 0 AS t14, 0 AS t15, 0 AS t16, 0 AS t17, 0 AS t18, 0 AS t19, 0 AS t20, 0 AS t21, 0 AS t22, 0 AS t23, 0 AS t24, 0 AS t25, 0 AS t26, 0 AS t27, 0 AS t28, 0 AS t29, 0 AS t30, 0 AS t31
    FROM (SELECT OLD.*) c JOIN "Verification" v ON v."id" = c."verificationId"
    UNION ALL
    SELECT dash_hour(c."decidedAt"), c."checkType", v."source",
      0, -1, CASE WHEN c."slaDueAt" IS NOT NULL AND c."decidedAt" > c."slaDueAt" THEN -1 ELSE 0 END, -1,
      -1 * round(extract(epoch FROM c."decidedAt" - c."openedAt") * 1000)::bigint,
      CASE WHEN c.tbin = 0 THEN -1 ELSE 0 END AS t0,
      CASE WHEN c.tbin = 1 THEN -1 ELSE 0 END AS t1,
      CASE WHEN c.tbin = 2 THEN -1 ELSE 0 END AS t2,
      CASE WHEN c.tbin = 3 THEN -1 ELSE 0 END AS t3,
      CASE WHEN c.tbin = 4 THEN -1 ELSE 0 END AS t4,
      CASE WHEN c.tbin = 5 THEN -1 ELSE 0 END AS t5,
      CASE WHEN c.tbin = 6 THEN -1 ELSE 0 END AS t6,
      CASE WHEN c.tbin = 7 THEN -1 ELSE 0 END AS t7,
      CASE WHEN c.tbin = 8 THEN -1 ELSE 0 END AS t8,
      CASE WHEN c.tbin = 9 THEN -1 ELSE 0 END AS t9,
      CASE WHEN c.tbin = 10 THEN -1 ELSE 0 END AS t10,
      CASE WHEN c.tbin = 11 THEN -1 ELSE 0 END AS t11,
      CASE WHEN c.tbin = 12 THEN -1 ELSE 0 END AS t12,
      CASE WHEN c.tbin = 13 THEN -1 ELSE 0 END AS t13,
      CASE WHEN c.tbin = 14 THEN -1 ELSE 0 END AS t14,
      CASE WHEN c.tbin = 15 THEN -1 ELSE 0 END AS t15,
      CASE WHEN c.tbin = 16 THEN -1 ELSE 0 END AS t16,
      CASE WHEN c.tbin = 17 THEN -1 ELSE 0 END AS t17,
      CASE WHEN c.tbin = 18 THEN -1 ELSE 0 END AS t18,
      CASE WHEN c.tbin = 19 THEN -1 ELSE 0 END AS t19,
      CASE WHEN c.tbin = 20 THEN -1 ELSE 0 END AS t20,
      CASE WHEN c.tbin = 21 THEN -1 ELSE 0 END AS t21,
      CASE WHEN c.tbin = 22 THEN -1 ELSE 0 END AS t22,
      CASE WHEN c.tbin = 23 THEN -1 ELSE 0 END AS t23,
      CASE WHEN c.tbin = 24 THEN -1 ELSE 0 END AS t24,
      CASE WHEN c.tbin = 25 THEN -1 ELSE 0 END AS t25,
      CASE WHEN c.tbin = 26 THEN -1 ELSE 0 END AS t26,
      CASE WHEN c.tbin = 27 THEN -1 ELSE 0 END AS t27,
      CASE WHEN c.tbin = 28 THEN -1 ELSE 0 END AS t28,
      CASE WHEN c.tbin = 29 THEN -1 ELSE 0 END AS t29,
      CASE WHEN c.tbin = 30 THEN -1 ELSE 0 END AS t30,
      CASE WHEN c.tbin = 31 THEN -1 ELSE 0 END AS t31
    FROM (SELECT x.*, dash_ttd_bin(x."decidedAt" - x."openedAt") AS tbin FROM (SELECT OLD.*) x WHERE x."status" = 'decided' AND x."decidedAt" IS NOT NULL) c
    JOIN "Verification" v ON v."id" = c."verificationId"
  ) AS x
  GROUP BY "hour", "check_type", "source"
  HAVING sum("opened") <> 0 OR sum("decided") <> 0 OR sum("breached") <> 0 OR sum("ttd_n") <> 0 OR sum("ttd_sum_ms") <> 0 OR sum("t0") <> 0 OR sum("t1") <> 0 OR sum("t2") <> 0 OR sum("t3") <> 0 OR sum("t4") <> 0 OR sum("t5") <> 0 OR sum("t6") <> 0 OR sum("t7") <> 0 OR sum("t8") <> 0 OR sum("t9") <> 0 OR sum("t10") <> 0 OR sum("t11") <> 0 OR sum("t12") <> 0 OR sum("t13") <> 0 OR sum("t14") <> 0 OR sum("t15") <> 0 OR sum("t16") <> 0 OR sum("t17") <> 0 OR sum("t18") <> 0 OR sum("t19") <> 0 OR sum("t20") <> 0 OR sum("t21") <> 0 OR sum("t22") <> 0 OR sum("t23") <> 0 OR sum("t24") <> 0 OR sum("t25") <> 0 OR sum("t26") <> 0 OR sum("t27") <> 0 OR sum("t28") <> 0 OR sum("t29") <> 0 OR sum("t30") <> 0 OR sum("t31") <> 0;
  INSERT INTO "dash_open_cases_delta" ("opened_hour", "check_type", "source", "rule", "n")
  SELECT "opened_hour", "check_type", "source", "rule", sum("n")
  FROM (
    SELECT dash_hour(c."openedAt") AS opened_hour, c."checkType" AS check_type, v."source" AS source, rr.rule AS rule, -1 AS n
    FROM (SELECT OLD.*) c JOIN "Verification" v ON v."id" = c."verificationId" CROSS JOIN LATERAL dash_case_rules(c."rules") AS rr(rule)
    WHERE c."status" <> 'decided'
  ) AS x
  GROUP BY "opened_hour", "check_type", "source", "rule"
  HAVING sum("n") <> 0;
  INSERT INTO "dash_open_sla_delta" ("sla_hour", "check_type", "source", "n")
  SELECT "sla_hour", "check_type", "source", sum("n")
  FROM (
    SELECT dash_hour(c."slaDueAt") AS sla_hour, c."checkType" AS check_type, v."source" AS source, -1 AS n
    FROM (SELECT OLD.*) c JOIN "Verification" v ON v."id" = c."verificationId"
    WHERE c."status" <> 'decided' AND c."slaDueAt" IS NOT NULL
  ) AS x
  GROUP BY "sla_hour", "check_type", "source"
  HAVING sum("n") <> 0;
  INSERT INTO "dash_decisions_delta" ("hour", "reviewer_id", "check_type", "source", "kind", "n", "overrides")
  SELECT "hour", "reviewer_id", "check_type", "source", "kind", sum("n"), sum("overrides")
  FROM (
    SELECT dash_hour(d."createdAt") AS hour, d."decidedById" AS reviewer_id, c."checkType" AS check_type, v."source" AS source, d."kind" AS kind,
      -1 AS n, CASE WHEN d."overridesVendor" THEN -1 ELSE 0 END AS overrides
    FROM (SELECT * FROM "Decision" WHERE "caseId" = OLD."id") d JOIN (SELECT OLD.*) c ON c."id" = d."caseId" JOIN "Verification" v ON v."id" = c."verificationId"
  ) AS x
  GROUP BY "hour", "reviewer_id", "check_type", "source", "kind"
  HAVING sum("n") <> 0 OR sum("overrides") <> 0;
  RETURN OLD;
END $$;
CREATE TRIGGER "dash_review_case_delete" BEFORE DELETE ON "ReviewCase"
  FOR EACH ROW EXECUTE FUNCTION dash_review_case_delete();

-- Decision: reviewer throughput and override rate.
CREATE FUNCTION dash_decision_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "dash_decisions_delta" ("hour", "reviewer_id", "check_type", "source", "kind", "n", "overrides")
  SELECT "hour", "reviewer_id", "check_type", "source", "kind", sum("n"), sum("overrides")
  FROM (
    SELECT dash_hour(d."createdAt") AS hour, d."decidedById" AS reviewer_id, c."checkType" AS check_type, v."source" AS source, d."kind" AS kind,
      1 AS n, CASE WHEN d."overridesVendor" THEN 1 ELSE 0 END AS overrides
    FROM new_rows d JOIN "ReviewCase" c ON c."id" = d."caseId" JOIN "Verification" v ON v."id" = c."verificationId"
  ) AS x
  GROUP BY "hour", "reviewer_id", "check_type", "source", "kind"
  HAVING sum("n") <> 0 OR sum("overrides") <> 0;
  RETURN NULL;
END $$;
CREATE TRIGGER "dash_decision_insert" AFTER INSERT ON "Decision"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_decision_insert();

CREATE FUNCTION dash_decision_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "dash_decisions_delta" ("hour", "reviewer_id", "check_type", "source", "kind", "n", "overrides")
  SELECT "hour", "reviewer_id", "check_type", "source", "kind", sum("n"), sum("overrides")
  FROM (
    SELECT dash_hour(d."createdAt") AS hour, d."decidedById" AS reviewer_id, c."checkType" AS check_type, v."source" AS source, d."kind" AS kind,
      1 AS n, CASE WHEN d."overridesVendor" THEN 1 ELSE 0 END AS overrides
    FROM new_rows d JOIN "ReviewCase" c ON c."id" = d."caseId" JOIN "Verification" v ON v."id" = c."verificationId"
    UNION ALL
    SELECT dash_hour(d."createdAt") AS hour, d."decidedById" AS reviewer_id, c."checkType" AS check_type, v."source" AS source, d."kind" AS kind,
      -1 AS n, CASE WHEN d."overridesVendor" THEN -1 ELSE 0 END AS overrides
    FROM old_rows d JOIN "ReviewCase" c ON c."id" = d."caseId" JOIN "Verification" v ON v."id" = c."verificationId"
  ) AS x
  GROUP BY "hour", "reviewer_id", "check_type", "source", "kind"
  HAVING sum("n") <> 0 OR sum("overrides") <> 0;
  RETURN NULL;
END $$;
CREATE TRIGGER "dash_decision_update" AFTER UPDATE ON "Decision"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_decision_update();

CREATE FUNCTION dash_decision_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "dash_decisions_delta" ("hour", "reviewer_id", "check_type", "source", "kind", "n", "overrides")
  SELECT "hour", "reviewer_id", "check_type", "source", "kind", sum("n"), sum("overrides")
  FROM (
    SELECT dash_hour(d."createdAt") AS hour, d."decidedById" AS reviewer_id, c."checkType" AS check_type, v."source" AS source, d."kind" AS kind,
      -1 AS n, CASE WHEN d."overridesVendor" THEN -1 ELSE 0 END AS overrides
    FROM old_rows d JOIN "ReviewCase" c ON c."id" = d."caseId" JOIN "Verification" v ON v."id" = c."verificationId"
  ) AS x
  GROUP BY "hour", "reviewer_id", "check_type", "source", "kind"
  HAVING sum("n") <> 0 OR sum("overrides") <> 0;
  RETURN NULL;
END $$;
CREATE TRIGGER "dash_decision_delete" AFTER DELETE ON "Decision"
  REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_decision_delete();

-- Verification: the verification counts; a change of its hour or source moves its whole tree; and
-- before it is deleted, its whole tree is subtracted (the cascade then finds no parent and adds nothing).
CREATE FUNCTION dash_verification_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "dash_verifications_delta" ("hour", "check_type", "source", "n")
  SELECT "hour", "check_type", "source", sum("n")
  FROM (
    SELECT dash_hour(v."createdAt") AS hour, v."checkType" AS check_type, v."source" AS source, 1 AS n
    FROM new_rows v
  ) AS x
  GROUP BY "hour", "check_type", "source"
  HAVING sum("n") <> 0;
  RETURN NULL;
END $$;
CREATE TRIGGER "dash_verification_insert" AFTER INSERT ON "Verification"
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_verification_insert();

CREATE FUNCTION dash_verification_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "dash_verifications_delta" ("hour", "check_type", "source", "n")
  SELECT "hour", "check_type", "source", sum("n")
  FROM (
    SELECT dash_hour(v."createdAt") AS hour, v."checkType" AS check_type, v."source" AS source, 1 AS n
    FROM new_rows v
    UNION ALL
    SELECT dash_hour(v."createdAt") AS hour, v."checkType" AS check_type, v."source" AS source, -1 AS n
    FROM old_rows v
  ) AS x
  GROUP BY "hour", "check_type", "source"
  HAVING sum("n") <> 0;
  IF EXISTS (SELECT 1 FROM old_rows o JOIN new_rows n ON n."id" = o."id" WHERE (o."createdAt", o."source") IS DISTINCT FROM (n."createdAt", n."source")) THEN
    INSERT INTO "dash_vendor_runs_delta" ("hour", "vendor", "check_type", "source", "runs", "finished", "errors", "timeouts", "retries", "latency_n", "latency_sum_ms", "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11", "l12", "l13", "l14", "l15", "l16", "l17", "l18", "l19", "l20", "l21", "l22", "l23", "l24", "l25", "l26", "l27", "l28", "l29", "l30", "l31")
  SELECT "hour", "vendor", "check_type", "source", sum("runs"), sum("finished"), sum("errors"), sum("timeouts"), sum("retries"), sum("latency_n"), sum("latency_sum_ms"), sum("l0"), sum("l1"), sum("l2"), sum("l3"), sum("l4"), sum("l5"), sum("l6"), sum("l7"), sum("l8"), sum("l9"), sum("l10"), sum("l11"), sum("l12"), sum("l13"), sum("l14"), sum("l15"), sum("l16"), sum("l17"), sum("l18"), sum("l19"), sum("l20"), sum("l21"), sum("l22"), sum("l23"), sum("l24"), sum("l25"), sum("l26"), sum("l27"), sum("l28"), sum("l29"), sum("l30"), sum("l31")
  FROM (
    SELECT dash_hour(r."requestedAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source,
      1 AS runs,
      CASE WHEN r."status" IN ('completed', 'failed') THEN 1 ELSE 0 END AS finished,
      CASE WHEN r."outcome" = 'error' THEN 1 ELSE 0 END AS errors,
      1 * dash_timeouts(r."attempts") AS timeouts,
      1 * greatest(dash_attempt_count(r."attempts") - 1, 0) AS retries,
      CASE WHEN r.lbin IS NOT NULL THEN 1 ELSE 0 END AS latency_n,
      CASE WHEN r.lbin IS NOT NULL THEN 1 * r."latencyMs" ELSE 0 END AS latency_sum_ms,
      CASE WHEN r.lbin = 0 THEN 1 ELSE 0 END AS l0,
      CASE WHEN r.lbin = 1 THEN 1 ELSE 0 END AS l1,
      CASE WHEN r.lbin = 2 THEN 1 ELSE 0 END AS l2,
      CASE WHEN r.lbin = 3 THEN 1 ELSE 0 END AS l3,
      CASE WHEN r.lbin = 4 THEN 1 ELSE 0 END AS l4,
      CASE WHEN r.lbin = 5 THEN 1 ELSE 0 END AS l5,
      CASE WHEN r.lbin = 6 THEN 1 ELSE 0 END AS l6,
      CASE WHEN r.lbin = 7 THEN 1 ELSE 0 END AS l7,
      CASE WHEN r.lbin = 8 THEN 1 ELSE 0 END AS l8,
      CASE WHEN r.lbin = 9 THEN 1 ELSE 0 END AS l9,
      CASE WHEN r.lbin = 10 THEN 1 ELSE 0 END AS l10,
      CASE WHEN r.lbin = 11 THEN 1 ELSE 0 END AS l11,
      CASE WHEN r.lbin = 12 THEN 1 ELSE 0 END AS l12,
      CASE WHEN r.lbin = 13 THEN 1 ELSE 0 END AS l13,
      CASE WHEN r.lbin = 14 THEN 1 ELSE 0 END AS l14,
      CASE WHEN r.lbin = 15 THEN 1 ELSE 0 END AS l15,
      CASE WHEN r.lbin = 16 THEN 1 ELSE 0 END AS l16,
      CASE WHEN r.lbin = 17 THEN 1 ELSE 0 END AS l17,
      CASE WHEN r.lbin = 18 THEN 1 ELSE 0 END AS l18,
      CASE WHEN r.lbin = 19 THEN 1 ELSE 0 END AS l19,
      CASE WHEN r.lbin = 20 THEN 1 ELSE 0 END AS l20,
      CASE WHEN r.lbin = 21 THEN 1 ELSE 0 END AS l21,
      CASE WHEN r.lbin = 22 THEN 1 ELSE 0 END AS l22,
      CASE WHEN r.lbin = 23 THEN 1 ELSE 0 END AS l23,
      CASE WHEN r.lbin = 24 THEN 1 ELSE 0 END AS l24,
      CASE WHEN r.lbin = 25 THEN 1 ELSE 0 END AS l25,
      CASE WHEN r.lbin = 26 THEN 1 ELSE 0 END AS l26,
      CASE WHEN r.lbin = 27 THEN 1 ELSE 0 END AS l27,
      CASE WHEN r.lbin = 28 THEN 1 ELSE 0 END AS l28,
      CASE WHEN r.lbin = 29 THEN 1 ELSE 0 END AS l29,
      CASE WHEN r.lbin = 30 THEN 1 ELSE 0 END AS l30,
      CASE WHEN r.lbin = 31 THEN 1 ELSE 0 END AS l31
    FROM (SELECT x.*, CASE WHEN x."status" IN ('completed', 'failed') AND x."latencyMs" IS NOT NULL THEN dash_latency_bin(x."latencyMs") END AS lbin FROM (SELECT * FROM "VendorRun" WHERE "verificationId" IN (SELECT "id" FROM new_rows AS tv)) x) r
    JOIN new_rows v ON v."id" = r."verificationId"
    UNION ALL
    SELECT dash_hour(r."requestedAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source,
      -1 AS runs,
      CASE WHEN r."status" IN ('completed', 'failed') THEN -1 ELSE 0 END AS finished,
      CASE WHEN r."outcome" = 'error' THEN -1 ELSE 0 END AS errors,
      -1 * dash_timeouts(r."attempts") AS timeouts,
      -1 * greatest(dash_attempt_count(r."attempts") - 1, 0) AS retries,
      CASE WHEN r.lbin IS NOT NULL THEN -1 ELSE 0 END AS latency_n,
      CASE WHEN r.lbin IS NOT NULL THEN -1 * r."latencyMs" ELSE 0 END AS latency_sum_ms,
      CASE WHEN r.lbin = 0 THEN -1 ELSE 0 END AS l0,
      CASE WHEN r.lbin = 1 THEN -1 ELSE 0 END AS l1,
      CASE WHEN r.lbin = 2 THEN -1 ELSE 0 END AS l2,
      CASE WHEN r.lbin = 3 THEN -1 ELSE 0 END AS l3,
      CASE WHEN r.lbin = 4 THEN -1 ELSE 0 END AS l4,
      CASE WHEN r.lbin = 5 THEN -1 ELSE 0 END AS l5,
      CASE WHEN r.lbin = 6 THEN -1 ELSE 0 END AS l6,
      CASE WHEN r.lbin = 7 THEN -1 ELSE 0 END AS l7,
      CASE WHEN r.lbin = 8 THEN -1 ELSE 0 END AS l8,
      CASE WHEN r.lbin = 9 THEN -1 ELSE 0 END AS l9,
      CASE WHEN r.lbin = 10 THEN -1 ELSE 0 END AS l10,
      CASE WHEN r.lbin = 11 THEN -1 ELSE 0 END AS l11,
      CASE WHEN r.lbin = 12 THEN -1 ELSE 0 END AS l12,
      CASE WHEN r.lbin = 13 THEN -1 ELSE 0 END AS l13,
      CASE WHEN r.lbin = 14 THEN -1 ELSE 0 END AS l14,
      CASE WHEN r.lbin = 15 THEN -1 ELSE 0 END AS l15,
      CASE WHEN r.lbin = 16 THEN -1 ELSE 0 END AS l16,
      CASE WHEN r.lbin = 17 THEN -1 ELSE 0 END AS l17,
      CASE WHEN r.lbin = 18 THEN -1 ELSE 0 END AS l18,
      CASE WHEN r.lbin = 19 THEN -1 ELSE 0 END AS l19,
      CASE WHEN r.lbin = 20 THEN -1 ELSE 0 END AS l20,
      CASE WHEN r.lbin = 21 THEN -1 ELSE 0 END AS l21,
      CASE WHEN r.lbin = 22 THEN -1 ELSE 0 END AS l22,
      CASE WHEN r.lbin = 23 THEN -1 ELSE 0 END AS l23,
      CASE WHEN r.lbin = 24 THEN -1 ELSE 0 END AS l24,
      CASE WHEN r.lbin = 25 THEN -1 ELSE 0 END AS l25,
      CASE WHEN r.lbin = 26 THEN -1 ELSE 0 END AS l26,
      CASE WHEN r.lbin = 27 THEN -1 ELSE 0 END AS l27,
      CASE WHEN r.lbin = 28 THEN -1 ELSE 0 END AS l28,
      CASE WHEN r.lbin = 29 THEN -1 ELSE 0 END AS l29,
      CASE WHEN r.lbin = 30 THEN -1 ELSE 0 END AS l30,
      CASE WHEN r.lbin = 31 THEN -1 ELSE 0 END AS l31
    FROM (SELECT x.*, CASE WHEN x."status" IN ('completed', 'failed') AND x."latencyMs" IS NOT NULL THEN dash_latency_bin(x."latencyMs") END AS lbin FROM (SELECT * FROM "VendorRun" WHERE "verificationId" IN (SELECT "id" FROM old_rows AS tv)) x) r
    JOIN old_rows v ON v."id" = r."verificationId"
  ) AS x
  GROUP BY "hour", "vendor", "check_type", "source"
  HAVING sum("runs") <> 0 OR sum("finished") <> 0 OR sum("errors") <> 0 OR sum("timeouts") <> 0 OR sum("retries") <> 0 OR sum("latency_n") <> 0 OR sum("latency_sum_ms") <> 0 OR sum("l0") <> 0 OR sum("l1") <> 0 OR sum("l2") <> 0 OR sum("l3") <> 0 OR sum("l4") <> 0 OR sum("l5") <> 0 OR sum("l6") <> 0 OR sum("l7") <> 0 OR sum("l8") <> 0 OR sum("l9") <> 0 OR sum("l10") <> 0 OR sum("l11") <> 0 OR sum("l12") <> 0 OR sum("l13") <> 0 OR sum("l14") <> 0 OR sum("l15") <> 0 OR sum("l16") <> 0 OR sum("l17") <> 0 OR sum("l18") <> 0 OR sum("l19") <> 0 OR sum("l20") <> 0 OR sum("l21") <> 0 OR sum("l22") <> 0 OR sum("l23") <> 0 OR sum("l24") <> 0 OR sum("l25") <> 0 OR sum("l26") <> 0 OR sum("l27") <> 0 OR sum("l28") <> 0 OR sum("l29") <> 0 OR sum("l30") <> 0 OR sum("l31") <> 0;
    INSERT INTO "dash_vendor_errors_delta" ("hour", "vendor", "check_type", "source", "code", "n")
  SELECT "hour", "vendor", "check_type", "source", "code", sum("n")
  FROM (
    SELECT dash_hour(r."requestedAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source, e.code AS code, 1 AS n
    FROM (SELECT * FROM "VendorRun" WHERE "verificationId" IN (SELECT "id" FROM new_rows AS tv)) r JOIN new_rows v ON v."id" = r."verificationId" CROSS JOIN LATERAL dash_error_codes(r."normalized") AS e(code)
    WHERE r."outcome" = 'error'
    UNION ALL
    SELECT dash_hour(r."requestedAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source, e.code AS code, -1 AS n
    FROM (SELECT * FROM "VendorRun" WHERE "verificationId" IN (SELECT "id" FROM old_rows AS tv)) r JOIN old_rows v ON v."id" = r."verificationId" CROSS JOIN LATERAL dash_error_codes(r."normalized") AS e(code)
    WHERE r."outcome" = 'error'
  ) AS x
  GROUP BY "hour", "vendor", "check_type", "source", "code"
  HAVING sum("n") <> 0;
    INSERT INTO "dash_outcomes_delta" ("hour", "vendor", "check_type", "source", "pairs", "pass", "fail", "review", "error")
  SELECT "hour", "vendor", "check_type", "source", sum("pairs"), sum("pass"), sum("fail"), sum("review"), sum("error")
  FROM (
    SELECT dash_hour(v."createdAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source,
      1 AS pairs,
      CASE WHEN r."outcome" = 'pass' THEN 1 ELSE 0 END AS pass,
      CASE WHEN r."outcome" = 'fail' THEN 1 ELSE 0 END AS fail,
      CASE WHEN r."outcome" = 'review' THEN 1 ELSE 0 END AS review,
      CASE WHEN r."outcome" = 'error' THEN 1 ELSE 0 END AS error
    FROM (SELECT DISTINCT ON ("verificationId", "vendor") * FROM (SELECT * FROM "VendorRun" WHERE "verificationId" IN (SELECT "id" FROM new_rows AS tv)) AS r0 ORDER BY "verificationId", "vendor", "attempt" DESC) r JOIN new_rows v ON v."id" = r."verificationId"
    UNION ALL
    SELECT dash_hour(v."createdAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source,
      -1 AS pairs,
      CASE WHEN r."outcome" = 'pass' THEN -1 ELSE 0 END AS pass,
      CASE WHEN r."outcome" = 'fail' THEN -1 ELSE 0 END AS fail,
      CASE WHEN r."outcome" = 'review' THEN -1 ELSE 0 END AS review,
      CASE WHEN r."outcome" = 'error' THEN -1 ELSE 0 END AS error
    FROM (SELECT DISTINCT ON ("verificationId", "vendor") * FROM (SELECT * FROM "VendorRun" WHERE "verificationId" IN (SELECT "id" FROM old_rows AS tv)) AS r0 ORDER BY "verificationId", "vendor", "attempt" DESC) r JOIN old_rows v ON v."id" = r."verificationId"
  ) AS x
  GROUP BY "hour", "vendor", "check_type", "source"
  HAVING sum("pairs") <> 0 OR sum("pass") <> 0 OR sum("fail") <> 0 OR sum("review") <> 0 OR sum("error") <> 0;
    INSERT INTO "dash_case_flow_delta" ("hour", "check_type", "source", "opened", "decided", "breached", "ttd_n", "ttd_sum_ms", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11", "t12", "t13", "t14", "t15", "t16", "t17", "t18", "t19", "t20", "t21", "t22", "t23", "t24", "t25", "t26", "t27", "t28", "t29", "t30", "t31")
  SELECT "hour", "check_type", "source", sum("opened"), sum("decided"), sum("breached"), sum("ttd_n"), sum("ttd_sum_ms"), sum("t0"), sum("t1"), sum("t2"), sum("t3"), sum("t4"), sum("t5"), sum("t6"), sum("t7"), sum("t8"), sum("t9"), sum("t10"), sum("t11"), sum("t12"), sum("t13"), sum("t14"), sum("t15"), sum("t16"), sum("t17"), sum("t18"), sum("t19"), sum("t20"), sum("t21"), sum("t22"), sum("t23"), sum("t24"), sum("t25"), sum("t26"), sum("t27"), sum("t28"), sum("t29"), sum("t30"), sum("t31")
  FROM (
    SELECT dash_hour(c."openedAt") AS hour, c."checkType" AS check_type, v."source" AS source,
      1 AS opened, 0 AS decided, 0 AS breached, 0 AS ttd_n, 0 AS ttd_sum_ms, 0 AS t0, 0 AS t1, 0 AS t2, 0 AS t3, 0 AS t4, 0 AS t5, 0 AS t6, 0 AS t7, 0 AS t8, 0 AS t9, 0 AS t10, 0 AS t11, 0 AS t12, 0 AS t13, 0 AS t14, 0 AS t15, 0 AS t16, 0 AS t17, 0 AS t18, 0 AS t19, 0 AS t20, 0 AS t21, 0 AS t22, 0 AS t23, 0 AS t24, 0 AS t25, 0 AS t26, 0 AS t27, 0 AS t28, 0 AS t29, 0 AS t30, 0 AS t31
    FROM (SELECT * FROM "ReviewCase" WHERE "verificationId" IN (SELECT "id" FROM new_rows AS tv)) c JOIN new_rows v ON v."id" = c."verificationId"
    UNION ALL
    SELECT dash_hour(c."decidedAt"), c."checkType", v."source",
      0, 1, CASE WHEN c."slaDueAt" IS NOT NULL AND c."decidedAt" > c."slaDueAt" THEN 1 ELSE 0 END, 1,
      1 * round(extract(epoch FROM c."decidedAt" - c."openedAt") * 1000)::bigint,
      CASE WHEN c.tbin = 0 THEN 1 ELSE 0 END AS t0,
      CASE WHEN c.tbin = 1 THEN 1 ELSE 0 END AS t1,
      CASE WHEN c.tbin = 2 THEN 1 ELSE 0 END AS t2,
      CASE WHEN c.tbin = 3 THEN 1 ELSE 0 END AS t3,
      CASE WHEN c.tbin = 4 THEN 1 ELSE 0 END AS t4,
      CASE WHEN c.tbin = 5 THEN 1 ELSE 0 END AS t5,
      CASE WHEN c.tbin = 6 THEN 1 ELSE 0 END AS t6,
      CASE WHEN c.tbin = 7 THEN 1 ELSE 0 END AS t7,
      CASE WHEN c.tbin = 8 THEN 1 ELSE 0 END AS t8,
      CASE WHEN c.tbin = 9 THEN 1 ELSE 0 END AS t9,
      CASE WHEN c.tbin = 10 THEN 1 ELSE 0 END AS t10,
      CASE WHEN c.tbin = 11 THEN 1 ELSE 0 END AS t11,
      CASE WHEN c.tbin = 12 THEN 1 ELSE 0 END AS t12,
      CASE WHEN c.tbin = 13 THEN 1 ELSE 0 END AS t13,
      CASE WHEN c.tbin = 14 THEN 1 ELSE 0 END AS t14,
      CASE WHEN c.tbin = 15 THEN 1 ELSE 0 END AS t15,
      CASE WHEN c.tbin = 16 THEN 1 ELSE 0 END AS t16,
      CASE WHEN c.tbin = 17 THEN 1 ELSE 0 END AS t17,
      CASE WHEN c.tbin = 18 THEN 1 ELSE 0 END AS t18,
      CASE WHEN c.tbin = 19 THEN 1 ELSE 0 END AS t19,
      CASE WHEN c.tbin = 20 THEN 1 ELSE 0 END AS t20,
      CASE WHEN c.tbin = 21 THEN 1 ELSE 0 END AS t21,
      CASE WHEN c.tbin = 22 THEN 1 ELSE 0 END AS t22,
      CASE WHEN c.tbin = 23 THEN 1 ELSE 0 END AS t23,
      CASE WHEN c.tbin = 24 THEN 1 ELSE 0 END AS t24,
      CASE WHEN c.tbin = 25 THEN 1 ELSE 0 END AS t25,
      CASE WHEN c.tbin = 26 THEN 1 ELSE 0 END AS t26,
      CASE WHEN c.tbin = 27 THEN 1 ELSE 0 END AS t27,
      CASE WHEN c.tbin = 28 THEN 1 ELSE 0 END AS t28,
      CASE WHEN c.tbin = 29 THEN 1 ELSE 0 END AS t29,
      CASE WHEN c.tbin = 30 THEN 1 ELSE 0 END AS t30,
      CASE WHEN c.tbin = 31 THEN 1 ELSE 0 END AS t31
    FROM (SELECT x.*, dash_ttd_bin(x."decidedAt" - x."openedAt") AS tbin FROM (SELECT * FROM "ReviewCase" WHERE "verificationId" IN (SELECT "id" FROM new_rows AS tv)) x WHERE x."status" = 'decided' AND x."decidedAt" IS NOT NULL) c
    JOIN new_rows v ON v."id" = c."verificationId"
    UNION ALL
    SELECT dash_hour(c."openedAt") AS hour, c."checkType" AS check_type, v."source" AS source,
      -1 AS opened, 0 AS decided, 0 AS breached, 0 AS ttd_n, 0 AS ttd_sum_ms, 0 AS t0, 0 AS t1, 0 AS t2, 0 AS t3, 0 AS t4, 0 AS t5, 0 AS t6, 0 AS t7, 0 AS t8, 0 AS t9, 0 AS t10, 0 AS t11, 0 AS t12, 0 AS t13, 0 AS t14, 0 AS t15, 0 AS t16, 0 AS t17, 0 AS t18, 0 AS t19, 0 AS t20, 0 AS t21, 0 AS t22, 0 AS t23, 0 AS t24, 0 AS t25, 0 AS t26, 0 AS t27, 0 AS t28, 0 AS t29, 0 AS t30, 0 AS t31
    FROM (SELECT * FROM "ReviewCase" WHERE "verificationId" IN (SELECT "id" FROM old_rows AS tv)) c JOIN old_rows v ON v."id" = c."verificationId"
    UNION ALL
    SELECT dash_hour(c."decidedAt"), c."checkType", v."source",
      0, -1, CASE WHEN c."slaDueAt" IS NOT NULL AND c."decidedAt" > c."slaDueAt" THEN -1 ELSE 0 END, -1,
      -1 * round(extract(epoch FROM c."decidedAt" - c."openedAt") * 1000)::bigint,
      CASE WHEN c.tbin = 0 THEN -1 ELSE 0 END AS t0,
      CASE WHEN c.tbin = 1 THEN -1 ELSE 0 END AS t1,
      CASE WHEN c.tbin = 2 THEN -1 ELSE 0 END AS t2,
      CASE WHEN c.tbin = 3 THEN -1 ELSE 0 END AS t3,
      CASE WHEN c.tbin = 4 THEN -1 ELSE 0 END AS t4,
      CASE WHEN c.tbin = 5 THEN -1 ELSE 0 END AS t5,
      CASE WHEN c.tbin = 6 THEN -1 ELSE 0 END AS t6,
      CASE WHEN c.tbin = 7 THEN -1 ELSE 0 END AS t7,
      CASE WHEN c.tbin = 8 THEN -1 ELSE 0 END AS t8,
      CASE WHEN c.tbin = 9 THEN -1 ELSE 0 END AS t9,
      CASE WHEN c.tbin = 10 THEN -1 ELSE 0 END AS t10,
      CASE WHEN c.tbin = 11 THEN -1 ELSE 0 END AS t11,
      CASE WHEN c.tbin = 12 THEN -1 ELSE 0 END AS t12,
      CASE WHEN c.tbin = 13 THEN -1 ELSE 0 END AS t13,
      CASE WHEN c.tbin = 14 THEN -1 ELSE 0 END AS t14,
      CASE WHEN c.tbin = 15 THEN -1 ELSE 0 END AS t15,
      CASE WHEN c.tbin = 16 THEN -1 ELSE 0 END AS t16,
      CASE WHEN c.tbin = 17 THEN -1 ELSE 0 END AS t17,
      CASE WHEN c.tbin = 18 THEN -1 ELSE 0 END AS t18,
      CASE WHEN c.tbin = 19 THEN -1 ELSE 0 END AS t19,
      CASE WHEN c.tbin = 20 THEN -1 ELSE 0 END AS t20,
      CASE WHEN c.tbin = 21 THEN -1 ELSE 0 END AS t21,
      CASE WHEN c.tbin = 22 THEN -1 ELSE 0 END AS t22,
      CASE WHEN c.tbin = 23 THEN -1 ELSE 0 END AS t23,
      CASE WHEN c.tbin = 24 THEN -1 ELSE 0 END AS t24,
      CASE WHEN c.tbin = 25 THEN -1 ELSE 0 END AS t25,
      CASE WHEN c.tbin = 26 THEN -1 ELSE 0 END AS t26,
      CASE WHEN c.tbin = 27 THEN -1 ELSE 0 END AS t27,
      CASE WHEN c.tbin = 28 THEN -1 ELSE 0 END AS t28,
      CASE WHEN c.tbin = 29 THEN -1 ELSE 0 END AS t29,
      CASE WHEN c.tbin = 30 THEN -1 ELSE 0 END AS t30,
      CASE WHEN c.tbin = 31 THEN -1 ELSE 0 END AS t31
    FROM (SELECT x.*, dash_ttd_bin(x."decidedAt" - x."openedAt") AS tbin FROM (SELECT * FROM "ReviewCase" WHERE "verificationId" IN (SELECT "id" FROM old_rows AS tv)) x WHERE x."status" = 'decided' AND x."decidedAt" IS NOT NULL) c
    JOIN old_rows v ON v."id" = c."verificationId"
  ) AS x
  GROUP BY "hour", "check_type", "source"
  HAVING sum("opened") <> 0 OR sum("decided") <> 0 OR sum("breached") <> 0 OR sum("ttd_n") <> 0 OR sum("ttd_sum_ms") <> 0 OR sum("t0") <> 0 OR sum("t1") <> 0 OR sum("t2") <> 0 OR sum("t3") <> 0 OR sum("t4") <> 0 OR sum("t5") <> 0 OR sum("t6") <> 0 OR sum("t7") <> 0 OR sum("t8") <> 0 OR sum("t9") <> 0 OR sum("t10") <> 0 OR sum("t11") <> 0 OR sum("t12") <> 0 OR sum("t13") <> 0 OR sum("t14") <> 0 OR sum("t15") <> 0 OR sum("t16") <> 0 OR sum("t17") <> 0 OR sum("t18") <> 0 OR sum("t19") <> 0 OR sum("t20") <> 0 OR sum("t21") <> 0 OR sum("t22") <> 0 OR sum("t23") <> 0 OR sum("t24") <> 0 OR sum("t25") <> 0 OR sum("t26") <> 0 OR sum("t27") <> 0 OR sum("t28") <> 0 OR sum("t29") <> 0 OR sum("t30") <> 0 OR sum("t31") <> 0;
    INSERT INTO "dash_open_cases_delta" ("opened_hour", "check_type", "source", "rule", "n")
  SELECT "opened_hour", "check_type", "source", "rule", sum("n")
  FROM (
    SELECT dash_hour(c."openedAt") AS opened_hour, c."checkType" AS check_type, v."source" AS source, rr.rule AS rule, 1 AS n
    FROM (SELECT * FROM "ReviewCase" WHERE "verificationId" IN (SELECT "id" FROM new_rows AS tv)) c JOIN new_rows v ON v."id" = c."verificationId" CROSS JOIN LATERAL dash_case_rules(c."rules") AS rr(rule)
    WHERE c."status" <> 'decided'
    UNION ALL
    SELECT dash_hour(c."openedAt") AS opened_hour, c."checkType" AS check_type, v."source" AS source, rr.rule AS rule, -1 AS n
    FROM (SELECT * FROM "ReviewCase" WHERE "verificationId" IN (SELECT "id" FROM old_rows AS tv)) c JOIN old_rows v ON v."id" = c."verificationId" CROSS JOIN LATERAL dash_case_rules(c."rules") AS rr(rule)
    WHERE c."status" <> 'decided'
  ) AS x
  GROUP BY "opened_hour", "check_type", "source", "rule"
  HAVING sum("n") <> 0;
    INSERT INTO "dash_open_sla_delta" ("sla_hour", "check_type", "source", "n")
  SELECT "sla_hour", "check_type", "source", sum("n")
  FROM (
    SELECT dash_hour(c."slaDueAt") AS sla_hour, c."checkType" AS check_type, v."source" AS source, 1 AS n
    FROM (SELECT * FROM "ReviewCase" WHERE "verificationId" IN (SELECT "id" FROM new_rows AS tv)) c JOIN new_rows v ON v."id" = c."verificationId"
    WHERE c."status" <> 'decided' AND c."slaDueAt" IS NOT NULL
    UNION ALL
    SELECT dash_hour(c."slaDueAt") AS sla_hour, c."checkType" AS check_type, v."source" AS source, -1 AS n
    FROM (SELECT * FROM "ReviewCase" WHERE "verificationId" IN (SELECT "id" FROM old_rows AS tv)) c JOIN old_rows v ON v."id" = c."verificationId"
    WHERE c."status" <> 'decided' AND c."slaDueAt" IS NOT NULL
  ) AS x
  GROUP BY "sla_hour", "check_type", "source"
  HAVING sum("n") <> 0;
    INSERT INTO "dash_decisions_delta" ("hour", "reviewer_id", "check_type", "source", "kind", "n", "overrides")
  SELECT "hour", "reviewer_id", "check_type", "source", "kind", sum("n"), sum("overrides")
  FROM (
    SELECT dash_hour(d."createdAt") AS hour, d."decidedById" AS reviewer_id, c."checkType" AS check_type, v."source" AS source, d."kind" AS kind,
      1 AS n, CASE WHEN d."overridesVendor" THEN 1 ELSE 0 END AS overrides
    FROM (SELECT * FROM "Decision" WHERE "caseId" IN (SELECT "id" FROM "ReviewCase" WHERE "verificationId" IN (SELECT "id" FROM new_rows AS tv))) d JOIN "ReviewCase" c ON c."id" = d."caseId" JOIN new_rows v ON v."id" = c."verificationId"
    UNION ALL
    SELECT dash_hour(d."createdAt") AS hour, d."decidedById" AS reviewer_id, c."checkType" AS check_type, v."source" AS source, d."kind" AS kind,
      -1 AS n, CASE WHEN d."overridesVendor" THEN -1 ELSE 0 END AS overrides
    FROM (SELECT * FROM "Decision" WHERE "caseId" IN (SELECT "id" FROM "ReviewCase" WHERE "verificationId" IN (SELECT "id" FROM old_rows AS tv))) d JOIN "ReviewCase" c ON c."id" = d."caseId" JOIN old_rows v ON v."id" = c."verificationId"
  ) AS x
  GROUP BY "hour", "reviewer_id", "check_type", "source", "kind"
  HAVING sum("n") <> 0 OR sum("overrides") <> 0;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER "dash_verification_update" AFTER UPDATE ON "Verification"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION dash_verification_update();

CREATE FUNCTION dash_verification_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "dash_verifications_delta" ("hour", "check_type", "source", "n")
  SELECT "hour", "check_type", "source", sum("n")
  FROM (
    SELECT dash_hour(v."createdAt") AS hour, v."checkType" AS check_type, v."source" AS source, -1 AS n
    FROM (SELECT OLD.*) v
  ) AS x
  GROUP BY "hour", "check_type", "source"
  HAVING sum("n") <> 0;
  INSERT INTO "dash_vendor_runs_delta" ("hour", "vendor", "check_type", "source", "runs", "finished", "errors", "timeouts", "retries", "latency_n", "latency_sum_ms", "l0", "l1", "l2", "l3", "l4", "l5", "l6", "l7", "l8", "l9", "l10", "l11", "l12", "l13", "l14", "l15", "l16", "l17", "l18", "l19", "l20", "l21", "l22", "l23", "l24", "l25", "l26", "l27", "l28", "l29", "l30", "l31")
  SELECT "hour", "vendor", "check_type", "source", sum("runs"), sum("finished"), sum("errors"), sum("timeouts"), sum("retries"), sum("latency_n"), sum("latency_sum_ms"), sum("l0"), sum("l1"), sum("l2"), sum("l3"), sum("l4"), sum("l5"), sum("l6"), sum("l7"), sum("l8"), sum("l9"), sum("l10"), sum("l11"), sum("l12"), sum("l13"), sum("l14"), sum("l15"), sum("l16"), sum("l17"), sum("l18"), sum("l19"), sum("l20"), sum("l21"), sum("l22"), sum("l23"), sum("l24"), sum("l25"), sum("l26"), sum("l27"), sum("l28"), sum("l29"), sum("l30"), sum("l31")
  FROM (
    SELECT dash_hour(r."requestedAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source,
      -1 AS runs,
      CASE WHEN r."status" IN ('completed', 'failed') THEN -1 ELSE 0 END AS finished,
      CASE WHEN r."outcome" = 'error' THEN -1 ELSE 0 END AS errors,
      -1 * dash_timeouts(r."attempts") AS timeouts,
      -1 * greatest(dash_attempt_count(r."attempts") - 1, 0) AS retries,
      CASE WHEN r.lbin IS NOT NULL THEN -1 ELSE 0 END AS latency_n,
      CASE WHEN r.lbin IS NOT NULL THEN -1 * r."latencyMs" ELSE 0 END AS latency_sum_ms,
      CASE WHEN r.lbin = 0 THEN -1 ELSE 0 END AS l0,
      CASE WHEN r.lbin = 1 THEN -1 ELSE 0 END AS l1,
      CASE WHEN r.lbin = 2 THEN -1 ELSE 0 END AS l2,
      CASE WHEN r.lbin = 3 THEN -1 ELSE 0 END AS l3,
      CASE WHEN r.lbin = 4 THEN -1 ELSE 0 END AS l4,
      CASE WHEN r.lbin = 5 THEN -1 ELSE 0 END AS l5,
      CASE WHEN r.lbin = 6 THEN -1 ELSE 0 END AS l6,
      CASE WHEN r.lbin = 7 THEN -1 ELSE 0 END AS l7,
      CASE WHEN r.lbin = 8 THEN -1 ELSE 0 END AS l8,
      CASE WHEN r.lbin = 9 THEN -1 ELSE 0 END AS l9,
      CASE WHEN r.lbin = 10 THEN -1 ELSE 0 END AS l10,
      CASE WHEN r.lbin = 11 THEN -1 ELSE 0 END AS l11,
      CASE WHEN r.lbin = 12 THEN -1 ELSE 0 END AS l12,
      CASE WHEN r.lbin = 13 THEN -1 ELSE 0 END AS l13,
      CASE WHEN r.lbin = 14 THEN -1 ELSE 0 END AS l14,
      CASE WHEN r.lbin = 15 THEN -1 ELSE 0 END AS l15,
      CASE WHEN r.lbin = 16 THEN -1 ELSE 0 END AS l16,
      CASE WHEN r.lbin = 17 THEN -1 ELSE 0 END AS l17,
      CASE WHEN r.lbin = 18 THEN -1 ELSE 0 END AS l18,
      CASE WHEN r.lbin = 19 THEN -1 ELSE 0 END AS l19,
      CASE WHEN r.lbin = 20 THEN -1 ELSE 0 END AS l20,
      CASE WHEN r.lbin = 21 THEN -1 ELSE 0 END AS l21,
      CASE WHEN r.lbin = 22 THEN -1 ELSE 0 END AS l22,
      CASE WHEN r.lbin = 23 THEN -1 ELSE 0 END AS l23,
      CASE WHEN r.lbin = 24 THEN -1 ELSE 0 END AS l24,
      CASE WHEN r.lbin = 25 THEN -1 ELSE 0 END AS l25,
      CASE WHEN r.lbin = 26 THEN -1 ELSE 0 END AS l26,
      CASE WHEN r.lbin = 27 THEN -1 ELSE 0 END AS l27,
      CASE WHEN r.lbin = 28 THEN -1 ELSE 0 END AS l28,
      CASE WHEN r.lbin = 29 THEN -1 ELSE 0 END AS l29,
      CASE WHEN r.lbin = 30 THEN -1 ELSE 0 END AS l30,
      CASE WHEN r.lbin = 31 THEN -1 ELSE 0 END AS l31
    FROM (SELECT x.*, CASE WHEN x."status" IN ('completed', 'failed') AND x."latencyMs" IS NOT NULL THEN dash_latency_bin(x."latencyMs") END AS lbin FROM (SELECT * FROM "VendorRun" WHERE "verificationId" IN (SELECT "id" FROM (SELECT OLD.*) AS tv)) x) r
    JOIN (SELECT OLD.*) v ON v."id" = r."verificationId"
  ) AS x
  GROUP BY "hour", "vendor", "check_type", "source"
  HAVING sum("runs") <> 0 OR sum("finished") <> 0 OR sum("errors") <> 0 OR sum("timeouts") <> 0 OR sum("retries") <> 0 OR sum("latency_n") <> 0 OR sum("latency_sum_ms") <> 0 OR sum("l0") <> 0 OR sum("l1") <> 0 OR sum("l2") <> 0 OR sum("l3") <> 0 OR sum("l4") <> 0 OR sum("l5") <> 0 OR sum("l6") <> 0 OR sum("l7") <> 0 OR sum("l8") <> 0 OR sum("l9") <> 0 OR sum("l10") <> 0 OR sum("l11") <> 0 OR sum("l12") <> 0 OR sum("l13") <> 0 OR sum("l14") <> 0 OR sum("l15") <> 0 OR sum("l16") <> 0 OR sum("l17") <> 0 OR sum("l18") <> 0 OR sum("l19") <> 0 OR sum("l20") <> 0 OR sum("l21") <> 0 OR sum("l22") <> 0 OR sum("l23") <> 0 OR sum("l24") <> 0 OR sum("l25") <> 0 OR sum("l26") <> 0 OR sum("l27") <> 0 OR sum("l28") <> 0 OR sum("l29") <> 0 OR sum("l30") <> 0 OR sum("l31") <> 0;
    INSERT INTO "dash_vendor_errors_delta" ("hour", "vendor", "check_type", "source", "code", "n")
  SELECT "hour", "vendor", "check_type", "source", "code", sum("n")
  FROM (
    SELECT dash_hour(r."requestedAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source, e.code AS code, -1 AS n
    FROM (SELECT * FROM "VendorRun" WHERE "verificationId" IN (SELECT "id" FROM (SELECT OLD.*) AS tv)) r JOIN (SELECT OLD.*) v ON v."id" = r."verificationId" CROSS JOIN LATERAL dash_error_codes(r."normalized") AS e(code)
    WHERE r."outcome" = 'error'
  ) AS x
  GROUP BY "hour", "vendor", "check_type", "source", "code"
  HAVING sum("n") <> 0;
    INSERT INTO "dash_outcomes_delta" ("hour", "vendor", "check_type", "source", "pairs", "pass", "fail", "review", "error")
  SELECT "hour", "vendor", "check_type", "source", sum("pairs"), sum("pass"), sum("fail"), sum("review"), sum("error")
  FROM (
    SELECT dash_hour(v."createdAt") AS hour, r."vendor" AS vendor, r."checkType" AS check_type, v."source" AS source,
      -1 AS pairs,
      CASE WHEN r."outcome" = 'pass' THEN -1 ELSE 0 END AS pass,
      CASE WHEN r."outcome" = 'fail' THEN -1 ELSE 0 END AS fail,
      CASE WHEN r."outcome" = 'review' THEN -1 ELSE 0 END AS review,
      CASE WHEN r."outcome" = 'error' THEN -1 ELSE 0 END AS error
    FROM (SELECT DISTINCT ON ("verificationId", "vendor") * FROM (SELECT * FROM "VendorRun" WHERE "verificationId" IN (SELECT "id" FROM (SELECT OLD.*) AS tv)) AS r0 ORDER BY "verificationId", "vendor", "attempt" DESC) r JOIN (SELECT OLD.*) v ON v."id" = r."verificationId"
  ) AS x
  GROUP BY "hour", "vendor", "check_type", "source"
  HAVING sum("pairs") <> 0 OR sum("pass") <> 0 OR sum("fail") <> 0 OR sum("review") <> 0 OR sum("error") <> 0;
    INSERT INTO "dash_case_flow_delta" ("hour", "check_type", "source", "opened", "decided", "breached", "ttd_n", "ttd_sum_ms", "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", "t10", "t11", "t12", "t13", "t14", "t15", "t16", "t17", "t18", "t19", "t20", "t21", "t22", "t23", "t24", "t25", "t26", "t27", "t28", "t29", "t30", "t31")
  SELECT "hour", "check_type", "source", sum("opened"), sum("decided"), sum("breached"), sum("ttd_n"), sum("ttd_sum_ms"), sum("t0"), sum("t1"), sum("t2"), sum("t3"), sum("t4"), sum("t5"), sum("t6"), sum("t7"), sum("t8"), sum("t9"), sum("t10"), sum("t11"), sum("t12"), sum("t13"), sum("t14"), sum("t15"), sum("t16"), sum("t17"), sum("t18"), sum("t19"), sum("t20"), sum("t21"), sum("t22"), sum("t23"), sum("t24"), sum("t25"), sum("t26"), sum("t27"), sum("t28"), sum("t29"), sum("t30"), sum("t31")
  FROM (
    SELECT dash_hour(c."openedAt") AS hour, c."checkType" AS check_type, v."source" AS source,
      -1 AS opened, 0 AS decided, 0 AS breached, 0 AS ttd_n, 0 AS ttd_sum_ms, 0 AS t0, 0 AS t1, 0 AS t2, 0 AS t3, 0 AS t4, 0 AS t5, 0 AS t6, 0 AS t7, 0 AS t8, 0 AS t9, 0 AS t10, 0 AS t11, 0 AS t12, 0 AS t13, 0 AS t14, 0 AS t15, 0 AS t16, 0 AS t17, 0 AS t18, 0 AS t19, 0 AS t20, 0 AS t21, 0 AS t22, 0 AS t23, 0 AS t24, 0 AS t25, 0 AS t26, 0 AS t27, 0 AS t28, 0 AS t29, 0 AS t30, 0 AS t31
    FROM (SELECT * FROM "ReviewCase" WHERE "verificationId" IN (SELECT "id" FROM (SELECT OLD.*) AS tv)) c JOIN (SELECT OLD.*) v ON v."id" = c."verificationId"
    UNION ALL
    SELECT dash_hour(c."decidedAt"), c."checkType", v."source",
      0, -1, CASE WHEN c."slaDueAt" IS NOT NULL AND c."decidedAt" > c."slaDueAt" THEN -1 ELSE 0 END, -1,
      -1 * round(extract(epoch FROM c."decidedAt" - c."openedAt") * 1000)::bigint,
      CASE WHEN c.tbin = 0 THEN -1 ELSE 0 END AS t0,
      CASE WHEN c.tbin = 1 THEN -1 ELSE 0 END AS t1,
      CASE WHEN c.tbin = 2 THEN -1 ELSE 0 END AS t2,
      CASE WHEN c.tbin = 3 THEN -1 ELSE 0 END AS t3,
      CASE WHEN c.tbin = 4 THEN -1 ELSE 0 END AS t4,
      CASE WHEN c.tbin = 5 THEN -1 ELSE 0 END AS t5,
      CASE WHEN c.tbin = 6 THEN -1 ELSE 0 END AS t6,
      CASE WHEN c.tbin = 7 THEN -1 ELSE 0 END AS t7,
      CASE WHEN c.tbin = 8 THEN -1 ELSE 0 END AS t8,
      CASE WHEN c.tbin = 9 THEN -1 ELSE 0 END AS t9,
      CASE WHEN c.tbin = 10 THEN -1 ELSE 0 END AS t10,
      CASE WHEN c.tbin = 11 THEN -1 ELSE 0 END AS t11,
      CASE WHEN c.tbin = 12 THEN -1 ELSE 0 END AS t12,
      CASE WHEN c.tbin = 13 THEN -1 ELSE 0 END AS t13,
      CASE WHEN c.tbin = 14 THEN -1 ELSE 0 END AS t14,
      CASE WHEN c.tbin = 15 THEN -1 ELSE 0 END AS t15,
      CASE WHEN c.tbin = 16 THEN -1 ELSE 0 END AS t16,
      CASE WHEN c.tbin = 17 THEN -1 ELSE 0 END AS t17,
      CASE WHEN c.tbin = 18 THEN -1 ELSE 0 END AS t18,
      CASE WHEN c.tbin = 19 THEN -1 ELSE 0 END AS t19,
      CASE WHEN c.tbin = 20 THEN -1 ELSE 0 END AS t20,
      CASE WHEN c.tbin = 21 THEN -1 ELSE 0 END AS t21,
      CASE WHEN c.tbin = 22 THEN -1 ELSE 0 END AS t22,
      CASE WHEN c.tbin = 23 THEN -1 ELSE 0 END AS t23,
      CASE WHEN c.tbin = 24 THEN -1 ELSE 0 END AS t24,
      CASE WHEN c.tbin = 25 THEN -1 ELSE 0 END AS t25,
      CASE WHEN c.tbin = 26 THEN -1 ELSE 0 END AS t26,
      CASE WHEN c.tbin = 27 THEN -1 ELSE 0 END AS t27,
      CASE WHEN c.tbin = 28 THEN -1 ELSE 0 END AS t28,
      CASE WHEN c.tbin = 29 THEN -1 ELSE 0 END AS t29,
      CASE WHEN c.tbin = 30 THEN -1 ELSE 0 END AS t30,
      CASE WHEN c.tbin = 31 THEN -1 ELSE 0 END AS t31
    FROM (SELECT x.*, dash_ttd_bin(x."decidedAt" - x."openedAt") AS tbin FROM (SELECT * FROM "ReviewCase" WHERE "verificationId" IN (SELECT "id" FROM (SELECT OLD.*) AS tv)) x WHERE x."status" = 'decided' AND x."decidedAt" IS NOT NULL) c
    JOIN (SELECT OLD.*) v ON v."id" = c."verificationId"
  ) AS x
  GROUP BY "hour", "check_type", "source"
  HAVING sum("opened") <> 0 OR sum("decided") <> 0 OR sum("breached") <> 0 OR sum("ttd_n") <> 0 OR sum("ttd_sum_ms") <> 0 OR sum("t0") <> 0 OR sum("t1") <> 0 OR sum("t2") <> 0 OR sum("t3") <> 0 OR sum("t4") <> 0 OR sum("t5") <> 0 OR sum("t6") <> 0 OR sum("t7") <> 0 OR sum("t8") <> 0 OR sum("t9") <> 0 OR sum("t10") <> 0 OR sum("t11") <> 0 OR sum("t12") <> 0 OR sum("t13") <> 0 OR sum("t14") <> 0 OR sum("t15") <> 0 OR sum("t16") <> 0 OR sum("t17") <> 0 OR sum("t18") <> 0 OR sum("t19") <> 0 OR sum("t20") <> 0 OR sum("t21") <> 0 OR sum("t22") <> 0 OR sum("t23") <> 0 OR sum("t24") <> 0 OR sum("t25") <> 0 OR sum("t26") <> 0 OR sum("t27") <> 0 OR sum("t28") <> 0 OR sum("t29") <> 0 OR sum("t30") <> 0 OR sum("t31") <> 0;
    INSERT INTO "dash_open_cases_delta" ("opened_hour", "check_type", "source", "rule", "n")
  SELECT "opened_hour", "check_type", "source", "rule", sum("n")
  FROM (
    SELECT dash_hour(c."openedAt") AS opened_hour, c."checkType" AS check_type, v."source" AS source, rr.rule AS rule, -1 AS n
    FROM (SELECT * FROM "ReviewCase" WHERE "verificationId" IN (SELECT "id" FROM (SELECT OLD.*) AS tv)) c JOIN (SELECT OLD.*) v ON v."id" = c."verificationId" CROSS JOIN LATERAL dash_case_rules(c."rules") AS rr(rule)
    WHERE c."status" <> 'decided'
  ) AS x
  GROUP BY "opened_hour", "check_type", "source", "rule"
  HAVING sum("n") <> 0;
    INSERT INTO "dash_open_sla_delta" ("sla_hour", "check_type", "source", "n")
  SELECT "sla_hour", "check_type", "source", sum("n")
  FROM (
    SELECT dash_hour(c."slaDueAt") AS sla_hour, c."checkType" AS check_type, v."source" AS source, -1 AS n
    FROM (SELECT * FROM "ReviewCase" WHERE "verificationId" IN (SELECT "id" FROM (SELECT OLD.*) AS tv)) c JOIN (SELECT OLD.*) v ON v."id" = c."verificationId"
    WHERE c."status" <> 'decided' AND c."slaDueAt" IS NOT NULL
  ) AS x
  GROUP BY "sla_hour", "check_type", "source"
  HAVING sum("n") <> 0;
    INSERT INTO "dash_decisions_delta" ("hour", "reviewer_id", "check_type", "source", "kind", "n", "overrides")
  SELECT "hour", "reviewer_id", "check_type", "source", "kind", sum("n"), sum("overrides")
  FROM (
    SELECT dash_hour(d."createdAt") AS hour, d."decidedById" AS reviewer_id, c."checkType" AS check_type, v."source" AS source, d."kind" AS kind,
      -1 AS n, CASE WHEN d."overridesVendor" THEN -1 ELSE 0 END AS overrides
    FROM (SELECT * FROM "Decision" WHERE "caseId" IN (SELECT "id" FROM "ReviewCase" WHERE "verificationId" IN (SELECT "id" FROM (SELECT OLD.*) AS tv))) d JOIN "ReviewCase" c ON c."id" = d."caseId" JOIN (SELECT OLD.*) v ON v."id" = c."verificationId"
  ) AS x
  GROUP BY "hour", "reviewer_id", "check_type", "source", "kind"
  HAVING sum("n") <> 0 OR sum("overrides") <> 0;
  RETURN OLD;
END $$;
CREATE TRIGGER "dash_verification_delete" BEFORE DELETE ON "Verification"
  FOR EACH ROW EXECUTE FUNCTION dash_verification_delete();

-- Indexes the dashboards need on the raw tables: open cases whose SLA falls due in the current hour
-- (the rollup counts whole hours).
CREATE INDEX "dash_ReviewCase_open_slaDueAt_idx" ON "ReviewCase"("slaDueAt") WHERE "status" <> 'decided';

-- The current rollups of whatever is already stored.
SELECT dash_recompute_rollups();
