import type pg from "pg";
import { sqlPool } from "@/lib/db";

// Recomputes the audit log's hash chain in the database and names the first broken link. The chain
// (migrations 20261127160000_auth_hardening, 20261128001400_audit_chain_at_commit) is a list of
// links in commit order, each the SHA-256 of the previous link's hash and of its event's content.
// Caught, even from someone with full database rights who disabled the triggers: an edited event
// (its content no longer matches its link), a deleted event (its link remains, or, if the link
// went too, the next link does not follow), an event inserted outside the chain, deleted newest
// events or a truncation (the chain's head remembers the last link). Not caught without an anchor
// kept elsewhere: someone who rewrote every link from the edit to the end, head included. Hence
// `anchor`: an event id and hash noted earlier (`audit verify` prints the head).
//
// Bounded checks: each check is recorded (AuditChainCheck); an intact one is a checkpoint, and the
// next bounded check (the audit page, `audit verify`) starts after the last one, so its cost is the
// events since then, not the whole log. A full check (`audit verify --full`, the periodic
// `audit-verify` job) starts from the first link and ignores checkpoints, so tampering with events
// before a checkpoint — or with the checkpoints themselves — is still caught.

export const GENESIS_HASH = "0".repeat(64);

interface Checkpoint {
  seq: string;
  hash: string;
  /** Every event with a larger id was linked after this checkpoint. */
  maxEventId: string;
}

const GENESIS: Checkpoint = { seq: "0", hash: GENESIS_HASH, maxEventId: "0" };

export interface ChainScope {
  full: boolean;
  /** The checkpoint this check started after (link 0: the beginning). */
  fromSeq: string;
  /** Events (links) checked by this check. */
  checked: number;
  /** Events in the whole chain (the head's count). */
  events: number;
}

export type ChainVerdict =
  | (ChainScope & { intact: true; lastId: string | null; headSeq: string; headHash: string; maxEventId: string })
  | (ChainScope & { intact: false; brokenAt: string | null; lastGoodId: string | null; reason: string });

interface BrokenRow {
  seq: string;
  event_id: string;
  prev_event: string | null;
  kind: "not_following" | "deleted" | "content_changed";
}

// The first link after the checkpoint that does not hold, in commit order.
const FIRST_BROKEN_LINK = `
  WITH chain AS (
    SELECT l."seq", l."eventId", l."prevHash", l."hash",
           lag(l."seq") OVER w AS prev_seq, lag(l."hash") OVER w AS prev_hash, lag(l."eventId") OVER w AS prev_event,
           e."id" IS NOT NULL AS present,
           CASE WHEN e."id" IS NOT NULL THEN verdict_audit_digest(l."prevHash", e) END AS recomputed
      FROM "AuditChainLink" l LEFT JOIN "AuditEvent" e ON e."id" = l."eventId"
     WHERE l."seq" > $1::bigint
    WINDOW w AS (ORDER BY l."seq")
  )
  SELECT "seq"::text AS seq, "eventId"::text AS event_id, prev_event::text AS prev_event,
         CASE WHEN "seq" <> coalesce(prev_seq, $1::bigint) + 1 OR "prevHash" <> coalesce(prev_hash, $2) THEN 'not_following'
              WHEN NOT present THEN 'deleted'
              ELSE 'content_changed' END AS kind
    FROM chain
   WHERE "seq" <> coalesce(prev_seq, $1::bigint) + 1 OR "prevHash" <> coalesce(prev_hash, $2) OR NOT present OR "hash" IS DISTINCT FROM recomputed
   ORDER BY "seq"
   LIMIT 1`;

// An event that no link names: written with the chain's triggers switched off. Events up to the
// checkpoint's largest id are a full check's business (a bounded one looks only at newer ids).
const FIRST_UNLINKED_EVENT = `
  SELECT min(e."id")::text AS id FROM "AuditEvent" e
   WHERE e."id" > $1::bigint AND NOT EXISTS (SELECT 1 FROM "AuditChainLink" l WHERE l."eventId" = e."id")`;

