import Link from "next/link";
import { MediaThumbnail } from "@/components/media/media-thumbnail";
import { ReferenceLink } from "@/components/subjects/reference-link";
import { OutcomeBadge } from "@/components/verifications/status-badges";
import { formatDateTime } from "@/lib/format/date-time";
import type { SimilarFace } from "@/lib/face-search/find-similar-faces";

/** The top matches of a face search, as thumbnails side by side with similarity, reference, date and outcome. */
export function SimilarFaces({ results, matchAbove }: { results: SimilarFace[]; matchAbove: number }) {
  if (results.length === 0) return <p className="text-sm text-zinc-600">No other face is indexed yet.</p>;
  return (
    <ol className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5" aria-label="Most similar faces" data-testid="face-search-results">
      {results.map((r, i) => (
        <li key={r.faceId} className={`flex flex-col gap-1 rounded-lg border p-2 text-xs ${r.similarity >= matchAbove ? "border-red-300 bg-red-50 dark:border-red-900 dark:bg-red-950/40" : "border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"}`}>
          <span className="font-medium tabular-nums">#{i + 1} · similarity {r.similarity.toFixed(3)}{r.similarity >= matchAbove ? " · likely the same person" : ""}</span>
          {r.purged ? <span className="flex size-32 items-center justify-center rounded bg-zinc-100 text-zinc-400">purged</span> : <MediaThumbnail mediaId={r.mediaId} alt={`Face ${i + 1}: ${r.reference ?? "no reference"}`} size={128} />}
          <span>Reference <ReferenceLink reference={r.reference} className="font-mono" /></span>
          <span className="font-mono">{formatDateTime(r.createdAt)}</span>
          <span className="flex items-center gap-1">outcome <OutcomeBadge outcome={r.outcome} /></span>
          <Link className="text-sky-700 underline dark:text-sky-400" href={`/verifications/${r.verificationId}`}>verification {r.verificationId.slice(0, 8)}</Link>
        </li>
      ))}
    </ol>
  );
}
