import type pg from "pg";

// A realistic year of history, generated inside PostgreSQL with INSERT … SELECT over
// generate_series (no rows travel through Node): verifications with their media and vendor runs
// (~1.3 per verification, 2 % reruns, outcomes pass 78 % / review 9 % / fail 10 % / error 3 %,
// log-normal latencies per vendor, timeouts and retries), ~10 % review cases (most decided within
// hours; about 3 % straggle, so the queue holds a backlog of a few thousand open cases of every age) and their decisions by 20 reviewers.
// The dashboard triggers are disabled during the load; the caller rebuilds the rollups afterwards.

export const BENCH_TABLES = ["Verification", "VendorRun", "ReviewCase", "Decision"] as const;
// Every table the load writes millions of rows to.
const LOADED_TABLES = [...BENCH_TABLES, "Media"];

const RULES = ["vendor_review", "score_in_band", "vendor_disagreement", "vendor_error_triage", "manual_review"];

export interface LoadStep {
  step: string;
  rows: number;
  ms: number;
}

async function timed(client: pg.Client, step: string, sql: string, params: unknown[] = []): Promise<LoadStep> {
  const started = performance.now();
  const result = await client.query(sql, params);
  return { step, rows: result.rowCount ?? 0, ms: performance.now() - started };
}

