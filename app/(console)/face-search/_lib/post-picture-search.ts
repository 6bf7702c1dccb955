import { z } from "zod";
import type { UploadedPictureSearch } from "@/lib/face-search/search-uploaded-picture";

// POST /api/face-search from the browser: the answer read with zod (dates revived), a refusal read
// as the problem document the API answers with.

const boxSchema = z.tuple([z.number(), z.number(), z.number(), z.number()]);

const answerSchema = z.object({
  picture: z.object({ width: z.number(), height: z.number(), sha256: z.string() }),
  faces: z.array(z.object({ box: boxSchema, score: z.number() })),
  searchedFace: z.number().nullable(),
  results: z.array(
    z.object({
      faceId: z.string(),
      mediaId: z.string(),
      mediaRole: z.string(),
      frameMs: z.number().nullable(),
      box: boxSchema,
      verificationId: z.string(),
      reference: z.string().nullable(),
      checkType: z.string(),
      createdAt: z.coerce.date(),
      status: z.string(),
      outcome: z.string().nullable(),
      purged: z.boolean(),
      similarity: z.number(),
    }),
  ),
}) satisfies z.ZodType<UploadedPictureSearch>;

const problemSchema = z.object({ title: z.string().optional(), detail: z.string().optional(), errors: z.record(z.string(), z.array(z.string())).optional() });

export type PictureSearchAnswer = { ok: true; search: UploadedPictureSearch } | { ok: false; message: string; errors: Record<string, string[]> };

export async function postPictureSearch(picture: File, face: number | null): Promise<PictureSearchAnswer> {
  const form = new FormData();
  form.set("picture", picture);
  if (face !== null) form.set("face", String(face));
  let response: Response;
  try {
    response = await fetch("/api/face-search", { method: "POST", body: form, headers: { Accept: "application/json" } });
  } catch {
    return { ok: false, message: "The search failed: the server could not be reached.", errors: {} };
  }
  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const answer = answerSchema.safeParse(body);
    return answer.success ? { ok: true, search: answer.data } : { ok: false, message: "The server's answer could not be read.", errors: {} };
  }
  const problem = problemSchema.safeParse(body);
  const p = problem.success ? problem.data : {};
  return { ok: false, message: p.detail ?? p.title ?? `The server refused the search (HTTP ${response.status}).`, errors: p.errors ?? {} };
}
