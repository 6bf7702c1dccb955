import type { Metadata } from "next";
import { ReferenceLink } from "@/components/subjects/reference-link";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { FactList } from "@/components/ui/fact-list";
import { PageHeader } from "@/components/ui/page-header";
import { SandboxAnswersNotice } from "@/components/verifications/sandbox-badge";
import { VerificationStatusBadge } from "@/components/verifications/status-badges";
import { VendorRunCard } from "@/components/verifications/vendor-run-card";
import { RerunButton } from "@/app/(console)/reruns/_components/rerun-button";
import { RequestManualReviewButton } from "./_components/request-manual-review-button";
import { RunChangesList } from "@/components/reruns/run-changes";
import { describeRunHistory } from "@/lib/reruns/describe-run-changes";
import { CHECK_TYPE_LABELS, ROLE_LABELS, SOURCE_LABELS, vendorDisplayName } from "@/lib/verifications/verification-labels";
import { formatDateTime } from "@/lib/format/date-time";
import { hasRole, requirePageUser } from "@/lib/auth/current-user";
import { getVerification } from "@/lib/verifications/get-verification";
import { DataProtectionNotice } from "@/components/data-protection/data-protection-notice";
import { findHoldsOfVerification } from "@/lib/data-protection/legal-holds";
import { hasMainThumbnail, isFinished, progressSignature } from "@/lib/verifications/progress-signature";
import { LiveStatus } from "@/components/verifications/live-status";
import type { VendorId } from "@/lib/vendors/types";
import { MediaGallery } from "./_components/media-gallery";
import { EngineFaceCrops } from "@/components/media/engine-faces";
import { QualityGateNotice } from "@/components/verifications/quality-gate-notice";
import { findEngineFaces } from "@/lib/face-engine/find-engine-faces";
import { VerificationTimeline } from "./_components/verification-timeline";
import { canViewFaces } from "@/lib/media/media-access";

export const metadata: Metadata = { title: "Verification" };

const THUMBNAIL_PATIENCE_MS = 10 * 60 * 1000;
const iso = (d: Date | null) => d?.toISOString() ?? null;

