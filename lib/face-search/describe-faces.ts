import type pg from "pg";
import { named } from "@/lib/db/named-statement";

// Where an indexed face comes from: its media, verification, reference, date and outcome.

export interface FaceOrigin {
  faceId: string;
  mediaId: string;
  mediaRole: string;
  frameMs: number | null;
  box: [number, number, number, number];
  verificationId: string;
  reference: string | null;
  checkType: string;
  createdAt: Date;
  status: string;
  /** The verification's outcome: its latest vendor answers, "pass" only when all pass. */
  outcome: string | null;
  purged: boolean;
}

type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

export async function describeFaces(client: Queryable, faceIds: string[]): Promise<Map<string, FaceOrigin>> {
  if (faceIds.length === 0) return new Map();
  const { rows } = await client.query<FaceOrigin>(
    `SELECT f."id" AS "faceId", f."mediaId", m."role"::text AS "mediaRole", f."frameMs", f."box", v."id" AS "verificationId", v."reference",
        v."checkType"::text AS "checkType", v."createdAt", v."status"::text AS "status", m."purgedAt" IS NOT NULL AS "purged",
        (SELECT CASE WHEN bool_and(r."outcome" = 'pass') THEN 'pass' WHEN bool_or(r."outcome" = 'fail') THEN 'fail'
                     WHEN bool_or(r."outcome" = 'review') THEN 'review' WHEN bool_or(r."outcome" = 'error') THEN 'error' END
           FROM (SELECT DISTINCT ON (r."vendor") r."outcome" FROM "VendorRun" r WHERE r."verificationId" = v."id" AND r."outcome" IS NOT NULL
                 ORDER BY r."vendor", r."attempt" DESC) r) AS "outcome"
     FROM "MediaFace" f JOIN "Media" m ON m."id" = f."mediaId" JOIN "Verification" v ON v."id" = m."verificationId"
     WHERE f."id" = ANY($1::uuid[])`,
    [faceIds],
  );
  return new Map(rows.map((r) => [r.faceId, r]));
}

/**
 * The face that stands for each media of a verification (the largest face of the picture, or of
 * the first sampled frame of a video), with its descriptor.
 */
export async function representativeFaces(client: Queryable, where: { verificationId?: string; mediaId?: string; faceId?: string }) {
  const { rows } = await client.query<{ faceId: string; mediaId: string; role: string; embedding: number[] }>({
    ...named(`SELECT DISTINCT ON (f."mediaId") f."id" AS "faceId", f."mediaId", m."role"::text AS "role", f."embedding"
     FROM "MediaFace" f JOIN "Media" m ON m."id" = f."mediaId"
     WHERE m."purgedAt" IS NULL AND ($1::uuid IS NULL OR m."verificationId" = $1::uuid) AND ($2::uuid IS NULL OR f."mediaId" = $2::uuid) AND ($3::uuid IS NULL OR f."id" = $3::uuid)
     ORDER BY f."mediaId", f."frameMs" NULLS FIRST, f."faceIndex"`),
    values: [where.verificationId ?? null, where.mediaId ?? null, where.faceId ?? null],
  });
  return rows;
}
