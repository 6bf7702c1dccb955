-- The audit chain is linked when the inserting transaction commits, not when it inserts.
--
-- Before: a BEFORE INSERT trigger locked the chain's head row and held that lock until the
-- transaction ended, so every transaction that wrote an audit event waited for the previous one's
-- remaining statements, its client's round trips and its commit. Measured on the ingest benchmark:
-- 8 sessions waiting on the head on average, 48 verifications/s (bench/ingest.ts).
-- Now: the event is inserted with its id and time only; a DEFERRED constraint trigger links it at
-- COMMIT, so the head's lock is held for the link's insert and the commit record alone, and never
-- across a client's round trip. The chain's order is therefore the commit order, kept in
-- "AuditChainLink"."seq" (an insert-only table: no second version of each event, nothing to vacuum).
-- What is detected is unchanged: each link stores the SHA-256 of the previous link's hash and the
-- event's content (the same digest as before, so the existing chain is carried over as it is).

CREATE TABLE "AuditChainLink" (
    "seq" BIGINT NOT NULL,
    "eventId" BIGINT NOT NULL,
    "prevHash" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    CONSTRAINT "AuditChainLink_pkey" PRIMARY KEY ("seq")
);
CREATE UNIQUE INDEX "AuditChainLink_eventId_key" ON "AuditChainLink"("eventId");

-- The existing chain (id order) becomes the first links.
INSERT INTO "AuditChainLink" ("seq", "eventId", "prevHash", "hash")
SELECT row_number() OVER (ORDER BY "id"), "id", "prevHash", "hash" FROM "AuditEvent" WHERE "hash" IS NOT NULL;

ALTER TABLE "AuditChainHead" ADD COLUMN "lastSeq" BIGINT NOT NULL DEFAULT 0;
ALTER TABLE "AuditChainHead" DISABLE TRIGGER "AuditChainHead_guard";
UPDATE "AuditChainHead" SET "lastSeq" = (SELECT count(*) FROM "AuditChainLink");
ALTER TABLE "AuditChainHead" ENABLE TRIGGER "AuditChainHead_guard";

-- The hashes now live in the links only.
ALTER TABLE "AuditEvent" DROP COLUMN "prevHash", DROP COLUMN "hash";

-- Insert: the database's id and time (a client-given id or time is ignored), no lock.
CREATE OR REPLACE FUNCTION verdict_audit_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  NEW."id" := nextval('"AuditEvent_id_seq"');
  NEW."at" := date_trunc('milliseconds', now());
  RETURN NEW;
END;
$$;

-- Commit: link the event to the head, under the head's row lock (held only until the commit).
CREATE FUNCTION verdict_audit_link() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  head "AuditChainHead";
  digest TEXT;
BEGIN
  SELECT * INTO head FROM "AuditChainHead" WHERE "id" = 1 FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'AuditChainHead is missing: the audit chain cannot continue';
  END IF;
  digest := verdict_audit_digest(head."lastHash", NEW);
  INSERT INTO "AuditChainLink" ("seq", "eventId", "prevHash", "hash") VALUES (head."lastSeq" + 1, NEW."id", head."lastHash", digest);
  UPDATE "AuditChainHead" SET "lastSeq" = head."lastSeq" + 1, "lastEventId" = NEW."id", "lastHash" = digest WHERE "id" = 1;
  RETURN NULL;
END;
$$;
CREATE CONSTRAINT TRIGGER "AuditEvent_link_at_commit" AFTER INSERT ON "AuditEvent"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION verdict_audit_link();

-- Links are written only by the chain, and never changed.
CREATE FUNCTION verdict_audit_link_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' OR pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'AuditChainLink is written only by the audit chain and is append-only (% refused)', TG_OP;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "AuditChainLink_guard" BEFORE INSERT OR UPDATE OR DELETE ON "AuditChainLink"
  FOR EACH ROW EXECUTE FUNCTION verdict_audit_link_guard();
CREATE TRIGGER "AuditChainLink_no_truncate" BEFORE TRUNCATE ON "AuditChainLink"
  FOR EACH STATEMENT EXECUTE FUNCTION verdict_audit_link_guard();

-- Each check of the chain (the audit page's, `audit verify`, the periodic job): an intact check is
-- a checkpoint from which the next bounded check starts; a broken one stays on record. Written by
-- Verdict's own code; a forged checkpoint can hide tampering from bounded checks only, never from
-- a full check (`audit verify --full`, the periodic job), which starts from the first link.
CREATE TABLE "AuditChainCheck" (
    "id" BIGSERIAL NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "full" BOOLEAN NOT NULL,
    "intact" BOOLEAN NOT NULL,
    "fromSeq" BIGINT NOT NULL,
    "toSeq" BIGINT NOT NULL,
    "toHash" TEXT NOT NULL,
    "maxEventId" BIGINT NOT NULL,
    "events" BIGINT NOT NULL,
    "brokenAt" BIGINT,
    "reason" TEXT,
    "checkedBy" TEXT NOT NULL,
    CONSTRAINT "AuditChainCheck_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "AuditChainCheck_intact_toSeq_idx" ON "AuditChainCheck"("intact", "toSeq");