export default async function VerificationPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  const { id } = await params;
  const v = await getVerification(id);
  if (!v) notFound();
  const holds = await findHoldsOfVerification(v.id);
  const canViewFull = canViewFaces(user.role);
  const engineFaces = await findEngineFaces(v.media);
  // The newest run of each vendor decides; older attempts stay visible as history.
  // Thumbnails are made by a job of their own; keep asking for missing ones for a while.
  const thumbnailsMayCome = !isFinished(v.status) || Date.now() - v.createdAt.getTime() < THUMBNAIL_PATIENCE_MS;
  const progress = { status: v.status, runs: v.runs, media: v.media.map((m) => ({ id: m.id, thumbnailsReady: m.purged !== null || hasMainThumbnail(m.kind, m.thumbnails) })) };
  // The page follows until the vendors answered and the thumbnail job made every file's picture.
  const following = !isFinished(v.status) || (thumbnailsMayCome && progress.media.some((m) => !m.thumbnailsReady));
  const newestPerVendor = new Map<VendorId, number>();
  for (const run of v.runs) newestPerVendor.set(run.vendor, Math.max(newestPerVendor.get(run.vendor) ?? 0, run.attempt));

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/verifications" className="text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400">
          Verifications
        </Link>
      </nav>
      <PageHeader
        title={`${CHECK_TYPE_LABELS[v.checkType].title}${v.reference ? ` · ${v.reference}` : ""}`}
        description={<>Verification {v.id}{v.reference ? <> · subject <ReferenceLink reference={v.reference} className="font-mono" /></> : null}</>}
        actions={
          <div className="flex flex-wrap items-center gap-3">
            {new Set(v.runs.map((r) => r.vendor)).size > 1 ? (
              <Link href={`/compare/${v.id}`} className="text-sm font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                Compare vendors
              </Link>
            ) : null}
            <RerunButton verificationId={v.id} />
            {hasRole(user, ["admin", "operator", "reviewer"]) ? <RequestManualReviewButton verificationId={v.id} /> : null}
            <VerificationStatusBadge status={v.status} />
          </div>
        }
      />
      <div className="mb-6 flex flex-col gap-2">
        <DataProtectionNotice role={user.role} verification={v} holds={holds} />
        <SandboxAnswersNotice vendors={[...newestPerVendor].filter(([vendor, attempt]) => v.runs.some((r) => r.vendor === vendor && r.attempt === attempt && r.sandbox)).map(([vendor]) => vendorDisplayName(vendor))} />
        <LiveStatus id={v.id} active={following} signature={progressSignature(progress)} finished={isFinished(v.status)} followUntil={v.createdAt.getTime() + THUMBNAIL_PATIENCE_MS} />
        {v.waitingFor ? (
          <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="waiting-for">
            {v.waitingFor}
          </p>
        ) : null}
        <FactList
          className="text-sm sm:grid-cols-4"
          items={[
            { label: "Source", value: <Badge>{SOURCE_LABELS[v.source]}</Badge> },
            { label: "Created", value: formatDateTime(v.createdAt), valueClassName: "font-mono text-xs" },
            { label: "Created by", value: v.createdBy?.email ?? (v.apiKey ? `API key ${v.apiKey.name} (${v.apiKey.prefix}…)` : "—"), valueClassName: "truncate" },
            { label: "Completed", value: formatDateTime(v.completedAt), valueClassName: "font-mono text-xs" },
          ]}
        />
        {v.note ? <p className="whitespace-pre-wrap rounded-md bg-zinc-50 p-3 text-sm dark:bg-zinc-900">{v.note}</p> : null}
      </div>

      <QualityGateNotice gate={v.qualityGate} />
      <section aria-labelledby="media-heading" className="mb-8 flex flex-col gap-3">
        <h2 id="media-heading" className="text-lg font-medium">
          Media
        </h2>
        <MediaGallery media={v.media} canViewFull={canViewFull} live={thumbnailsMayCome} faces={engineFaces} />
        <EngineFaceCrops canViewFull={canViewFull} items={v.media.flatMap((m) => (engineFaces[m.id] ? [{ mediaId: m.id, label: ROLE_LABELS[m.role], faces: engineFaces[m.id] }] : []))} />
      </section>

      <div className="grid gap-8 xl:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <section aria-labelledby="runs-heading" className="flex flex-col gap-4">
          <h2 id="runs-heading" className="text-lg font-medium">
            Vendor runs
          </h2>
          {v.runs.length === 0 ? <p className="text-sm text-zinc-500">No vendor has been asked yet.</p> : null}
          {/* Grouped by vendor: the newest run, what changed since the earlier ones, then the history. */}
          {[...new Set(v.runs.map((r) => r.vendor))].map((vendor) => {
            const runs = v.runs.filter((r) => r.vendor === vendor);
            const toCard = (run: (typeof runs)[number]) => (
              <VendorRunCard
                key={run.id}
                superseded={run.attempt < (newestPerVendor.get(run.vendor) ?? 0)}
                run={{ ...run, requestedAt: run.requestedAt.toISOString(), startedAt: iso(run.startedAt), finishedAt: iso(run.finishedAt) }}
              />
            );
            const [newest, ...earlier] = runs;
            return (
              <div key={vendor} className="flex flex-col gap-3" data-testid={`vendor-group-${vendor}`}>
                {newest ? toCard(newest) : null}
                <RunChangesList history={describeRunHistory(runs)} />
                {earlier.length ? (
                  <details className="rounded-md border border-dashed border-zinc-300 p-3 dark:border-zinc-700">
                    <summary className="cursor-pointer text-sm font-medium">
                      Earlier runs of this vendor ({earlier.length})
                    </summary>
                    <div className="mt-3 flex flex-col gap-3">{earlier.map(toCard)}</div>
                  </details>
                ) : null}
              </div>
            );
          })}
        </section>
        <section aria-labelledby="timeline-heading" className="flex flex-col gap-3">
          <h2 id="timeline-heading" className="text-lg font-medium">
            Timeline
          </h2>
          <VerificationTimeline verification={v} />
        </section>
      </div>
    </>
  );
}
