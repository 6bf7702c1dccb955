import Link from "next/link";
import { MediaThumbnail } from "@/components/media/media-thumbnail";
import { ruleTitle } from "@/components/review/case-labels";
import { ReferenceLink } from "@/components/subjects/reference-link";
import { sqlPool } from "@/lib/db";
import type { PictureFaces } from "@/lib/face-engine/find-engine-faces";
import { describeFaces } from "@/lib/face-search/describe-faces";
import type { CaseDetail } from "@/lib/review/get-case";
import { ROLE_LABELS } from "@/lib/verifications/verification-labels";
import { AddFaceBlockForm } from "../../../face-search/_components/face-block-forms";

// 1:N face search on the case page: the earlier faces the face rules matched, and searching by (or
// blocking) this case's faces.

/** The earlier faces a face rule (duplicate face, face changed) matched, with thumbnails and links. */
export async function CaseRuleFaces({ c }: { c: CaseDetail }) {
  const withFaces = c.ruleDetails.filter((r) => r.faces?.length);
  if (withFaces.length === 0) return null;
  // Where they come from now (a purged face is gone from the index too).
  const origins = await describeFaces(sqlPool(), withFaces.flatMap((r) => r.faces?.map((f) => f.faceId) ?? []));
  return (
    <section aria-labelledby="rule-faces-heading" className="mb-6 flex flex-col gap-3">
      <h2 id="rule-faces-heading" className="font-medium">Matching earlier faces</h2>
      {withFaces.map((r) => (
        <ul key={r.code} className="flex flex-wrap gap-3" aria-label={`Matching earlier faces (${ruleTitle(r.code)})`} data-testid={`rule-faces-${r.code}`}>
          {(r.faces ?? []).map((f) => {
            const origin = origins.get(f.faceId);
            return (
              <li key={f.faceId} className="flex flex-col gap-1 text-xs">
                {origin && !origin.purged ? <MediaThumbnail mediaId={origin.mediaId} alt={`Earlier face of ${f.reference ?? "no reference"}`} size={96} /> : <span className="flex size-24 items-center justify-center rounded bg-zinc-100 text-zinc-400 dark:bg-zinc-800">no longer held</span>}
                <span className="tabular-nums">{ruleTitle(r.code)} · similarity {f.similarity.toFixed(3)}</span>
                <ReferenceLink reference={f.reference} className="font-mono" />
                <Link className="underline" href={`/verifications/${f.verificationId}`}>verification {f.verificationId.slice(0, 8)}</Link>
              </li>
            );
          })}
        </ul>
      ))}
    </section>
  );
}

/** "Search by face" per picture with a face, and adding a face to the blocklist (reviewers, admins). */
export function CaseFaceSearchActions({ c, engineFaces, canSearch, canBlock }: { c: CaseDetail; engineFaces: Record<string, PictureFaces>; canSearch: boolean; canBlock: boolean }) {
  const searchable = c.verification.media.filter((m) => !m.purged && engineFaces[m.id]);
  if (searchable.length === 0) return null;
  return (
    <div className="-mt-4 flex flex-col gap-2">
      {canSearch ? (
        <p className="flex flex-wrap gap-4 text-sm">
          {searchable.map((m) => (
            <Link key={m.id} href={`/face-search?mediaId=${m.id}`} className="font-medium text-sky-700 underline dark:text-sky-400">
              Search by face: {ROLE_LABELS[m.role].toLowerCase()}
            </Link>
          ))}
        </p>
      ) : null}
      {canBlock ? (
        <details className="text-sm">
          <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">Add a face to the blocklist</summary>
          <div className="mt-2"><AddFaceBlockForm media={searchable.map((m) => ({ id: m.id, label: ROLE_LABELS[m.role] }))} /></div>
        </details>
      ) : null}
    </div>
  );
}
