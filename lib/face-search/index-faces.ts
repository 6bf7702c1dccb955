import type pg from "pg";
import { isIndexableEmbedding, projectEmbedding, quantizeEmbedding, signCode } from "@/lib/face-search/face-code";
import { currentFaceLists, nearestLists } from "@/lib/face-search/face-search-lists";
import { hasPgvectorIndex } from "@/lib/face-search/pgvector";

// Files every face the engine embeds in the search index, on the caller's transaction (the one
// that stores the faces): a face is searchable exactly when it is stored, and goes with it.

export interface FaceToIndex {
  faceId: string;
  embedding: ArrayLike<number>;
}

type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

export async function indexFaces(client: Queryable, faces: FaceToIndex[]): Promise<number> {
  const usable = faces.filter((f) => isIndexableEmbedding(f.embedding));
  if (usable.length === 0) return 0;
  const lists = await currentFaceLists(client);
  const ids: string[] = [];
  const listIds: number[] = [];
  const codes: string[] = [];
  const vecs: Buffer[] = [];
  for (const face of usable) {
    const projected = projectEmbedding(face.embedding);
    ids.push(face.faceId);
    listIds.push(lists ? nearestLists(lists, projected, 1)[0] : 0);
    codes.push(signCode(projected));
    vecs.push(quantizeEmbedding(face.embedding));
  }
  await client.query(
    `INSERT INTO "FaceSearchEntry" ("faceId", "list", "code") SELECT * FROM unnest($1::uuid[], $2::int[], $3::bit(256)[])
     ON CONFLICT ("faceId") DO UPDATE SET "list" = excluded."list", "code" = excluded."code"`,
    [ids, listIds, codes],
  );
  await client.query(
    `INSERT INTO "FaceSearchVector" ("faceId", "vec") SELECT * FROM unnest($1::uuid[], $2::bytea[]) ON CONFLICT ("faceId") DO UPDATE SET "vec" = excluded."vec"`,
    [ids, vecs],
  );
  if (await hasPgvectorIndex(client)) {
    await client.query(
      `INSERT INTO "FaceSearchPgvector" ("faceId", "embedding") SELECT f."id", f."embedding"::vector FROM "MediaFace" f WHERE f."id" = ANY($1::uuid[])
       ON CONFLICT ("faceId") DO UPDATE SET "embedding" = excluded."embedding"`,
      [ids],
    );
  }
  return usable.length;
}
