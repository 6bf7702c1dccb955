import type pg from "pg";

// pgvector is the standard where it exists: the face_search migration creates the extension, a
// vector(1024) table and an HNSW (cosine) index when pg_available_extensions lists `vector`.
// Whether it did is read once per process (it changes only with a migration).

type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

let known: boolean | null = null;

export async function hasPgvectorIndex(client: Queryable): Promise<boolean> {
  if (known !== null) return known;
  const { rows } = await client.query<{ present: boolean }>(`SELECT to_regclass('"FaceSearchPgvector"') IS NOT NULL AS "present"`);
  known = rows[0]?.present ?? false;
  return known;
}