function describe(row: BrokenRow, fromSeq: string): string {
  switch (row.kind) {
    case "not_following":
      return row.prev_event
        ? `event #${row.event_id} does not follow event #${row.prev_event}: events between them were deleted, or #${row.prev_event} was rewritten`
        : fromSeq === "0"
          ? `event #${row.event_id} is the oldest left but was not the first: the events before it were deleted`
          : `event #${row.event_id} does not follow the last verified checkpoint (link ${fromSeq}): events before it were deleted or rewritten`;
    case "deleted":
      return `event #${row.event_id} was deleted (its link ${row.seq} in the chain remains)`;
    case "content_changed":
      return `event #${row.event_id} was changed after it was written (its content no longer matches its hash)`;
  }
}

export interface VerifyOptions {
  /** Recheck every link from the first (ignoring checkpoints). */
  full?: boolean;
  anchor?: { id: string; hash: string };
  /** A connection already in a transaction (tests); by default one of the pool, in a snapshot of its own. */
  on?: pg.PoolClient;
  /** Who checks ("page", "cli", "job"): the check is recorded, and an intact one becomes the next checkpoint. Unset: nothing is recorded. */
  recordAs?: string;
}

export async function verifyAuditChain(options: VerifyOptions = {}): Promise<ChainVerdict> {
  if (options.on) return verifyInSnapshot(options.on, options);
  const client = await sqlPool().connect();
  let verdict: ChainVerdict;
  try {
    // One snapshot for every query, so an event committed meanwhile cannot look like a gap.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    verdict = await verifyInSnapshot(client, options);
  } finally {
    await client.query("ROLLBACK").catch(() => {});
    client.release();
  }
  if (options.recordAs) await recordCheck(verdict, options.recordAs);
  return verdict;
}

async function lastCheckpoint(client: pg.PoolClient): Promise<Checkpoint> {
  const { rows } = await client.query<{ seq: string; hash: string; max_event_id: string }>(
    `SELECT "toSeq"::text AS seq, "toHash" AS hash, "maxEventId"::text AS max_event_id FROM "AuditChainCheck"
      WHERE "intact" ORDER BY "toSeq" DESC, "id" DESC LIMIT 1`,
  );
  const row = rows[0];
  return row ? { seq: row.seq, hash: row.hash, maxEventId: row.max_event_id } : GENESIS;
}

