import type pg from "pg";
import { sqlPool } from "@/lib/db";
import type { BlobStorage, VendorRunStatus, VerificationSource, VerificationStatus } from "@/lib/generated/prisma/enums";
import { activePolicyOf, type ActivePolicy } from "@/lib/vendor-settings/vendor-policies";
import type { VerificationForJson } from "@/lib/verifications/verification-json";
import type { CheckType, MediaRole, Outcome, VendorId } from "@/lib/vendors/types";
import { named } from "@/lib/db/named-statement";

// The statements createVerification sends, in plain SQL: a verification is the hottest write in
// Verdict (every API call), and these few statements replace a dozen ORM round trips.

export interface VendorSetup {
  vendor: VendorId;
  /** null when the vendor has no VendorConfig row yet. */
  enabled: boolean | null;
  policy: ActivePolicy | null;
}

export interface CreationSetup {
  /** Each vendor asked for (and the engine, "local", when it serves the check type), in that order. */
  vendors: VendorSetup[];
  /** The check type's "check quality first" setting; null when an admin never saved one (defaults apply). */
  qualityGate: { apiTraffic: boolean; consoleUploads: boolean } | null;
}

/** Each vendor's switch and its active decision policy for the check type, and the check type's quality gate, in one query. */
export async function readVendorSetup(vendors: VendorId[], checkType: CheckType): Promise<CreationSetup> {
  const { rows } = await sqlPool().query<{
    vendor: VendorId; enabled: boolean | null; policyId: string | null; version: number | null; settings: unknown;
    gateApiTraffic: boolean | null; gateConsoleUploads: boolean | null;
  }>({
    ...named(`SELECT x."vendor"::text AS "vendor", c."enabled", p."id" AS "policyId", p."version", p."settings",
            g."apiTraffic" AS "gateApiTraffic", g."consoleUploads" AS "gateConsoleUploads"
     FROM unnest($1::"Vendor"[]) AS x("vendor")
     LEFT JOIN "VendorConfig" c ON c."vendor" = x."vendor"
     LEFT JOIN LATERAL (
       SELECT "id", "version", "settings" FROM "VendorPolicy"
       WHERE "vendor" = x."vendor" AND "checkType" = $2::"CheckType" AND "active"
       ORDER BY "version" DESC LIMIT 1
     ) p ON true
     LEFT JOIN "QualityGateSetting" g ON g."checkType" = $2::"CheckType"`),
    values: [vendors, checkType],
  });
  const gate = rows[0];
  return {
    vendors: vendors.map((vendor) => {
      const row = rows.find((r) => r.vendor === vendor);
      const policyRow = row?.policyId && row.version !== null ? { id: row.policyId, version: row.version, settings: row.settings } : null;
      return { vendor, enabled: row?.enabled ?? null, policy: activePolicyOf(vendor, checkType, policyRow) };
    }),
    qualityGate: gate && gate.gateApiTraffic !== null && gate.gateConsoleUploads !== null ? { apiTraffic: gate.gateApiTraffic, consoleUploads: gate.gateConsoleUploads } : null,
  };
}

export interface VerificationRow {
  checkType: CheckType;
  reference: string | null;
  note: string | null;
  manualReview: boolean;
  source: VerificationSource;
  createdById: string | null;
  apiKeyId: string | null;
  idempotencyKey: string | null;
  status: VerificationStatus;
  completedAt: Date | null;
  qualityGate: boolean;
}

export interface BlobRow {
  sha256: string;
  size: number;
  mime: string;
  storage: BlobStorage;
  /** The bytes when storage is postgres. */
  data: Uint8Array | null;
}

export interface MediaRow {
  role: MediaRole;
  sha256: string;
  mime: string;
  size: number;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  fps: number | null;
  originalFilename: string;
}

/** A vendor run as inserted: queued, or (ingested answers) already finished. JSON columns as values. */
export interface RunRow {
  vendor: VendorId;
  checkType: CheckType;
  policyId: string | null;
  requestedById: string | null;
  status: VendorRunStatus;
  outcome?: Outcome | null;
  vendorVerdict?: string | null;
  livenessScore?: number | null;
  matchSimilarity?: number | null;
  httpStatus?: number | null;
  latencyMs?: number | null;
  normalized?: unknown;
  raw?: unknown;
  attempts?: unknown;
  startedAt?: Date | null;
  finishedAt?: Date | null;
}

export interface AuditRow {
  actorId: string | null;
  apiKeyId: string | null;
  actorLabel: string;
  ip: string | null;
  action: string;
  targetType: string;
  after: unknown;
}

