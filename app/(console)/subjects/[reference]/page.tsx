import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { MediaThumbnail } from "@/components/media/media-thumbnail";
import { CaseStatusBadge, DecisionBadge, ruleTitle } from "@/components/review/case-labels";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { OutcomeBadge, VendorRunChip, VerificationStatusBadge } from "@/components/verifications/status-badges";
import { formatDateTime } from "@/lib/format/date-time";
import { CHECK_TYPE_LABELS, ROLE_LABELS, VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import { requirePageUser } from "@/lib/auth/current-user";
import { decodeReferenceParam } from "@/lib/data-protection/legal-holds";
import { canViewFaces } from "@/lib/media/media-access";
import { getSubject } from "@/lib/subjects/get-subject";
import { SubjectAdminSections } from "./_components/subject-admin-sections";

export const metadata: Metadata = { title: "Subject" };
export const dynamic = "force-dynamic";

// One person's history: every verification of a reference over time with its faces, outcomes,
// cases and decisions; for admins, the data-protection actions on the same page.
export default async function SubjectPage({ params }: { params: Promise<{ reference: string }> }) {
  const user = await requirePageUser();
  const reference = decodeReferenceParam((await params).reference);
  const subject = await getSubject(reference);
  if (!subject) notFound();
  const faceViewer = canViewFaces(user.role);
  const cases = subject.verifications.flatMap((v) => v.cases);
  const openCases = cases.filter((c) => c.status !== "decided").length;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/subjects" className="text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400">Subjects</Link>
      </nav>
      <PageHeader
        title={`Subject ${reference}`}
        description={`${subject.verifications.length} verification${subject.verifications.length === 1 ? "" : "s"} from ${formatDateTime(subject.verifications[0].createdAt)}, ${cases.length} case${cases.length === 1 ? "" : "s"} (${openCases} open)${subject.truncated ? " · the first 500 are shown" : ""}`}
        actions={subject.holds.length ? <Badge tone="warning">on legal hold</Badge> : undefined}
      />
      <ol className="mb-10 flex flex-col gap-3" aria-label="Verifications over time" data-testid="subject-history">
        {subject.verifications.map((v) => (
          <li key={v.id} className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900" data-verification={v.id}>
            <div className="flex flex-wrap items-center gap-3 text-sm">
              <Link href={`/verifications/${v.id}`} className="font-mono text-xs underline">{formatDateTime(v.createdAt)}</Link>
              <span className="font-medium">{CHECK_TYPE_LABELS[v.checkType].title}</span>
              <VerificationStatusBadge status={v.status} />
              <span className="flex items-center gap-1 text-xs text-zinc-500">outcome <OutcomeBadge outcome={v.outcome} /></span>
              {v.runs.map((r) => (
                <VendorRunChip key={r.vendor} vendor={VENDOR_SHORT_NAMES[r.vendor]} status={r.status} outcome={r.outcome} sandbox={r.sandbox} />
              ))}
              {v.erased ? <Badge tone="danger">erased</Badge> : null}
            </div>
            <div className="mt-2 flex flex-wrap items-start gap-4">
              {v.media.map((m) => (
                <figure key={m.id} className="flex flex-col items-start gap-1 text-xs">
                  {m.purged ? (
                    <span className="flex size-16 items-center justify-center rounded bg-zinc-100 text-zinc-400 dark:bg-zinc-800">purged</span>
                  ) : (
                    <MediaThumbnail mediaId={m.id} alt={`${ROLE_LABELS[m.role]} of ${reference}, ${formatDateTime(v.createdAt)}`} size={64} />
                  )}
                  <figcaption className="text-zinc-500">
                    {ROLE_LABELS[m.role]}
                    {m.faces ? ` · ${m.faces} face${m.faces === 1 ? "" : "s"}` : ""}
                    {faceViewer && m.faces && !m.purged ? (
                      <>
                        {" · "}
                        <Link href={`/face-search?mediaId=${m.id}`} className="text-sky-700 underline dark:text-sky-400">Search by face</Link>
                      </>
                    ) : null}
                  </figcaption>
                </figure>
              ))}
              {v.cases.length ? (
                <ul className="flex flex-col gap-1 text-xs" aria-label="Cases">
                  {v.cases.map((c) => (
                    <li key={c.id} className="flex flex-wrap items-center gap-2">
                      <Link href={`/cases/${c.id}`} className="font-mono underline">case {c.id.slice(0, 8)}</Link>
                      <CaseStatusBadge status={c.status} />
                      <DecisionBadge decision={c.decision} />
                      <span className="text-zinc-600 dark:text-zinc-400">{c.rules.map(ruleTitle).join(", ")}</span>
                      {c.decisions.map((d, i) => (
                        <span key={i} className="text-zinc-500">{d.kind} ({d.reasonCode}) by {d.by}, {formatDateTime(d.at)}</span>
                      ))}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="text-xs text-zinc-500">No case.</span>
              )}
            </div>
          </li>
        ))}
      </ol>
      {user.role === "admin" ? <SubjectAdminSections subject={subject} /> : null}
    </>
  );
}
