import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { JsonDiff } from "@/components/compare/json-diff";
import { EngineFaceCrops } from "@/components/media/engine-faces";
import { FaceCompare } from "@/components/media/face-compare";
import { findEngineFaces } from "@/lib/face-engine/find-engine-faces";
import { RerunButton } from "@/app/(console)/reruns/_components/rerun-button";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { ScoreBar } from "@/components/verifications/score-bar";
import { SandboxAnswersNotice, SandboxBadge } from "@/components/verifications/sandbox-badge";
import { OutcomeBadge, RunStatusBadge, VerificationStatusBadge } from "@/components/verifications/status-badges";
import { CHECK_TYPE_LABELS, ROLE_LABELS, VENDOR_SHORT_NAMES, vendorDisplayName } from "@/lib/verifications/verification-labels";
import { MediaThumbnail } from "@/components/media/media-thumbnail";
import { describeDifferentMedia, mediaSentTo } from "@/lib/compare/media-per-vendor";
import { hasRole, requirePageUser } from "@/lib/auth/current-user";
import { compareRuns, latestRunPerVendor } from "@/lib/compare/compare-runs";
import { buildSideBySideDiff } from "@/lib/compare/side-by-side-diff";
import { getVerification } from "@/lib/verifications/get-verification";
import { LiveStatus } from "@/components/verifications/live-status";
import { isFinished, progressSignature } from "@/lib/verifications/progress-signature";

export const metadata: Metadata = { title: "Compare vendors" };

const searchSchema = z.object({ left: z.uuid().optional().catch(undefined), right: z.uuid().optional().catch(undefined) });