export async function loadSyntheticHistory(client: pg.Client, size: number, log: (line: string) => void): Promise<LoadStep[]> {
  const steps: LoadStep[] = [];
  const run = async (step: string, sql: string, params: unknown[] = []) => {
    const done = await timed(client, step, sql, params);
    steps.push(done);
    log(`  ${step}: ${done.rows.toLocaleString("en-US")} rows in ${(done.ms / 1000).toFixed(1)} s`);
  };
  for (const table of BENCH_TABLES) await client.query(`ALTER TABLE "${table}" DISABLE TRIGGER USER`);
  // Bulk-load speed: the secondary indexes are dropped and built once at the end (one sort each
  // instead of millions of random inserts), and, where the role may, foreign-key checks are off
  // for this session (the generator writes consistent rows itself).
  const replica = await client.query("SET session_replication_role = replica").then(() => true, () => false);
  const indexes = (await client.query<{ name: string; definition: string }>(
    `SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
     FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace JOIN pg_class t ON t.oid = i.indrelid
     WHERE t.relname = ANY($1::text[]) AND n.nspname = current_schema() AND NOT i.indisprimary
       AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
    [LOADED_TABLES],
  )).rows;
  for (const index of indexes) await client.query(`DROP INDEX ${index.name}`);
  await client.query("SELECT setseed(0.42)");

  await run(
    "users",
    `INSERT INTO "User" ("email", "name", "role")
     SELECT 'bench-reviewer-' || i || '@verdict.test', 'Reviewer ' || i, 'reviewer' FROM generate_series(1, 20) AS i`,
  );
  await run(
    "blobs",
    `INSERT INTO "Blob" ("sha256", "size", "mime", "storage")
     SELECT encode(sha256(('bench-' || i)::bytea), 'hex'), 150000 + i, 'image/jpeg', 's3' FROM generate_series(0, 63) AS i`,
  );
  await run(
    "verifications",
    `INSERT INTO "Verification" ("checkType", "source", "status", "reference", "createdAt", "updatedAt", "completedAt")
     SELECT ct, src, 'completed', 'subject-' || i, t, t + interval '3 seconds', t + interval '3 seconds'
     FROM (
       SELECT i,
         now() - random() * interval '365 days' AS t,
         (ARRAY['face_match', 'face_match', 'face_match', 'face_match', 'liveness_selfie', 'liveness_selfie', 'liveness_selfie',
                'liveness_3angle', 'liveness_3angle', 'liveness_video'])[1 + floor(random() * 10)::int]::"CheckType" AS ct,
         (CASE WHEN u < 0.75 THEN 'api' WHEN u < 0.85 THEN 'upload' ELSE 'ingest' END)::"VerificationSource" AS src
       FROM (SELECT i, random() AS u FROM generate_series(1, $1::int) AS i) AS s
     ) AS x`,
    [size],
  );
  await run(
    "media",
    `INSERT INTO "Media" ("verificationId", "role", "sha256", "mime", "size", "width", "height", "createdAt")
     SELECT v."id", r.role::"MediaRole", (h.hashes)[1 + floor(random() * 64)::int], 'image/jpeg', 150000, 1280, 960, v."createdAt"
     FROM "Verification" v
     -- The 64 blobs' hashes, computed once rather than per row.
     CROSS JOIN (SELECT array_agg(encode(sha256(('bench-' || i)::bytea), 'hex') ORDER BY i) AS hashes FROM generate_series(0, 63) AS i) AS h
     CROSS JOIN LATERAL unnest(CASE v."checkType"
       WHEN 'face_match' THEN ARRAY['image1', 'image2']
       WHEN 'liveness_selfie' THEN ARRAY['selfie']
       WHEN 'liveness_3angle' THEN ARRAY['portrait_left', 'portrait_mid', 'portrait_right']
       ELSE ARRAY['video'] END) AS r(role)`,
  );
  // First attempts. Latency: a per-vendor median times a log-normal spread; errors are timeouts
  // (30 s, two timed-out attempts) or 5xx after a retry; 5 % of good runs needed one retry.
  await run(
    "vendor runs",
    `INSERT INTO "VendorRun" ("verificationId", "vendor", "checkType", "attempt", "status", "outcome", "vendorVerdict", "httpStatus", "latencyMs",
                              "attempts", "normalized", "requestedAt", "startedAt", "finishedAt")
     SELECT vid, vendor::"Vendor", ct, 1,
       (CASE WHEN oc = 'error' THEN 'failed' ELSE 'completed' END)::"VendorRunStatus", oc::"Outcome",
       CASE WHEN oc = 'error' THEN NULL ELSE 'result:' || oc END,
       CASE WHEN oc <> 'error' THEN 200 WHEN timeout THEN NULL ELSE 503 END,
       lat,
       CASE
         WHEN oc = 'error' AND timeout THEN jsonb_build_array(
           jsonb_build_object('attempt', 1, 'latencyMs', 15000, 'httpStatus', NULL, 'networkError', 'timeout'),
           jsonb_build_object('attempt', 2, 'latencyMs', 15000, 'httpStatus', NULL, 'networkError', 'timeout'))
         WHEN oc = 'error' OR retried THEN jsonb_build_array(
           jsonb_build_object('attempt', 1, 'latencyMs', 200, 'httpStatus', 503, 'networkError', NULL),
           jsonb_build_object('attempt', 2, 'latencyMs', lat - 200, 'httpStatus', CASE WHEN oc = 'error' THEN 503 ELSE 200 END, 'networkError', NULL))
         ELSE jsonb_build_array(jsonb_build_object('attempt', 1, 'latencyMs', lat, 'httpStatus', 200, 'networkError', NULL))
       END,
       jsonb_build_object('vendor', vendor, 'checkType', ct, 'outcome', oc, 'latencyMs', lat, 'reasons',
         CASE oc
           WHEN 'error' THEN jsonb_build_array(jsonb_build_object('code', CASE WHEN timeout THEN 'timeout' ELSE (ARRAY['vendor_unavailable', 'vendor_unavailable', 'quota_exhausted', 'malformed_response'])[1 + floor(random() * 4)::int] END, 'severity', 'error'))
           WHEN 'fail' THEN jsonb_build_array(jsonb_build_object('code', (ARRAY['spoof_detected', 'face_mismatch', 'low_quality'])[1 + floor(random() * 3)::int], 'severity', 'error'))
           WHEN 'review' THEN jsonb_build_array(jsonb_build_object('code', 'score_borderline', 'severity', 'warning'))
           ELSE '[]'::jsonb END),
       t, t, t + lat * interval '1 millisecond'
     FROM (
       SELECT vid, vendor, ct, t, oc, timeout, retried,
         CASE WHEN oc = 'error' AND timeout THEN 30000
           ELSE greatest(20, round(
             (CASE vendor WHEN 'cvs' THEN 450 WHEN 'fpt' THEN 1200 WHEN 'kairos' THEN 700 ELSE 350 END)
             * exp(0.45 * ((g1 + g2 + g3 + g4 - 2) * 1.73))))::int END AS lat
       FROM (
         SELECT vid, vendor, ct, t, g1, g2, g3, g4, ut < 0.3 AS timeout, ur < 0.05 AS retried,
           CASE WHEN u < 0.78 THEN 'pass' WHEN u < 0.87 THEN 'review' WHEN u < 0.97 THEN 'fail' ELSE 'error' END AS oc
         FROM (
           -- Every random draw is a column of the (verification, vendor) row itself: an uncorrelated
           -- random() inside a LATERAL subquery may be evaluated once for all rows.
           SELECT v."id" AS vid, vd.vendor, v."checkType" AS ct, v."createdAt" + interval '1 second' AS t,
             random() AS u, random() AS ut, random() AS ur, random() AS g1, random() AS g2, random() AS g3, random() AS g4
           FROM (SELECT vv.*, random() AS r1 FROM "Verification" vv) AS v
           CROSS JOIN LATERAL unnest(CASE v."checkType"
             WHEN 'face_match' THEN CASE WHEN v.r1 < 0.3 THEN ARRAY['cvs', 'fpt'] ELSE ARRAY['cvs'] END
             WHEN 'liveness_selfie' THEN CASE WHEN v.r1 < 0.2 THEN ARRAY['kairos', 'biometric_kz'] WHEN v.r1 < 0.6 THEN ARRAY['kairos'] ELSE ARRAY['biometric_kz'] END
             WHEN 'liveness_3angle' THEN ARRAY['cvs']
             ELSE ARRAY['fpt'] END) AS vd(vendor)
         ) AS draws
       ) AS o
     ) AS x`,
  );
  await run(
    "reruns",
    `INSERT INTO "VendorRun" ("verificationId", "vendor", "checkType", "attempt", "status", "outcome", "httpStatus", "latencyMs", "attempts", "normalized",
                              "rerunReason", "requestedAt", "startedAt", "finishedAt")
     SELECT r."verificationId", r."vendor", r."checkType", 2, 'completed', oc::"Outcome", 200, r."latencyMs" % 5000 + 100,
       jsonb_build_array(jsonb_build_object('attempt', 1, 'latencyMs', r."latencyMs" % 5000 + 100, 'httpStatus', 200, 'networkError', NULL)),
       jsonb_build_object('outcome', oc, 'reasons', '[]'::jsonb), 'bench rerun',
       least(now(), r."requestedAt" + random() * interval '3 days'), least(now(), r."requestedAt" + interval '3 days'), least(now(), r."requestedAt" + interval '3 days')
     FROM (SELECT *, CASE WHEN random() < 0.8 THEN 'pass' ELSE 'review' END AS oc FROM "VendorRun" WHERE random() < 0.02) AS r`,
  );
  // Cases: time to decision log-normal around 3 h; what would be decided in the future (and 2 %
  // stragglers) is still open, awaiting confirmation or escalated.
  await run(
    "review cases",
    `INSERT INTO "ReviewCase" ("verificationId", "status", "rules", "priority", "checkType", "reference", "assigneeId", "assignedAt", "slaDueAt",
                               "decision", "decidedAt", "openedAt")
     SELECT vid, st::"CaseStatus", rules, prio, ct, ref,
       CASE WHEN st <> 'open' OR random() < 0.3 THEN reviewers[1 + floor(random() * 20)::int] END,
       CASE WHEN st <> 'open' THEN opened + interval '5 minutes' END,
       opened + CASE prio WHEN 3 THEN interval '4 hours' WHEN 2 THEN interval '8 hours' ELSE interval '24 hours' END,
       CASE WHEN st = 'decided' THEN (CASE WHEN u < 0.7 THEN 'approve' ELSE 'reject' END)::"DecisionKind" END,
       CASE WHEN st = 'decided' THEN opened + ttd END,
       opened
     FROM (
       SELECT v."id" AS vid, v."checkType" AS ct, v."reference" AS ref, v."createdAt" + interval '5 seconds' AS opened,
         floor(random() * 4)::int AS prio, random() AS u,
         (ARRAY[$1, $2, $3, $4, $5])[1 + floor(random() * 5)::int] AS r1,
         CASE WHEN random() < 0.3 THEN (ARRAY[$1, $2, $3, $4, $5])[1 + floor(random() * 5)::int] END AS r2,
         exp(ln(180) + 1.0 * ((random() + random() + random() + random() - 2) * 1.73)) * interval '1 minute' AS ttd,
         random() AS straggle,
         (SELECT array_agg("id") FROM "User" WHERE "email" LIKE 'bench-reviewer-%') AS reviewers
       FROM "Verification" v WHERE random() < 0.10
     ) AS s
     CROSS JOIN LATERAL (SELECT ARRAY(SELECT DISTINCT x FROM unnest(ARRAY[r1, r2]) AS x WHERE x IS NOT NULL) AS rules) AS rr
     CROSS JOIN LATERAL (SELECT CASE WHEN opened + ttd < now() AND straggle >= 0.03 THEN 'decided'
                               WHEN straggle < 0.004 THEN 'escalated' WHEN straggle < 0.006 THEN 'awaiting_confirmation' ELSE 'open' END AS st) AS stt`,
    RULES,
  );
  await run(
    "decisions",
    `INSERT INTO "Decision" ("caseId", "kind", "reasonCode", "overridesVendor", "decidedById", "createdAt")
     SELECT c."id", coalesce(c."decision", 'escalate'), 'other', random() < 0.12, c."assigneeId", coalesce(c."decidedAt", c."assignedAt")
     FROM "ReviewCase" c WHERE c."status" IN ('decided', 'escalated') AND c."assigneeId" IS NOT NULL`,
  );
  const indexStarted = performance.now();
  await client.query("SET maintenance_work_mem = '512MB'");
  for (const index of indexes) await client.query(index.definition);
  await client.query("RESET maintenance_work_mem");
  steps.push({ step: "indexes", rows: indexes.length, ms: performance.now() - indexStarted });
  log(`  ${indexes.length} indexes built in ${((performance.now() - indexStarted) / 1000).toFixed(1)} s${replica ? "" : " (foreign keys were checked: the role may not set session_replication_role)"}`);
  if (replica) await client.query("RESET session_replication_role");
  for (const table of BENCH_TABLES) await client.query(`ALTER TABLE "${table}" ENABLE TRIGGER USER`);
  return steps;
}
