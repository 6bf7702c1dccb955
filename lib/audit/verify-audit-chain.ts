import type pg from "pg";
import { sqlPool } from "@/lib/db";

// Recomputes the audit log's hash chain (migration 20261127160000_auth_hardening) in the database
// and names the first broken link. Catches, even from someone with full database rights who
// disabled the triggers: an edited event (its hash no longer matches its content), a deleted event
// (the next one does not follow its predecessor), deleted newest events or a truncation (the chain's
// head remembers the last event). Not caught without an anchor kept elsewhere: someone who rewrote
// every hash from the edit to the end, head included. Hence `anchor`: an event id and hash noted
// earlier (`audit verify` prints the head), which must still be in the chain unchanged.

export type ChainVerdict =
  | { intact: true; events: number; firstId: string | null; lastId: string | null; headHash: string }
  | { intact: false; events: number; brokenAt: string | null; lastGoodId: string | null; reason: string };

interface ChainRow {
  id: string;
  kind: "first_not_genesis" | "not_following" | "content_changed";
  prev_id: string | null;
}

const FIRST_BROKEN_LINK = `
  WITH chain AS (
    SELECT e."id", e."prevHash", e."hash",
           lag(e."id") OVER w AS prev_id,
           lag(e."hash") OVER w AS prev_hash,
           verdict_audit_digest(e."prevHash", e) AS recomputed
      FROM "AuditEvent" e
    WINDOW w AS (ORDER BY e."id")
  )
  SELECT "id"::text AS id, prev_id::text AS prev_id,
         CASE WHEN prev_id IS NULL AND "prevHash" IS DISTINCT FROM verdict_audit_genesis() THEN 'first_not_genesis'
              WHEN prev_id IS NOT NULL AND "prevHash" IS DISTINCT FROM prev_hash THEN 'not_following'
              ELSE 'content_changed' END AS kind
    FROM chain
   WHERE (prev_id IS NULL AND "prevHash" IS DISTINCT FROM verdict_audit_genesis())
      OR (prev_id IS NOT NULL AND "prevHash" IS DISTINCT FROM prev_hash)
      OR "hash" IS DISTINCT FROM recomputed
   ORDER BY "id"
   LIMIT 1`;

function describe(row: ChainRow): string {
  switch (row.kind) {
    case "first_not_genesis":
      return `event #${row.id} is the oldest left but was not the first: the events before it were deleted`;
    case "not_following":
      return `event #${row.id} does not follow event #${row.prev_id}: events between them were deleted, or #${row.prev_id} was rewritten`;
    case "content_changed":
      return `event #${row.id} was changed after it was written (its content no longer matches its hash)`;
  }
}

interface VerifyOptions {
  anchor?: { id: string; hash: string };
  /** A connection already in a transaction (tests); by default one of the pool, in a snapshot of its own. */
  on?: pg.PoolClient;
}

export async function verifyAuditChain(options: VerifyOptions = {}): Promise<ChainVerdict> {
  if (options.on) return verifyInSnapshot(options.on, options.anchor);
  const client = await sqlPool().connect();
  try {
    // One snapshot for every query, so an event committed meanwhile cannot look like a gap.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    return await verifyInSnapshot(client, options.anchor);
  } finally {
    await client.query("ROLLBACK").catch(() => {});
    client.release();
  }
}

async function verifyInSnapshot(pool: pg.PoolClient, anchor: VerifyOptions["anchor"]): Promise<ChainVerdict> {
  const summary = await pool.query<{ events: string; first_id: string | null; last_id: string | null; last_hash: string | null }>(
      `SELECT count(*)::text AS events, min("id")::text AS first_id, max("id")::text AS last_id,
              (SELECT "hash" FROM "AuditEvent" ORDER BY "id" DESC LIMIT 1) AS last_hash
         FROM "AuditEvent"`,
    );
  const head = await pool.query<{ last_event_id: string; last_hash: string }>(`SELECT "lastEventId"::text AS last_event_id, "lastHash" AS last_hash FROM "AuditChainHead" WHERE "id" = 1`);
  const broken = await pool.query<ChainRow>(FIRST_BROKEN_LINK);
  const { events: count, first_id: firstId, last_id: lastId, last_hash: lastHash } = summary.rows[0];
  const events = Number(count);
  const brokenRow = broken.rows[0];
  if (brokenRow) {
    return { intact: false, events, brokenAt: brokenRow.id, lastGoodId: brokenRow.prev_id, reason: describe(brokenRow) };
  }
  const chainHead = head.rows[0];
  if (!chainHead) return { intact: false, events, brokenAt: null, lastGoodId: lastId, reason: "the chain's head record is missing" };
  const genesis = "0".repeat(64);
  if (chainHead.last_event_id !== (lastId ?? "0") || chainHead.last_hash !== (lastHash ?? genesis)) {
    return {
      intact: false,
      events,
      brokenAt: null,
      lastGoodId: lastId,
      reason: `the newest events were deleted: the chain's head is event #${chainHead.last_event_id}, the newest left is #${lastId ?? "none"}`,
    };
  }
  if (anchor) {
    const { rows } = await pool.query<{ hash: string | null }>(`SELECT "hash" FROM "AuditEvent" WHERE "id" = $1::bigint`, [anchor.id]);
    if (rows[0]?.hash !== anchor.hash) {
      return {
        intact: false,
        events,
        brokenAt: anchor.id,
        lastGoodId: null,
        reason: rows[0] ? `event #${anchor.id} no longer has the anchored hash: the chain was rewritten` : `the anchored event #${anchor.id} is gone`,
      };
    }
  }
  return { intact: true, events, firstId, lastId, headHash: chainHead.last_hash };
}
