-- Sandbox answers are marked (issue 11). A vendor config knows whether its base URL is the built-in
-- sandbox's (recomputed at every start that runs the sandbox and whenever an admin saves a base URL),
-- and every vendor run records, at call time, whether a built-in sandbox answered it.
ALTER TABLE "VendorConfig" ADD COLUMN "sandbox" BOOLEAN NOT NULL DEFAULT false;
ALTER TABLE "VendorConfig" ADD COLUMN "sandboxBaseUrl" TEXT;
ALTER TABLE "VendorRun" ADD COLUMN "sandbox" BOOLEAN NOT NULL DEFAULT false;

-- What can be told of existing rows. A config on a loopback address at exactly its vendor's sandbox
-- path is the built-in sandbox (the next start that runs the sandbox recomputes it anyway).
UPDATE "VendorConfig" SET "sandbox" = true
WHERE "baseUrl" ~ ('^http://(127\.0\.0\.1|localhost)(:[0-9]+)?' || CASE "vendor"
  WHEN 'cvs' THEN '/cvs' WHEN 'fpt' THEN '/fpt' WHEN 'biometric_kz' THEN '/biometric' WHEN 'kairos' THEN '/kairos' END || '/?$');

-- Demo verifications were run against an in-process sandbox; the runs of a vendor whose config has
-- always pointed at the sandbox (never saved by an admin since its first start) were sandbox answers.
-- Ingested results were never calls. Everything else stays unmarked: it cannot be told.
UPDATE "VendorRun" r SET "sandbox" = true
FROM "Verification" v
WHERE v."id" = r."verificationId" AND r."status" IN ('completed', 'failed') AND v."source" <> 'ingest'
  AND (v."demo" OR EXISTS (
    SELECT 1 FROM "VendorConfig" c
    WHERE c."vendor" = r."vendor" AND c."sandbox"
      AND NOT EXISTS (SELECT 1 FROM "AuditEvent" a WHERE a."action" = 'vendor_config.updated' AND a."targetType" = 'vendor' AND a."targetId" = c."vendor"::text)
  ));
