import type pg from "pg";
import { CODE_BITS } from "@/lib/face-search/face-code";

// IVF lists of the plain-PostgreSQL index: the projected codes are clustered (spherical k-means)
// into list centres; each face is filed under its nearest centre, and a search probes the few
// lists nearest to the query. Until lists are trained every face is in list 0 (a full scan of the
// codes, fine up to ~100 k faces). Centres are immutable per version; a process re-reads them when
// the version changes, so every app and worker files faces the same way.

export interface FaceLists {
  version: number;
  count: number;
  /** count × CODE_BITS, row-major. */
  centres: Float32Array;
}

type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

let cached: FaceLists | null = null;

export async function currentFaceLists(client: Queryable): Promise<FaceLists | null> {
  const { rows } = await client.query<{ version: number }>(`SELECT max("version") AS "version" FROM "FaceSearchLists"`);
  const version = rows[0]?.version ?? null;
  if (version === null) return null;
  if (cached?.version === version) return cached;
  const full = await client.query<{ lists: number; centres: Buffer }>(`SELECT "lists", "centres" FROM "FaceSearchLists" WHERE "version" = $1`, [version]);
  const row = full.rows[0];
  if (!row) return null;
  const centres = new Float32Array(row.lists * CODE_BITS);
  for (let i = 0; i < centres.length; i++) centres[i] = row.centres.readFloatLE(i * 4);
  cached = { version, count: row.lists, centres };
  return cached;
}

/** The `n` lists whose centres are nearest (highest dot product) to a projected face. */
export function nearestLists(lists: FaceLists, projected: Float32Array, n: number): number[] {
  const scores = new Float32Array(lists.count);
  for (let l = 0; l < lists.count; l++) {
    let dot = 0;
    const base = l * CODE_BITS;
    for (let i = 0; i < CODE_BITS; i++) dot += lists.centres[base + i] * projected[i];
    scores[l] = dot;
  }
  if (n === 1) {
    let best = 0;
    for (let l = 1; l < lists.count; l++) if (scores[l] > scores[best]) best = l;
    return [best + 1];
  }
  // Lists are numbered from 1 (0 = not filed under a trained list).
  return [...scores.keys()].sort((a, b) => scores[b] - scores[a]).slice(0, n).map((l) => l + 1);
}

/** Spherical k-means on unit vectors: returns `k` unit centres (row-major). Seeded, so repeatable. */
export function trainCentres(points: Float32Array[], k: number, iterations = 6): Float32Array {
  if (points.length < k) throw new Error(`training needs at least ${k} faces (got ${points.length})`);
  const centres = new Float32Array(k * CODE_BITS);
  const stride = points.length / k;
  for (let c = 0; c < k; c++) centres.set(points[Math.floor(c * stride)], c * CODE_BITS);
  const assign = new Int32Array(points.length);
  const single = { version: 0, count: k, centres };
  for (let it = 0; it < iterations; it++) {
    for (let p = 0; p < points.length; p++) assign[p] = nearestLists(single, points[p], 1)[0] - 1;
    const sums = new Float64Array(k * CODE_BITS);
    const sizes = new Int32Array(k);
    for (let p = 0; p < points.length; p++) {
      const c = assign[p];
      sizes[c]++;
      const point = points[p];
      for (let i = 0; i < CODE_BITS; i++) sums[c * CODE_BITS + i] += point[i];
    }
    for (let c = 0; c < k; c++) {
      // An empty list keeps its centre (it was a real face; it may gather faces later).
      if (sizes[c] === 0) continue;
      let norm = 0;
      for (let i = 0; i < CODE_BITS; i++) norm += sums[c * CODE_BITS + i] ** 2;
      const scale = 1 / Math.sqrt(norm || 1);
      for (let i = 0; i < CODE_BITS; i++) centres[c * CODE_BITS + i] = sums[c * CODE_BITS + i] * scale;
    }
  }
  return centres;
}

/** Stores trained centres as the next version (the caller then refiles the faces: reassignFaceLists). */
export async function saveFaceLists(client: Queryable, centres: Float32Array, trainedOn: number): Promise<number> {
  const bytes = Buffer.alloc(centres.length * 4);
  for (let i = 0; i < centres.length; i++) bytes.writeFloatLE(centres[i], i * 4);
  const { rows } = await client.query<{ version: number }>(
    `INSERT INTO "FaceSearchLists" ("version", "lists", "centres", "trainedOn")
     SELECT coalesce(max("version"), 0) + 1, $1, $2, $3 FROM "FaceSearchLists" RETURNING "version"`,
    [centres.length / CODE_BITS, bytes, trainedOn],
  );
  return rows[0].version;
}
