import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb, sqlPool } from "@/lib/db";
import { cosineSimilarity } from "@/lib/face-engine/face-quality";
import { deleteFacesOfMedia } from "@/lib/face-engine/media-faces";
import { EMBEDDING_DIM } from "@/lib/face-search/face-code";
import { indexFaces } from "@/lib/face-search/index-faces";
import { hasPgvectorIndex } from "@/lib/face-search/pgvector";
import { defaultTuning, searchFaceIndex } from "@/lib/face-search/search-face-index";

// Both paths of the face index on real PostgreSQL, with faces stored and indexed by the same code
// as the engine's job: the plain-PostgreSQL path everywhere, the pgvector (HNSW) path only where
// the extension exists (CI has none; a server with pgvector runs those tests too). The database is
// shared with other files: the faces here are one tight cluster around a random direction, far
// from any real face, and assertions look at this file's faces only.

const FACES = 150;
/** More than the ef_search the search is given (100): the HNSW scan must widen. */
const LIMIT = 120;
const tag = randomUUID().slice(0, 8);
const verificationIds = [randomUUID(), randomUUID()];
const mediaIds = [randomUUID(), randomUUID()];
const faceIds: string[] = [];
const vectors = new Map<string, Float32Array>();
let query: Float32Array;
const pgvector = await hasPgvectorIndex(sqlPool());

// A seeded generator: the same cluster on every run.
function gaussian(seed: number): () => number {
  let s = seed >>> 0;
  const uniform = () => ((s = (s * 1664525 + 1013904223) >>> 0) + 0.5) / 2 ** 32;
  return () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
}

function exactTop(n: number): string[] {
  return [...vectors.entries()].map(([id, v]) => [id, cosineSimilarity(query, v)] as const).sort((a, b) => b[1] - a[1]).slice(0, n).map(([id]) => id);
}

beforeAll(async () => {
  const random = gaussian(4711);
  const centre = Float32Array.from({ length: EMBEDDING_DIM }, random);
  query = Float32Array.from(centre, (c) => c + 0.3 * random());
  const client = await sqlPool().connect();
  try {
    await client.query("BEGIN");
    await client.query(`INSERT INTO "Verification" ("id", "checkType", "reference", "source", "status") SELECT v, 'liveness_video', $2, 'api', 'completed' FROM unnest($1::uuid[]) v`, [verificationIds, `face-index-${tag}`]);
    await client.query(`INSERT INTO "Media" ("id", "verificationId", "role", "mime", "size") SELECT x.m, x.v, 'video', 'video/mp4', 0 FROM unnest($1::uuid[], $2::uuid[]) AS x(m, v)`, [mediaIds, verificationIds]);
    const faces = Array.from({ length: FACES }, (_, i) => ({ id: randomUUID(), mediaId: mediaIds[i % 2], index: i, embedding: Float32Array.from(centre, (c) => c + 0.6 * random()) }));
    await client.query(
      `INSERT INTO "MediaFace" ("id", "mediaId", "faceIndex", "frameMs", "box", "landmarks", "yaw", "pitch", "roll", "quality", "detectorScore", "embedding", "modelName", "modelVersion")
       SELECT x.id, x."mediaId", 0, x.i * 40, '[0,0,1,1]', '{}', 0, 0, 0, '{}', 1, x.e::real[], 'synthetic', 'test'
       FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[]) AS x(id, "mediaId", i, e)`,
      [faces.map((f) => f.id), faces.map((f) => f.mediaId), faces.map((f) => f.index), faces.map((f) => `{${Array.from(f.embedding).join(",")}}`)],
    );
    expect(await indexFaces(client, faces.map((f) => ({ faceId: f.id, embedding: f.embedding })))).toBe(FACES);
    await client.query("COMMIT");
    for (const f of faces) {
      faceIds.push(f.id);
      vectors.set(f.id, f.embedding);
    }
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  } finally {
    client.release();
  }
}, 60_000);
afterAll(async () => {
  await db.verification.deleteMany({ where: { id: { in: verificationIds } } });
  await disconnectDb();
});

const countIn = async (table: "FaceSearchEntry" | "FaceSearchPgvector", ids: string[]) =>
  (await sqlPool().query<{ n: number }>(`SELECT count(*)::int AS n FROM "${table}" WHERE "faceId" = ANY($1::uuid[])`, [ids])).rows[0].n;

describe.each([
  { path: "plain" as const, runs: true, name: "plain PostgreSQL" },
  { path: "auto" as const, runs: pgvector, name: "pgvector HNSW (only where the pgvector extension exists)" },
])("face index, $name path", ({ path, runs }) => {
  it.runIf(runs)(`returns as many faces as asked, more than ef_search, nearest first with their exact cosine`, async () => {
    const hits = await searchFaceIndex(sqlPool(), query, LIMIT, { ...defaultTuning(), efSearch: 100 }, { path });
    const mine = hits.filter((h) => vectors.has(h.faceId));
    expect(mine).toHaveLength(LIMIT);
    expect(mine.map((h) => h.faceId).slice(0, 10)).toEqual(exactTop(10));
    for (let i = 1; i < mine.length; i++) expect(mine[i].similarity).toBeLessThanOrEqual(mine[i - 1].similarity + 1e-6);
    for (const h of mine) expect(h.similarity).toBeCloseTo(cosineSimilarity(query, vectors.get(h.faceId)!), 4);
  });
});

describe("face index rows follow their faces", () => {
  it.runIf(pgvector)("with pgvector: every indexed face has its vector(1024) row, and deleting the faces (retention, erasure) takes them out of the table and the HNSW search", async () => {
    expect(await countIn("FaceSearchPgvector", faceIds)).toBe(FACES);
    const gone = faceIds.filter((_, i) => i % 2 === 0);
    const top = exactTop(10);
    expect(top.some((id) => gone.includes(id))).toBe(true);
    await deleteFacesOfMedia(db, [mediaIds[0]]);
    for (const id of gone) vectors.delete(id);
    expect(await countIn("FaceSearchPgvector", gone)).toBe(0);
    expect(await countIn("FaceSearchPgvector", faceIds)).toBe(FACES / 2);
    const hits = await searchFaceIndex(sqlPool(), query, 20, defaultTuning(), { path: "auto" });
    expect(hits.filter((h) => gone.includes(h.faceId))).toEqual([]);
    expect(hits.filter((h) => vectors.has(h.faceId)).map((h) => h.faceId).slice(0, 10)).toEqual(exactTop(10));
  });

  it("deleting the faces (retention, erasure) takes them out of the plain index and its search", async () => {
    await deleteFacesOfMedia(db, mediaIds);
    expect(await countIn("FaceSearchEntry", faceIds)).toBe(0);
    const hits = await searchFaceIndex(sqlPool(), query, 20, defaultTuning(), { path: "plain" });
    expect(hits.filter((h) => faceIds.includes(h.faceId))).toEqual([]);
  });
});