export default async function CompareVerificationPage({
  params,
  searchParams,
}: {
  params: Promise<{ verificationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePageUser();
  const { verificationId } = await params;
  const search = searchSchema.parse(await searchParams);
  const v = await getVerification(verificationId);
  if (!v) notFound();
  const canViewFull = hasRole(user, ["admin", "reviewer", "operator"]);
  const engineFaces = await findEngineFaces(v.media);
  const latest = latestRunPerVendor(v.runs);
  const rows = compareRuns(latest.map((r) => ({ ...r, policy: r.policy?.policy ?? null })));
  const runLabel = (r: (typeof v.runs)[number]) => `${VENDOR_SHORT_NAMES[r.vendor]} run ${r.attempt}`;
  const left = v.runs.find((r) => r.id === search.left) ?? latest[0];
  const right = v.runs.find((r) => r.id === search.right) ?? latest.find((r) => r.id !== left?.id) ?? v.runs.find((r) => r.id !== left?.id);
  const disagreements = rows.filter((row) => row.cells.some((c) => c.disagrees)).length;
  const sent = latest.map((run) => ({ vendor: run.vendor, media: mediaSentTo(run.vendor, v.checkType, v.media) }));
  const differentMedia = describeDifferentMedia(sent, { vendor: VENDOR_SHORT_NAMES, role: ROLE_LABELS });

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/compare" className="text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400">
          Compare
        </Link>
        {" · "}
        <Link href={`/verifications/${v.id}`} className="text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400">
          Verification
        </Link>
      </nav>
      <PageHeader
        title={`Compare vendors · ${CHECK_TYPE_LABELS[v.checkType].title}${v.reference ? ` · ${v.reference}` : ""}`}
        description={`Verification ${v.id}: the latest run of each vendor, aligned field by field.`}
        actions={
          <div className="flex items-center gap-3">
            <RerunButton verificationId={v.id} />
            <VerificationStatusBadge status={v.status} />
          </div>
        }
      />
      <LiveStatus id={v.id} active={!isFinished(v.status)} signature={progressSignature({ status: v.status, runs: v.runs })} />
      <div className="my-3">
        <SandboxAnswersNotice vendors={latest.filter((r) => r.sandbox).map((r) => vendorDisplayName(r.vendor))} />
      </div>
      {latest.length < 2 ? <p className="my-4 text-sm text-zinc-500">Only one vendor has run on this verification; rerun it on another vendor to compare.</p> : null}
      <p className="my-3 text-sm" data-testid="disagreement-summary">
        {latest.length < 2 ? null : disagreements === 0 ? "The vendors agree on every compared field." : `The vendors disagree on ${disagreements} field${disagreements > 1 ? "s" : ""} (highlighted).`}
      </p>

      {differentMedia ? (
        <p role="note" data-testid="different-media" className="my-3 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-200">
          {differentMedia}
        </p>
      ) : null}
      <section aria-label="Faces" className="mb-6 flex flex-col gap-3">
        <FaceCompare
          canViewFull={canViewFull}
          size={v.media.length >= 3 ? 200 : 260}
          panes={v.media.map((m) => ({ mediaId: m.id, label: ROLE_LABELS[m.role], kind: m.kind, faces: engineFaces[m.id] }))}
        />
        <EngineFaceCrops canViewFull={canViewFull} size={120} items={v.media.flatMap((m) => (engineFaces[m.id] ? [{ mediaId: m.id, label: ROLE_LABELS[m.role], faces: engineFaces[m.id] }] : []))} />
      </section>

      <div className="mb-8 overflow-x-auto">
        <table className="w-full min-w-[40rem] table-fixed border-collapse text-left text-sm" data-testid="compare-table">
          <thead>
            <tr>
              <th scope="col" className="w-44 border-b border-zinc-200 py-2 pr-3 text-xs font-medium text-zinc-500 dark:border-zinc-800">
                Field
              </th>
              {latest.map((run) => (
                <th key={run.id} scope="col" className="border-b border-zinc-200 px-3 py-2 dark:border-zinc-800">
                  <span className="font-medium">{VENDOR_SHORT_NAMES[run.vendor]}</span> <span className="text-xs font-normal text-zinc-500">run {run.attempt}</span>{" "}
                  {run.outcome ? null : <RunStatusBadge status={run.status} />}
                  {run.sandbox ? <SandboxBadge className="mt-1" /> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr data-testid="compare-row-media">
              <th scope="row" className="border-b border-zinc-100 py-2 pr-3 align-top text-xs font-medium text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
                Media sent
              </th>
              {sent.map((column) => (
                <td key={column.vendor} className={cn("border-b border-zinc-100 px-3 py-2 align-top dark:border-zinc-800", differentMedia && "bg-amber-50 dark:bg-amber-950/50")}>
                  <div className="flex flex-wrap gap-2">
                    {column.media.map((m) => (
                      <figure key={m.id} className="flex flex-col items-center gap-0.5">
                        <MediaThumbnail mediaId={m.id} kind={m.kind === "video" ? "filmstrip" : "thumb"} alt={`${ROLE_LABELS[m.role]} sent to ${VENDOR_SHORT_NAMES[column.vendor]}`} size={56} />
                        <figcaption className="text-[11px] text-zinc-600 dark:text-zinc-400">{ROLE_LABELS[m.role]}</figcaption>
                      </figure>
                    ))}
                    {column.media.length === 0 ? <span className="text-xs text-zinc-400">none stored</span> : null}
                  </div>
                </td>
              ))}
            </tr>
            {rows.map((row) => (
              <tr key={row.key} data-testid={`compare-row-${row.key}`}>
                <th scope="row" className="border-b border-zinc-100 py-2 pr-3 align-top text-xs font-medium text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
                  {row.label}
                </th>
                {row.cells.map((cell) => (
                  <td
                    key={cell.vendor}
                    data-disagrees={cell.disagrees ? "true" : "false"}
                    className={cn(
                      "border-b border-zinc-100 px-3 py-2 align-top dark:border-zinc-800",
                      cell.disagrees && "bg-amber-50 ring-1 ring-inset ring-amber-400 dark:bg-amber-950/50 dark:ring-amber-600",
                    )}
                  >
                    {cell.disagrees ? <span className="sr-only">Disagrees: </span> : null}
                    {cell.text === null ? (
                      <span className="text-zinc-400">—</span>
                    ) : row.key === "outcome" ? (
                      <OutcomeBadge outcome={cell.text} />
                    ) : cell.scale ? (
                      <ScoreBar scale={cell.scale} />
                    ) : (
                      <span className="break-words font-mono text-xs">{cell.text}</span>
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="mt-2 text-xs text-zinc-500">
          Highlighted: a value that differs from the most common one across vendors; scores more than 0.10 apart. Each score bar is drawn against that vendor&apos;s own threshold and review band.
        </p>
      </div>

      <section aria-labelledby="raw-diff-heading" className="flex flex-col gap-3">
        <h2 id="raw-diff-heading" className="text-lg font-medium">
          Raw answers side by side
        </h2>
        {v.runs.length >= 2 ? (
          <form method="get" className="flex flex-wrap items-end gap-3 text-sm">
            {(["left", "right"] as const).map((side) => (
              <label key={side} className="flex flex-col gap-1">
                <span className="text-xs text-zinc-500">{side === "left" ? "Left" : "Right"}</span>
                <select name={side} defaultValue={(side === "left" ? left : right)?.id} className="h-9 rounded-md border border-zinc-300 bg-white px-2 dark:border-zinc-700 dark:bg-zinc-900">
                  {v.runs.map((r) => (
                    <option key={r.id} value={r.id}>
                      {runLabel(r)}
                    </option>
                  ))}
                </select>
              </label>
            ))}
            <button type="submit" className="h-9 rounded-md border border-zinc-300 px-3 dark:border-zinc-700">
              Show diff
            </button>
          </form>
        ) : null}
        {left && right ? (
          <JsonDiff leftLabel={runLabel(left)} rightLabel={runLabel(right)} rows={buildSideBySideDiff(left.raw, right.raw)} />
        ) : (
          <p className="text-sm text-zinc-500">Two runs are needed for a diff.</p>
        )}
      </section>
    </>
  );
}
