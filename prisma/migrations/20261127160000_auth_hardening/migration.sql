-- Sessions that end: each signed-in browser has a row; sign-out revokes it, and every request
-- checks it (a copied cookie stops working once its session is revoked).
CREATE TABLE "UserSession" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "method" TEXT NOT NULL,
    "ip" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "UserSession_userId_createdAt_idx" ON "UserSession"("userId", "createdAt");
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Not in the Prisma schema: sign-in back-off counters (lib/auth/login-throttle.ts), replacing the
-- hard lockout's "login_throttle". Keys: account:<email>, address:<ip>, device:<id>, global.
DROP TABLE "login_throttle";
CREATE TABLE "login_backoff" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailureAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "login_backoff_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "login_backoff_lastFailureAt_idx" ON "login_backoff"("lastFailureAt");

-- A tamper-evident audit log. Each event's time is the database's, and each event stores the hash
-- of its content chained to the previous event's hash, computed here in the database under a row
-- lock on the chain's head, so concurrent inserts chain in id order. `npm run cli -- audit verify`
-- recomputes the chain: a deleted or edited event, even by someone who disabled the triggers,
-- breaks it at that event. The head row remembers the last event, so deleting the newest events or
-- truncating the table shows too.
ALTER TABLE "AuditEvent" ADD COLUMN "prevHash" TEXT, ADD COLUMN "hash" TEXT;

-- Not in the Prisma schema: the chain's head (one row), written only by the chain trigger.
CREATE TABLE "AuditChainHead" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "lastEventId" BIGINT NOT NULL,
    "lastHash" TEXT NOT NULL,
    CONSTRAINT "AuditChainHead_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "AuditChainHead_one_row" CHECK ("id" = 1)
);

-- The hash of one event: SHA-256 (built into PostgreSQL since 11, no extension needed) of the
-- previous hash followed by the event's columns as a JSON array (jsonb's text form is canonical),
-- its time in epoch milliseconds so the session's time zone does not matter.
CREATE FUNCTION verdict_audit_digest(prev_hash TEXT, e "AuditEvent") RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$
  SELECT encode(sha256(convert_to(prev_hash || jsonb_build_array(
    e."id", (extract(epoch FROM e."at") * 1000)::bigint, e."actorId", e."apiKeyId", e."actorLabel",
    e."action", e."targetType", e."targetId", e."before", e."after", e."ip")::text, 'UTF8')), 'hex')
$$;

-- The hash before the first event.
CREATE FUNCTION verdict_audit_genesis() RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT repeat('0', 64)
$$;

-- Existing events, chained in id order (the append-only trigger is lifted for this one update).
ALTER TABLE "AuditEvent" DISABLE TRIGGER "AuditEvent_append_only";
DO $$
DECLARE
  e "AuditEvent";
  prev TEXT := verdict_audit_genesis();
  last_id BIGINT := 0;
BEGIN
  FOR e IN SELECT * FROM "AuditEvent" ORDER BY "id" LOOP
    UPDATE "AuditEvent" SET "prevHash" = prev, "hash" = verdict_audit_digest(prev, e) WHERE "id" = e."id"
      RETURNING "hash" INTO prev;
    last_id := e."id";
  END LOOP;
  INSERT INTO "AuditChainHead" ("id", "lastEventId", "lastHash") VALUES (1, last_id, prev);
END;
$$;
ALTER TABLE "AuditEvent" ENABLE TRIGGER "AuditEvent_append_only";

-- Every new event: id and time given here (a client-given id, time or hash is ignored), chained to
-- the head under its row lock, which holds until the inserting transaction ends. SECURITY DEFINER:
-- the app's role needs no right on the head table.
CREATE FUNCTION verdict_audit_chain() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  head "AuditChainHead";
BEGIN
  SELECT * INTO head FROM "AuditChainHead" WHERE "id" = 1 FOR UPDATE;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'AuditChainHead is missing: the audit chain cannot continue';
  END IF;
  NEW."id" := nextval('"AuditEvent_id_seq"');
  NEW."at" := date_trunc('milliseconds', now());
  NEW."prevHash" := head."lastHash";
  NEW."hash" := verdict_audit_digest(head."lastHash", NEW);
  UPDATE "AuditChainHead" SET "lastEventId" = NEW."id", "lastHash" = NEW."hash" WHERE "id" = 1;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "AuditEvent_chain" BEFORE INSERT ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION verdict_audit_chain();

-- TRUNCATE is refused like UPDATE and DELETE.
CREATE TRIGGER "AuditEvent_no_truncate" BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION verdict_audit_append_only();

-- The head moves only with the chain (the trigger above runs one level deeper than a direct write).
CREATE FUNCTION verdict_audit_head_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'UPDATE' OR pg_trigger_depth() < 2 THEN
    RAISE EXCEPTION 'AuditChainHead is written only by the audit chain (% refused)', TG_OP;
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "AuditChainHead_guard" BEFORE INSERT OR UPDATE OR DELETE ON "AuditChainHead"
  FOR EACH ROW EXECUTE FUNCTION verdict_audit_head_guard();
CREATE TRIGGER "AuditChainHead_no_truncate" BEFORE TRUNCATE ON "AuditChainHead"
  FOR EACH STATEMENT EXECUTE FUNCTION verdict_audit_head_guard();

-- Optional second factor (TOTP) for password accounts; the secret is sealed with VERDICT_MASTER_KEY.
ALTER TABLE "User" ADD COLUMN "totpSecretEncrypted" TEXT, ADD COLUMN "totpEnabledAt" TIMESTAMPTZ(3), ADD COLUMN "totpLastStep" INTEGER;

-- One-time recovery codes, stored as SHA-256 hashes.
CREATE TABLE "RecoveryCode" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMPTZ(3),
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "RecoveryCode_userId_codeHash_key" ON "RecoveryCode"("userId", "codeHash");
ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Roles whose password users must have a second factor (set by an admin).
CREATE TABLE "TotpRequiredRole" (
    "role" "Role" NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "TotpRequiredRole_pkey" PRIMARY KEY ("role")
);
