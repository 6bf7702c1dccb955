import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { MediaThumbnail } from "@/components/media/media-thumbnail";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole, requirePageUser, userActor } from "@/lib/auth/current-user";
import { AppError } from "@/lib/errors";
import { FACE_BLOCKLIST_ROLES } from "@/lib/face-search/face-blocklist";
import { searchFacesFromMedia, type FaceSearchResult } from "@/lib/face-search/find-similar-faces";
import { isFaceEngineEnabled } from "@/lib/face-engine/face-engine-enabled";
import { FACE_VIEWER_ROLES } from "@/lib/media/media-access";
import { getActiveRuleSet } from "@/lib/review/review-rule-sets";
import { AddFaceBlockForm } from "./_components/face-block-forms";
import { PictureSearch } from "./_components/picture-search";
import { SimilarFaces } from "./_components/similar-faces";

export const metadata: Metadata = { title: "Search by face" };
export const dynamic = "force-dynamic";

const searchSchema = z.object({ mediaId: z.uuid().optional().catch(undefined) });

// 1:N face search from a stored face (a verification's picture, ?mediaId=) or from a picture
// uploaded here: the 10 most similar faces across every verification. Each search is a biometric
// identification, audited (face.searched).
export default async function FaceSearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser(FACE_VIEWER_ROLES);
  const { mediaId } = searchSchema.parse(await searchParams);
  let result: FaceSearchResult | null = null;
  let error: string | null = null;
  if (mediaId) {
    try {
      result = await searchFacesFromMedia(await userActor(user), { mediaId });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      error = e.message;
    }
  }
  const [{ settings }, engineOn] = await Promise.all([getActiveRuleSet(), mediaId ? true : isFaceEngineEnabled()]);
  return (
    <>
      <PageHeader
        title="Search by face"
        description="The 10 most similar faces across every verification, by Verdict's engine. Each search is recorded in the audit log (a biometric identification)."
        actions={<Link href="/face-search/blocklist" className="text-sm text-sky-700 underline dark:text-sky-400">Face blocklist</Link>}
      />
      {!mediaId ? (
        <div className="flex flex-col gap-4">
          {engineOn ? (
            <PictureSearch matchAbove={settings.duplicate_face.similarityAbove} />
          ) : (
            <p role="status" className="max-w-2xl rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-200" data-testid="engine-off">
              Verdict&apos;s face engine is switched off (Admin → Vendors), so an uploaded picture cannot be read. Searching from a verification&apos;s face still works.
            </p>
          )}
          <p className="max-w-2xl text-sm text-zinc-600 dark:text-zinc-400">
            Or start from a stored face: “Search by face” on a case, a verification or a <Link className="underline" href="/subjects">subject</Link> page searches with the largest face the engine found in that picture.
          </p>
        </div>
      ) : null}
      {error ? <p role="alert" className="text-sm text-red-700">{error}</p> : null}
      {result ? (
        <div className="flex flex-col gap-6">
          <section aria-labelledby="query-face" className="flex items-start gap-4">
            {result.query.mediaId ? <MediaThumbnail mediaId={result.query.mediaId} alt="The face searched with" size={128} /> : null}
            <div className="flex flex-col gap-1 text-sm">
              <h2 id="query-face" className="font-medium">Searched with</h2>
              <span>{result.query.label}</span>
              {result.query.verificationId ? <Link className="text-sky-700 underline dark:text-sky-400" href={`/verifications/${result.query.verificationId}`}>verification {result.query.verificationId.slice(0, 8)}</Link> : null}
            </div>
          </section>
          <section aria-labelledby="results-heading" className="flex flex-col gap-2">
            <h2 id="results-heading" className="font-medium">Most similar faces</h2>
            <p className="text-xs text-zinc-500">Similarity is the cosine of the engine&apos;s descriptors; from {settings.duplicate_face.similarityAbove.toFixed(2)} (the duplicate-face rule&apos;s threshold) the faces are very likely the same person.</p>
            <SimilarFaces results={result.results} matchAbove={settings.duplicate_face.similarityAbove} />
          </section>
          {result.query.mediaId && hasRole(user, FACE_BLOCKLIST_ROLES) ? (
            <section aria-labelledby="block-heading" className="flex flex-col gap-2">
              <h2 id="block-heading" className="font-medium">Block this face</h2>
              <AddFaceBlockForm media={[{ id: result.query.mediaId, label: result.query.label }]} />
            </section>
          ) : null}
        </div>
      ) : null}
    </>
  );
}
