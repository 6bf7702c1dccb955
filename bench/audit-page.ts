import type pg from "pg";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { auditSearchSchema, findAuditEvents } from "@/lib/audit/find-audit-events";
import { findLastFullCheck, verifyAuditChain } from "@/lib/audit/verify-audit-chain";
import { db } from "@/lib/db";
import { timeIt } from "./measure";
import type { BenchLine } from "./report";

// The audit section (`npm run bench -- --only audit [--audit-events N]`): an audit log of N events
// (1 M by default) chained as the triggers chain them, a full check recorded as the checkpoint (what
// the daily audit-verify job does), then NEW_EVENTS more written through the real triggers; then the
// audit page's data is timed: the bounded chain check (events since the checkpoint), the newest page
// of events and the last full check. The full check (`audit verify --full`, what the page ran on
// every load before checkpoints) is timed once beside it.

const NEW_EVENTS = 1000;

/** N events and their links, written in SQL (the triggers are lifted for the load, as a restore would). */
async function loadAuditLog(client: pg.PoolClient, events: number, log: (line: string) => void) {
  let started = performance.now();
  await client.query(`ALTER TABLE "AuditEvent" DISABLE TRIGGER USER`);
  await client.query(`ALTER TABLE "AuditChainLink" DISABLE TRIGGER USER`);
  await client.query(`ALTER TABLE "AuditChainHead" DISABLE TRIGGER USER`);
  try {
    await client.query(
      `INSERT INTO "AuditEvent" ("id", "at", "actorLabel", "action", "targetType", "targetId", "after")
       SELECT nextval('"AuditEvent_id_seq"'), date_trunc('milliseconds', now() - (($1::int - i) * interval '30 seconds')),
              'reviewer-' || (i % 20) || '@verdict.test',
              (ARRAY['media.viewed', 'media.viewed', 'verification.created', 'case.opened', 'case.decided', 'auth.signed_in'])[1 + i % 6],
              (ARRAY['media', 'media', 'verification', 'review_case', 'review_case', 'user'])[1 + i % 6],
              md5(i::text), jsonb_build_object('n', i)
         FROM generate_series(1, $1::int) AS i`,
      [events],
    );
    log(`  ${events.toLocaleString("en-US")} events in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    started = performance.now();
    // The chain is sequential by nature: one pass in id order, as the first migration chained it.
    await client.query(`
      DO $$
      DECLARE
        e "AuditEvent";
        prev TEXT := verdict_audit_genesis();
        n BIGINT := (SELECT "lastSeq" FROM "AuditChainHead" WHERE "id" = 1);
        last_id BIGINT;
        digest TEXT;
      BEGIN
        FOR e IN SELECT * FROM "AuditEvent" ev WHERE NOT EXISTS (SELECT 1 FROM "AuditChainLink" l WHERE l."eventId" = ev."id") ORDER BY ev."id" LOOP
          n := n + 1;
          digest := verdict_audit_digest(prev, e);
          INSERT INTO "AuditChainLink" ("seq", "eventId", "prevHash", "hash") VALUES (n, e."id", prev, digest);
          prev := digest;
          last_id := e."id";
        END LOOP;
        UPDATE "AuditChainHead" SET "lastSeq" = n, "lastEventId" = last_id, "lastHash" = prev WHERE "id" = 1;
      END;
      $$`);
    log(`  chained in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await client.query(`ALTER TABLE "AuditEvent" ENABLE TRIGGER USER`);
    await client.query(`ALTER TABLE "AuditChainLink" ENABLE TRIGGER USER`);
    await client.query(`ALTER TABLE "AuditChainHead" ENABLE TRIGGER USER`);
  }
  await client.query(`VACUUM ANALYZE "AuditEvent", "AuditChainLink"`);
}

export async function measureAuditPage(pool: pg.Pool, events: number, iterations: number, log: (line: string) => void): Promise<BenchLine[]> {
  log(`audit: loading ${events.toLocaleString("en-US")} events`);
  const client = await pool.connect();
  try {
    await loadAuditLog(client, events, log);
  } finally {
    client.release();
  }

  log("audit: full check (audit verify --full), recorded as the checkpoint");
  let started = performance.now();
  const full = await verifyAuditChain({ full: true, recordAs: "bench" });
  const fullSeconds = (performance.now() - started) / 1000;
  if (!full.intact) throw new Error(`the loaded chain is broken: ${full.reason}`);
  log(`  ${full.events.toLocaleString("en-US")} events checked in ${fullSeconds.toFixed(1)} s`);

  // Newer events, written through the real triggers (linked at commit), for the bounded check to read.
  for (let i = 0; i < NEW_EVENTS; i += 50) {
    await db.$transaction(async (tx) => {
      for (let j = i; j < i + 50; j++) await recordAuditEvent(tx, { kind: "system", label: "bench" }, { action: "bench.event", targetType: "bench", targetId: String(j) });
    });
  }

  const search = auditSearchSchema.parse({});
  // Not recorded: every load checks the same NEW_EVENTS since the checkpoint.
  const pageData = () => Promise.all([verifyAuditChain(), findLastFullCheck(), findAuditEvents(search)]);
  const [bounded] = await pageData();
  if (!bounded.intact || bounded.checked !== NEW_EVENTS) throw new Error(`the bounded check should see ${NEW_EVENTS} intact events: ${JSON.stringify(bounded)}`);
  const timing = await timeIt(pageData, { iterations, warmup: 3 });
  log(`  audit page data: p95 ${timing.p95.toFixed(2)} ms`);

  started = performance.now();
  const fullAgain = await verifyAuditChain({ full: true });
  const fullMs = performance.now() - started;
  return [
    {
      kind: "latency", name: `audit page data: ${(events / 1e6).toLocaleString("en-US")} M events`, p50_ms: timing.p50, p95_ms: timing.p95, floor_p95_ms: null, ratio: null, target_p95_ms: 200, ok: timing.p95 < 200,
      note: `bounded chain check of the ${NEW_EVENTS} events since the last checkpoint + last full check + newest 50 events; a full check (audit verify --full, the daily job; the page's cost before checkpoints) took ${(fullMs / 1000).toFixed(1)} s for ${fullAgain.events.toLocaleString("en-US")} events`,
    },
    {
      kind: "measure", name: "audit verify --full", value: fullMs / 1000, unit: "s", target: null, direction: "max", ok: fullAgain.intact,
      note: `${fullAgain.events.toLocaleString("en-US")} events; the daily audit-verify job, not a page load`,
    },
  ];
}
