import { Badge } from "@/components/ui/badge";
import { FactList } from "@/components/ui/fact-list";
import { SandboxBadge } from "@/components/verifications/sandbox-badge";
import { ScoreBar } from "@/components/verifications/score-bar";
import { describeScoreScales } from "@/lib/verifications/score-scales";
import { OutcomeBadge, RunStatusBadge } from "@/components/verifications/status-badges";
import { formatDuration, vendorDisplayName } from "@/lib/verifications/verification-labels";
import { formatDateTime } from "@/lib/format/date-time";
import type { Policy } from "@/lib/policy/policy-schemas";
import type { RunFields } from "@/lib/verifications/run-fields";
import type { Attempt } from "@/lib/vendors/types";

// One vendor run as a card: outcome, scores against the policy, reasons, warnings, HTTP attempts and
// the raw answer. Renders on the server or the client (no hooks), so the review queue can reuse it.

export interface RunCardData extends RunFields {
  normalizedUnreadable: boolean;
  raw: unknown;
  attempts: Attempt[];
  /** Each HTTP attempt as recorded before it was sent; `unknown` when its worker died waiting. */
  calls?: { attempt: number; outcome: string; sentAt: Date; httpStatus: number | null; error: string | null }[];
  policy: { policy: Policy; label: string } | null;
  rerunReason: string | null;
  /** A built-in sandbox answered: a test answer, badged as such. */
  sandbox: boolean;
  requestedAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

const SEVERITY_TONES = { info: "info", warning: "warning", error: "danger" } as const;

function prettyJson(value: unknown): string {
  if (value === null || value === undefined) return "(no body)";
  if (typeof value === "string") return value;
  return JSON.stringify(value, null, 2);
}

export function VendorRunCard({ run, superseded = false }: { run: RunCardData; superseded?: boolean }) {
  const normalized = run.normalized;
  const scales = describeScoreScales(run, run.policy?.policy ?? null);
  const reasons = normalized?.reasons ?? [];
  const warnings = normalized?.warnings ?? [];
  const verdictFields = normalized ? Object.entries(normalized.vendorVerdict) : [];
  const headingId = `run-${run.id}`;
  return (
    <article
      aria-labelledby={headingId}
      data-testid="vendor-run"
      data-run-id={run.id}
      className="flex flex-col gap-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <header className="flex flex-wrap items-center gap-2">
        <h3 id={headingId} className="font-medium">
          {vendorDisplayName(run.vendor)} <span className="text-sm font-normal text-zinc-500">· run {run.attempt}</span>
        </h3>
        {run.outcome ? <OutcomeBadge outcome={run.outcome} /> : null}
        <RunStatusBadge status={run.status} />
        {run.sandbox ? <SandboxBadge /> : null}
        {superseded ? <Badge>superseded by a rerun</Badge> : null}
        {run.vendorVerdict ? <span className="text-xs text-zinc-500">vendor verdict: <code>{run.vendorVerdict}</code></span> : null}
      </header>
      {run.rerunReason ? <p className="text-sm text-zinc-600 dark:text-zinc-400">Rerun because: {run.rerunReason}</p> : null}

      <FactList
        className="text-sm sm:grid-cols-4"
        valueClassName="font-mono tabular-nums"
        items={[
          { label: "Latency", value: formatDuration(run.latencyMs ?? normalized?.latencyMs) },
          ...(run.vendor === "local"
            ? [
                { label: "Ran", value: "offline, in the worker" },
                { label: "Network", value: "none (models on this machine)" },
              ]
            : [
                { label: "HTTP status", value: run.httpStatus ?? normalized?.httpStatus ?? "—" },
                { label: "HTTP attempts", value: run.attempts.length || "—" },
              ]),
          { label: "Finished", value: run.finishedAt ? formatDateTime(run.finishedAt).slice(11) : "—" },
        ]}
      />

      {scales.length ? (
        <section aria-label="Scores" className="flex flex-col gap-3">
          {scales.map((scale) => (
            <ScoreBar key={scale.key} scale={scale} />
          ))}
          {run.policy ? <p className="text-[11px] text-zinc-500">Thresholds from {run.policy.label}.</p> : null}
        </section>
      ) : null}

      {reasons.length ? (
        <section aria-label="Reasons">
          <h4 className="mb-1 text-xs font-medium uppercase tracking-wide text-zinc-500">Reasons</h4>
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-zinc-500">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">Code</th>
                <th scope="col" className="py-1 pr-3 font-medium">Message</th>
                <th scope="col" className="py-1 pr-3 font-medium">Vendor code</th>
                <th scope="col" className="py-1 font-medium">Severity</th>
              </tr>
            </thead>
            <tbody>
              {reasons.map((reason, i) => (
                <tr key={`${reason.code}-${i}`} className="border-t border-zinc-100 align-top dark:border-zinc-800">
                  <td className="py-1 pr-3 font-mono text-xs">{reason.code}</td>
                  <td className="py-1 pr-3">{reason.message}</td>
                  <td className="py-1 pr-3 font-mono text-xs">{reason.vendorCode ?? "—"}</td>
                  <td className="py-1">
                    <Badge tone={SEVERITY_TONES[reason.severity]}>{reason.severity}</Badge> <span className="text-xs text-zinc-500">{reason.category}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}

      {warnings.length ? (
        <section aria-label="Warnings">
          <h4 className="mb-1 text-xs font-medium uppercase tracking-wide text-zinc-500">Warnings</h4>
          <ul className="list-disc pl-5 text-sm text-amber-800 dark:text-amber-300">
            {warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </section>
      ) : null}

      {verdictFields.length ? (
        <section aria-label="Vendor verdict fields">
          <h4 className="mb-1 text-xs font-medium uppercase tracking-wide text-zinc-500">Vendor&apos;s own verdict</h4>
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3">
            {verdictFields.map(([key, value]) => (
              <div key={key} className="flex gap-2">
                <dt className="font-mono text-xs text-zinc-500">{key}</dt>
                <dd className="font-mono text-xs">{value === null ? "null" : String(value)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ) : null}

      {run.attempts.length ? (
        <section aria-label="HTTP attempts">
          <h4 className="mb-1 text-xs font-medium uppercase tracking-wide text-zinc-500">HTTP attempts</h4>
          <ol className="flex flex-col gap-0.5 text-xs">
            {run.attempts.map((a) => (
              <li key={a.attempt} className="font-mono">
                #{a.attempt} {formatDateTime(a.startedAt).slice(11)} · {formatDuration(a.latencyMs)} · {a.networkError ? `network error: ${a.networkError}` : `HTTP ${a.httpStatus ?? "—"}`}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {run.calls?.some((c) => c.outcome === "unknown") ? (
        <section aria-label="Vendor calls" data-testid="vendor-calls" className="rounded border border-amber-300 bg-amber-50 p-2 text-xs dark:border-amber-700 dark:bg-amber-950">
          <h4 className="mb-1 font-medium text-amber-900 dark:text-amber-200">Vendor calls (recorded before sending)</h4>
          <ol className="flex flex-col gap-0.5">
            {run.calls.map((c) => (
              <li key={c.attempt}>
                <span className="font-mono">#{c.attempt} sent {formatDateTime(c.sentAt.toISOString()).slice(11)}</span>{" "}
                {c.outcome === "unknown" ? (
                  <>
                    <Badge tone="warning">fate unknown</Badge> <span>{c.error ?? "the worker stopped while waiting for the answer"}</span>
                  </>
                ) : (
                  <span>· {c.outcome === "sending" ? "in flight" : c.outcome}{c.httpStatus ? ` (HTTP ${c.httpStatus})` : c.error ? ` (${c.error})` : ""}</span>
                )}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {run.normalizedUnreadable ? (
        <p className="text-sm text-amber-800 dark:text-amber-300">The stored normalized result no longer matches the current format; see the raw answer.</p>
      ) : null}
      {!normalized && (run.status === "queued" || run.status === "running") ? (
        <p className="text-sm text-zinc-500">{run.status === "queued" ? "Waiting for a worker…" : "Calling the vendor…"}</p>
      ) : null}

      <details className="group">
        <summary className="cursor-pointer text-sm font-medium text-sky-700 dark:text-sky-400">Raw vendor response</summary>
        <pre className="mt-2 max-h-96 overflow-auto rounded bg-zinc-50 p-3 font-mono text-xs dark:bg-zinc-950" data-testid="raw-json">
          {prettyJson(run.raw)}
        </pre>
      </details>
    </article>
  );
}
