-- 1:N face search over every face the engine embeds, and a face blocklist.
--
-- Plain-PostgreSQL index (works everywhere, the embedded default included): per face a 256-bit
-- sign code of a fixed random projection (Hamming distance approximates the angle) and the face's
-- IVF list (nearest of the trained list centres, 0 until lists are trained), for a shortlist; the
-- descriptor quantized to int8 for the rerank. Rows go with their face (ON DELETE CASCADE), so
-- retention and subject erasure remove them from the index in the same transaction.
CREATE TABLE "FaceSearchEntry" (
    "faceId" UUID NOT NULL,
    "list" INTEGER NOT NULL DEFAULT 0,
    "code" BIT(256) NOT NULL,
    CONSTRAINT "FaceSearchEntry_pkey" PRIMARY KEY ("faceId"),
    CONSTRAINT "FaceSearchEntry_faceId_fkey" FOREIGN KEY ("faceId") REFERENCES "MediaFace"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
-- Covering: a probe of a few lists reads index pages only.
CREATE INDEX "FaceSearchEntry_list_idx" ON "FaceSearchEntry"("list") INCLUDE ("code", "faceId");

-- Kept apart from the entries so the shortlist scan stays narrow (1 KB per face here).
CREATE TABLE "FaceSearchVector" (
    "faceId" UUID NOT NULL,
    -- int8 components (v / scale, rounded), 1 byte each; cosine is scale-free.
    "vec" BYTEA NOT NULL,
    CONSTRAINT "FaceSearchVector_pkey" PRIMARY KEY ("faceId"),
    CONSTRAINT "FaceSearchVector_faceId_fkey" FOREIGN KEY ("faceId") REFERENCES "MediaFace"("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- Trained IVF list centres (k-means on the projected codes); the newest version applies.
CREATE TABLE "FaceSearchLists" (
    "version" INTEGER NOT NULL,
    "lists" INTEGER NOT NULL,
    -- float32 little-endian, lists × 256.
    "centres" BYTEA NOT NULL,
    "trainedOn" INTEGER NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "FaceSearchLists_pkey" PRIMARY KEY ("version")
);

-- Where pgvector exists (most managed PostgreSQL services), the standard: vector(1024) + HNSW
-- (cosine). Skipped silently where it does not (the embedded default, Debian's PostgreSQL).
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_available_extensions WHERE name = 'vector') THEN
    BEGIN
      CREATE EXTENSION IF NOT EXISTS vector;
      EXECUTE 'CREATE TABLE "FaceSearchPgvector" ("faceId" UUID PRIMARY KEY REFERENCES "MediaFace"("id") ON DELETE CASCADE, "embedding" vector(1024) NOT NULL)';
      EXECUTE 'CREATE INDEX "FaceSearchPgvector_hnsw" ON "FaceSearchPgvector" USING hnsw ("embedding" vector_cosine_ops)';
    EXCEPTION WHEN insufficient_privilege THEN
      RAISE NOTICE 'pgvector is available but this role may not create it: face search uses the plain-PostgreSQL index';
    END;
  END IF;
END $$;

-- The face blocklist: a blocked face keeps its own copy of the descriptor (the fraud it stands for
-- must still be caught after the verification it came from is purged). Removal is a soft delete.
CREATE TABLE "FaceBlock" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "sourceFaceId" UUID,
    "verificationId" UUID,
    "reference" TEXT,
    "reason" TEXT NOT NULL,
    "embedding" REAL[] NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "removedAt" TIMESTAMPTZ(3),
    "removedById" UUID,
    "removeReason" TEXT,
    CONSTRAINT "FaceBlock_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "FaceBlock_sourceFaceId_fkey" FOREIGN KEY ("sourceFaceId") REFERENCES "MediaFace"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "FaceBlock_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "FaceBlock_removedById_fkey" FOREIGN KEY ("removedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE
);
CREATE INDEX "FaceBlock_removedAt_idx" ON "FaceBlock"("removedAt");
