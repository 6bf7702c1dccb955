import { cosineSimilarity } from "@/lib/face-engine/face-quality";
import type pg from "pg";
import { readEnv } from "@/lib/config/env";
import { asInt8, cosineOfQuantized, isIndexableEmbedding, projectEmbedding, signCode, weightPlanes } from "@/lib/face-search/face-code";
import { currentFaceLists, nearestLists } from "@/lib/face-search/face-search-lists";
import { hasPgvectorIndex } from "@/lib/face-search/pgvector";

// The nearest faces to a descriptor, by cosine of the engine's descriptors. Two paths:
// - pgvector (where the extension exists): HNSW on vector(1024), cosine distance.
// - plain PostgreSQL: probe the nearest IVF lists, shortlist by Hamming distance of the sign codes
//   in SQL, rerank the shortlist on the int8 descriptors here, and give the final faces their exact
//   cosine from the stored float descriptors. Figures: `npm run bench -- --only face-search`.
// No audit here: callers that show results to a person go through find-similar-faces.ts.

export interface IndexHit {
  faceId: string;
  /** Exact cosine of the stored descriptors. */
  similarity: number;
}

export interface SearchTuning {
  /** IVF lists probed (plain path, once lists are trained). */
  probes: number;
  /** Faces shortlisted by Hamming distance and reranked on their descriptors. */
  shortlist: number;
  /** pgvector's hnsw.ef_search. */
  efSearch: number;
}

/** Recall against speed: see the sweep of `npm run bench -- --only face-search`. */
export function defaultTuning(): SearchTuning {
  const env = readEnv();
  return { probes: env.FACE_SEARCH_PROBES, shortlist: env.FACE_SEARCH_SHORTLIST, efSearch: env.FACE_SEARCH_EF_SEARCH };
}

type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

/** Faces past the limit whose exact cosine is read too: the int8 order can swap near-ties at the edge. */
const RERANK_MARGIN = 20;

export async function searchFaceIndex(client: pg.Pool, embedding: ArrayLike<number>, limit: number, tuning: SearchTuning = defaultTuning(), options: { path?: "auto" | "plain" } = {}): Promise<IndexHit[]> {
  if (!isIndexableEmbedding(embedding)) return [];
  if (options.path !== "plain" && (await hasPgvectorIndex(client))) return searchPgvector(client, embedding, limit, tuning);
  return searchPlain(client, embedding, limit, tuning);
}

const PGVECTOR_MAX_EF_SEARCH = 1000;

async function searchPgvector(pool: pg.Pool, embedding: ArrayLike<number>, limit: number, tuning: SearchTuning): Promise<IndexHit[]> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    // An HNSW scan returns at most ef_search rows: a search for more faces widens it (to the
    // extension's ceiling of 1,000), else the limit would silently cut at ef_search.
    const efSearch = Math.min(PGVECTOR_MAX_EF_SEARCH, Math.max(tuning.efSearch, limit));
    await client.query(`SELECT set_config('hnsw.ef_search', $1, true)`, [String(efSearch)]);
    const { rows } = await client.query<{ faceId: string; similarity: number }>(
      `SELECT "faceId", 1 - ("embedding" <=> $1::vector) AS "similarity" FROM "FaceSearchPgvector" ORDER BY "embedding" <=> $1::vector LIMIT $2`,
      [`[${Array.from(embedding).join(",")}]`, limit],
    );
    await client.query("COMMIT");
    return rows.map((r) => ({ faceId: r.faceId, similarity: Number(r.similarity) }));
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function searchPlain(client: Queryable, embedding: ArrayLike<number>, limit: number, tuning: SearchTuning): Promise<IndexHit[]> {
  const projected = projectEmbedding(embedding);
  const lists = await currentFaceLists(client);
  // List 0 holds faces filed before lists existed (and every face until then).
  const probes = lists ? [0, ...nearestLists(lists, projected, Math.min(tuning.probes, lists.count))] : [0];
  // Shortlist by the asymmetric Hamming distance (face-code.ts, weightPlanes): the query's own
  // magnitudes weigh the mismatching bits, so near-ties are ordered far better than by bit counts.
  const planes = weightPlanes(projected);
  const distance = planes.map((_, k) => `${1 << k} * bit_count("diff" & $${4 + k}::bit(256))`).join(" + ");
  // OFFSET 0 keeps the subquery as written: the XOR is computed once per face, not once per plane.
  const { rows } = await client.query<{ faceId: string; vec: Buffer }>(
    `SELECT e."faceId", v."vec"
       FROM (SELECT "faceId" FROM (SELECT "faceId", "code" # $2::bit(256) AS "diff" FROM "FaceSearchEntry" WHERE "list" = ANY($1::int[]) OFFSET 0) d
             ORDER BY ${distance} LIMIT $3) e
       JOIN "FaceSearchVector" v ON v."faceId" = e."faceId"`,
    [probes, signCode(projected), Math.max(tuning.shortlist, limit), ...planes],
  );
  const query = new Int8Array(embedding.length);
  let max = 0;
  for (let i = 0; i < embedding.length; i++) max = Math.max(max, Math.abs(embedding[i]));
  for (let i = 0; i < embedding.length; i++) query[i] = Math.round((embedding[i] * 127) / (max || 1));
  const reranked = rows
    .map((r) => ({ faceId: r.faceId, approx: cosineOfQuantized(query, asInt8(r.vec)) }))
    .sort((a, b) => b.approx - a.approx)
    .slice(0, limit + RERANK_MARGIN);
  if (reranked.length === 0) return [];
  // The int8 cosine is within ~0.002 of the exact one: the ones near the edge are settled exactly.
  const exact = await client.query<{ id: string; embedding: number[] }>(`SELECT "id", "embedding" FROM "MediaFace" WHERE "id" = ANY($1::uuid[])`, [reranked.map((r) => r.faceId)]);
  return exact.rows
    .map((r) => ({ faceId: r.id, similarity: cosineSimilarity(embedding, r.embedding) }))
    .sort((a, b) => b.similarity - a.similarity)
    .slice(0, limit);
}