/** A row inside json_agg: its timestamps arrive as text. */
type AsJson<T> = { [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | null ? string | null : T[K] };
type WrittenMedia = AsJson<Omit<VerificationForJson["media"][number], "purgePolicy">>;
type WrittenRun = AsJson<Omit<VerificationForJson["runs"][number], "callAttempts">>;

const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

/**
 * The verification, its blobs (kept once per content hash), media, vendor runs and its audit row,
 * in ONE statement on the caller's transaction. Returns the verification id, the run ids in the
 * order of `runs`, and the rows as written with the thumbnails their blobs already have (what the
 * API answers, without reading them back).
 */
export async function insertVerificationRows(
  client: pg.PoolClient,
  rows: { verification: VerificationRow; blobs: BlobRow[]; media: MediaRow[]; runs: RunRow[]; audit: AuditRow },
): Promise<{ id: string; runIds: string[]; written: VerificationForJson }> {
  const { verification: v, audit } = rows;
  const params: unknown[] = [
    v.checkType, v.reference, v.note, v.manualReview, v.source, v.createdById, v.apiKeyId, v.idempotencyKey, v.status, v.completedAt, v.qualityGate,
    JSON.stringify(rows.media),
    JSON.stringify(rows.runs),
    audit.actorId, audit.apiKeyId, audit.actorLabel, audit.ip, audit.action, audit.targetType, JSON.stringify(audit.after),
  ];
  // Bytes travel as binary parameters, one per blob; content already stored stays as it is.
  const blobValues = rows.blobs.map(
    (b) => `($${params.push(b.sha256)}, $${params.push(b.size)}::int, $${params.push(b.mime)}, $${params.push(b.storage)}::"BlobStorage", $${params.push(b.data === null ? null : Buffer.from(b.data.buffer, b.data.byteOffset, b.data.byteLength))}::bytea)`,
  );
  const blobs = blobValues.length
    ? `, b AS (INSERT INTO "Blob" ("sha256", "size", "mime", "storage", "data") VALUES ${blobValues.join(", ")} ON CONFLICT ("sha256") DO NOTHING)`
    : "";
  const { rows: [created] } = await client.query<
    Omit<VerificationForJson, "media" | "runs" | "testSet"> & { media: WrittenMedia[]; runs: WrittenRun[] }
  >({
    ...named(`WITH v AS (
       INSERT INTO "Verification" ("checkType", "reference", "note", "manualReview", "source", "createdById", "apiKeyId", "idempotencyKey", "status", "completedAt", "qualityGate")
       VALUES ($1::"CheckType", $2, $3, $4, $5::"VerificationSource", $6::uuid, $7::uuid, $8, $9::"VerificationStatus", $10::timestamptz, $11)
       RETURNING "id", "status", "checkType", "reference", "note", "source", "createdAt", "completedAt", "erasedAt", "eraseReason", "qualityGate"
     )${blobs},
     m AS (
       INSERT INTO "Media" ("verificationId", "role", "sha256", "mime", "size", "width", "height", "durationMs", "fps", "originalFilename")
       SELECT v."id", x."role", x."sha256", x."mime", x."size", x."width", x."height", x."durationMs", x."fps", x."originalFilename"
       FROM v, jsonb_to_recordset($12::jsonb) AS x("role" "MediaRole", "sha256" text, "mime" text, "size" int, "width" int, "height" int, "durationMs" int, "fps" float8, "originalFilename" text)
       RETURNING "id", "role", "mime", "size", "sha256", "width", "height", "durationMs", "fps", "purgedAt", "purgeKind", "purgedBy"
     ),
     r AS (
       INSERT INTO "VendorRun" ("verificationId", "vendor", "checkType", "policyId", "requestedById", "status", "outcome", "vendorVerdict", "livenessScore",
         "matchSimilarity", "httpStatus", "latencyMs", "normalized", "raw", "attempts", "startedAt", "finishedAt")
       SELECT v."id", x."vendor", x."checkType", x."policyId", x."requestedById", x."status", x."outcome", x."vendorVerdict", x."livenessScore",
         x."matchSimilarity", x."httpStatus", x."latencyMs", x."normalized", x."raw", x."attempts", x."startedAt", x."finishedAt"
       FROM v, jsonb_to_recordset($13::jsonb) AS x("vendor" "Vendor", "checkType" "CheckType", "policyId" uuid, "requestedById" uuid,
         "status" "VendorRunStatus", "outcome" "Outcome", "vendorVerdict" text, "livenessScore" float8, "matchSimilarity" float8, "httpStatus" int,
         "latencyMs" int, "normalized" jsonb, "raw" jsonb, "attempts" jsonb, "startedAt" timestamptz, "finishedAt" timestamptz)
       RETURNING "id", "vendor", "attempt", "status", "outcome", "vendorVerdict", "requestedAt", "startedAt", "finishedAt", "latencyMs", "httpStatus",
         "policyId", "rerunReason", "skippedByGate", "sandbox", "normalized", "raw", "attempts"
     ),
     a AS (
       INSERT INTO "AuditEvent" ("actorId", "apiKeyId", "actorLabel", "ip", "action", "targetType", "targetId", "after")
       SELECT $14::uuid, $15::uuid, $16, $17, $18, $19, v."id"::text, $20::jsonb FROM v
     )
     SELECT v.*,
       (SELECT coalesce(json_agg(m ORDER BY m."role"), '[]') FROM m) AS "media",
       (SELECT coalesce(json_agg(r ORDER BY r."vendor", r."attempt"), '[]') FROM r) AS "runs",
       (SELECT coalesce(json_agg(json_build_object('sha256', t."sha256", 'kind', t."kind", 'position', t."position")), '[]')
          FROM "Thumbnail" t WHERE t."sha256" IN (SELECT "sha256" FROM m) AND t."kind" IN ('thumb', 'poster') AND t."position" = 0) AS "thumbnails"
     FROM v`),
    values: params,
  });
  if (!created) throw new Error("the verification was not inserted");
  // A new verification has one run per vendor: the ids map back by vendor.
  const runIds = rows.runs.map((run) => {
    const found = created.runs.find((r) => r.vendor === run.vendor);
    if (!found) throw new Error(`the ${run.vendor} run was not inserted`);
    return found.id;
  });
  // Timestamps inside json_agg arrive as text.
  const written: VerificationForJson = {
    ...created,
    media: created.media.map((m) => ({ ...m, purgedAt: dateOrNull(m.purgedAt), purgePolicy: null })),
    runs: created.runs.map((r) => ({
      ...r, requestedAt: new Date(r.requestedAt), startedAt: dateOrNull(r.startedAt), finishedAt: dateOrNull(r.finishedAt), callAttempts: [],
    })),
    testSet: null,
  };
  return { id: created.id, runIds, written };
}
