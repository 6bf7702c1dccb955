import type pg from "pg";
import { ConflictError } from "@/lib/errors";
import { asInt8, projectEmbedding } from "@/lib/face-search/face-code";
import { currentFaceLists, nearestLists, saveFaceLists, trainCentres } from "@/lib/face-search/face-search-lists";

// Trains the IVF lists of the plain-PostgreSQL index on the faces indexed so far and files every
// face under them (`npm run cli -- faces train-index`). New faces use the new lists as soon as they
// are saved (every process reads the newest version), so faces indexed meanwhile are filed right;
// a search during the refiling still finds the others through list 0 and their old lists.

const SAMPLE_PER_LIST = 25;
const BATCH = 2000;

const projectionOfInt8 = (vec: Buffer) => projectEmbedding(Array.from(asInt8(vec)));

export async function rebuildFaceLists(pool: pg.Pool, log: (line: string) => void = () => {}): Promise<{ faces: number; lists: number; version: number }> {
  const { rows: countRows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM "FaceSearchVector"`);
  const faces = countRows[0].n;
  const lists = Math.max(1, Math.min(1024, Math.round(Math.sqrt(faces))));
  if (faces < lists * 4 || faces < 1000) throw new ConflictError(`only ${faces} faces are indexed: lists pay off from ~100,000; searches scan every code until then`);
  const sample = Math.min(faces, lists * SAMPLE_PER_LIST);
  const { rows } = await pool.query<{ vec: Buffer }>(`SELECT "vec" FROM "FaceSearchVector" ORDER BY random() LIMIT $1`, [sample]);
  log(`training ${lists} lists on ${rows.length} of ${faces} faces`);
  const version = await saveFaceLists(pool, trainCentres(rows.map((r) => projectionOfInt8(r.vec)), lists, 6), rows.length);
  const trained = (await currentFaceLists(pool))!;
  let after = "00000000-0000-0000-0000-000000000000";
  let filed = 0;
  for (;;) {
    const batch = await pool.query<{ faceId: string; vec: Buffer }>(`SELECT "faceId", "vec" FROM "FaceSearchVector" WHERE "faceId" > $1::uuid ORDER BY "faceId" LIMIT $2`, [after, BATCH]);
    if (batch.rows.length === 0) break;
    const ids = batch.rows.map((r) => r.faceId);
    const listIds = batch.rows.map((r) => nearestLists(trained, projectionOfInt8(r.vec), 1)[0]);
    await pool.query(`UPDATE "FaceSearchEntry" e SET "list" = x."list" FROM unnest($1::uuid[], $2::int[]) AS x("faceId", "list") WHERE e."faceId" = x."faceId"`, [ids, listIds]);
    filed += ids.length;
    after = ids[ids.length - 1]!;
    if (filed % 50_000 < BATCH) log(`  ${filed} faces filed`);
  }
  await pool.query(`VACUUM ANALYZE "FaceSearchEntry"`).catch(() => undefined);
  return { faces: filed, lists, version };
}
