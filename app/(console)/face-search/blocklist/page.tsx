import type { Metadata } from "next";
import Link from "next/link";
import { MediaThumbnail } from "@/components/media/media-thumbnail";
import { ReferenceLink } from "@/components/subjects/reference-link";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/lib/format/date-time";
import { hasRole, requirePageUser } from "@/lib/auth/current-user";
import { FACE_BLOCKLIST_ROLES, listFaceBlocks } from "@/lib/face-search/face-blocklist";
import { FACE_VIEWER_ROLES } from "@/lib/media/media-access";
import { RemoveFaceBlockForm } from "../_components/face-block-forms";

export const metadata: Metadata = { title: "Face blocklist" };
export const dynamic = "force-dynamic";

export default async function FaceBlocklistPage() {
  const user = await requirePageUser(FACE_VIEWER_ROLES);
  const blocks = await listFaceBlocks({ includeRemoved: true });
  const canEdit = hasRole(user, FACE_BLOCKLIST_ROLES);
  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm"><Link href="/face-search" className="text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400">Search by face</Link></nav>
      <PageHeader title="Face blocklist" description="A new verification whose face matches one of these opens a high-priority case at once. Faces are added from a case; adding and removing are audited." />
      {blocks.length === 0 ? <p className="text-sm text-zinc-600">No face is blocked.</p> : null}
      <ul className="flex max-w-4xl flex-col gap-2" aria-label="Blocked faces">
        {blocks.map((b) => (
          <li key={b.id} className="flex flex-wrap items-start justify-between gap-3 rounded-md border border-zinc-200 bg-white p-3 text-sm dark:border-zinc-800 dark:bg-zinc-900">
            <div className="flex items-start gap-3">
              {b.sourceFace ? <MediaThumbnail mediaId={b.sourceFace.mediaId} alt={`Blocked face of ${b.reference ?? "no reference"}`} size={64} /> : <span className="flex size-16 items-center justify-center rounded bg-zinc-100 text-xs text-zinc-400">source purged</span>}
              <p className="flex flex-col gap-0.5">
                <span className="font-medium">{b.reason}</span>
                <span className="text-xs text-zinc-500">from <ReferenceLink reference={b.reference} className="font-mono" /> · added by {b.createdBy?.email ?? "—"} on {formatDateTime(b.createdAt)}</span>
                {b.removedAt ? <span className="text-xs"><Badge>removed</Badge> by {b.removedBy?.email ?? "—"} on {formatDateTime(b.removedAt)}: {b.removeReason}</span> : null}
              </p>
            </div>
            {canEdit && !b.removedAt ? <RemoveFaceBlockForm blockId={b.id} /> : null}
          </li>
        ))}
      </ul>
    </>
  );
}
