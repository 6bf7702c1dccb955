-- Faces the engine found in each analysed media (box, key points, pose, quality, embedding), kept
-- for later work (duplicate search, retention deletes them with their media).
CREATE TABLE "MediaFace" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "mediaId" UUID NOT NULL,
    -- 0 for the largest face of the picture (or frame), then by size.
    "faceIndex" INTEGER NOT NULL,
    -- For a video: the time of the sampled frame; NULL for an image.
    "frameMs" INTEGER,
    "box" JSONB NOT NULL,
    "landmarks" JSONB NOT NULL,
    "yaw" REAL NOT NULL,
    "pitch" REAL NOT NULL,
    "roll" REAL NOT NULL,
    "quality" JSONB NOT NULL,
    "detectorScore" REAL NOT NULL,
    "antispoofScore" REAL,
    "livenessScore" REAL,
    "embedding" REAL[] NOT NULL,
    "modelName" TEXT NOT NULL,
    "modelVersion" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MediaFace_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "MediaFace_mediaId_fkey" FOREIGN KEY ("mediaId") REFERENCES "Media"("id") ON DELETE CASCADE ON UPDATE CASCADE
);
CREATE INDEX "MediaFace_mediaId_idx" ON "MediaFace"("mediaId");

-- "Check quality first": per check type and traffic source, the paid vendors wait for the engine's
-- reading and are not called when it finds the media unusable.
CREATE TABLE "QualityGateSetting" (
    "checkType" "CheckType" NOT NULL,
    "apiTraffic" BOOLEAN NOT NULL DEFAULT false,
    "consoleUploads" BOOLEAN NOT NULL DEFAULT true,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedById" UUID,

    CONSTRAINT "QualityGateSetting_pkey" PRIMARY KEY ("checkType")
);

-- A verification created with the gate on: its paid runs wait for the engine's run.
ALTER TABLE "Verification" ADD COLUMN "qualityGate" BOOLEAN NOT NULL DEFAULT false;
-- A paid run the gate did not send (the engine found the media unusable): a saved call.
ALTER TABLE "VendorRun" ADD COLUMN "skippedByGate" BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX "VendorRun_skippedByGate_requestedAt_idx" ON "VendorRun"("requestedAt") WHERE "skippedByGate";