async function verifyInSnapshot(client: pg.PoolClient, options: VerifyOptions): Promise<ChainVerdict> {
  const full = options.full ?? false;
  const from = full ? GENESIS : await lastCheckpoint(client);
  const { rows: heads } = await client.query<{ last_seq: string; last_event_id: string; last_hash: string }>(
    `SELECT "lastSeq"::text AS last_seq, "lastEventId"::text AS last_event_id, "lastHash" AS last_hash FROM "AuditChainHead" WHERE "id" = 1`,
  );
  const head = heads[0];
  const { rows: lasts } = await client.query<{ seq: string; event_id: string; hash: string; max_event_id: string | null }>(
    `SELECT l."seq"::text AS seq, l."eventId"::text AS event_id, l."hash",
            (SELECT max("eventId")::text FROM "AuditChainLink" WHERE "seq" > $1::bigint) AS max_event_id
       FROM "AuditChainLink" l ORDER BY l."seq" DESC LIMIT 1`,
    [from.seq],
  );
  const last = lasts[0];
  const lastSeq = last?.seq ?? "0";
  const scope: ChainScope = { full, fromSeq: from.seq, checked: Math.max(0, Number(lastSeq) - Number(from.seq)), events: Number(head?.last_seq ?? lastSeq) };
  const broken = (brokenAt: string | null, lastGoodId: string | null, reason: string): ChainVerdict => ({ ...scope, intact: false, brokenAt, lastGoodId, reason });

  if (from.seq !== "0") {
    // The checkpoint's link must still be there as it was checked.
    const { rows } = await client.query<{ hash: string; event_id: string }>(`SELECT "hash", "eventId"::text AS event_id FROM "AuditChainLink" WHERE "seq" = $1::bigint`, [from.seq]);
    if (rows[0]?.hash !== from.hash) {
      return broken(rows[0]?.event_id ?? null, null, `the chain at the last verified checkpoint (link ${from.seq}) was ${rows[0] ? "rewritten" : "deleted"}`);
    }
  }
  const { rows: brokenRows } = await client.query<BrokenRow>(FIRST_BROKEN_LINK, [from.seq, from.hash]);
  const brokenRow = brokenRows[0];
  if (brokenRow) return broken(brokenRow.event_id, brokenRow.prev_event, describe(brokenRow, from.seq));

  const { rows: unlinked } = await client.query<{ id: string | null }>(FIRST_UNLINKED_EVENT, [from.maxEventId]);
  if (unlinked[0]?.id) return broken(unlinked[0].id, null, `event #${unlinked[0].id} is not in the chain: it was written with the chain's triggers switched off`);

  if (!head) return broken(null, last?.event_id ?? null, "the chain's head record is missing");
  if (head.last_seq !== lastSeq || head.last_hash !== (last?.hash ?? GENESIS_HASH)) {
    return broken(
      null,
      last?.event_id ?? null,
      `the newest events were deleted: the chain's head is event #${head.last_event_id} (link ${head.last_seq}), the newest left is ${last ? `#${last.event_id} (link ${last.seq})` : "none"}`,
    );
  }
  if (options.anchor) {
    const { rows } = await client.query<{ hash: string }>(`SELECT "hash" FROM "AuditChainLink" WHERE "eventId" = $1::bigint`, [options.anchor.id]);
    if (rows[0]?.hash !== options.anchor.hash) {
      return broken(options.anchor.id, null, rows[0] ? `event #${options.anchor.id} no longer has the anchored hash: the chain was rewritten` : `the anchored event #${options.anchor.id} is gone`);
    }
  }
  const maxEventId = [from.maxEventId, last?.max_event_id ?? "0"].reduce((a, b) => (BigInt(a) >= BigInt(b) ? a : b));
  return { ...scope, intact: true, lastId: last?.event_id ?? null, headSeq: lastSeq, headHash: last?.hash ?? GENESIS_HASH, maxEventId };
}

/** Records a check; an intact one that reached new links is the next checkpoint. */
async function recordCheck(verdict: ChainVerdict, checkedBy: string) {
  // An intact bounded check that found nothing new adds no information (the page is loaded often).
  if (verdict.intact && !verdict.full && verdict.checked === 0) return;
  await sqlPool().query(
    `INSERT INTO "AuditChainCheck" ("full", "intact", "fromSeq", "toSeq", "toHash", "maxEventId", "events", "brokenAt", "reason", "checkedBy")
     VALUES ($1, $2, $3::bigint, $4::bigint, $5, $6::bigint, $7, $8::bigint, $9, $10)`,
    verdict.intact
      ? [verdict.full, true, verdict.fromSeq, verdict.headSeq, verdict.headHash, verdict.maxEventId, verdict.events, null, null, checkedBy]
      : [verdict.full, false, verdict.fromSeq, verdict.fromSeq, "", "0", verdict.events, verdict.brokenAt, verdict.reason, checkedBy],
  );
}

export interface LastFullCheck {
  at: Date;
  intact: boolean;
  events: number;
  brokenAt: string | null;
  reason: string | null;
}

/** The latest full check (the periodic job's or `audit verify --full`), for the audit page. */
export async function findLastFullCheck(): Promise<LastFullCheck | null> {
  const { rows } = await sqlPool().query<{ at: Date; intact: boolean; events: string; broken_at: string | null; reason: string | null }>(
    `SELECT "at", "intact", "events"::text AS events, "brokenAt"::text AS broken_at, "reason" FROM "AuditChainCheck" WHERE "full" ORDER BY "id" DESC LIMIT 1`,
  );
  const row = rows[0];
  return row ? { at: row.at, intact: row.intact, events: Number(row.events), brokenAt: row.broken_at, reason: row.reason } : null;
}
