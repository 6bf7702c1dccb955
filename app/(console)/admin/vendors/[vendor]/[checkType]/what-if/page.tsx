import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { pct, ProportionText } from "@/components/test-sets/metric-text";
import { PageHeader } from "@/components/ui/page-header";
import { CHECK_TYPE_LABELS, VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import { requirePageUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { buildCandidatePolicy, evaluatePolicyWhatIf, type OutcomeCounts } from "@/lib/policy-what-if/evaluate-policy-what-if";
import { readWhatIfValues, WHAT_IF_FIELDS } from "@/lib/policy-what-if/what-if-fields";
import type { MatchMetrics, PadMetrics } from "@/lib/test-sets/metrics";
import { getActivePolicy } from "@/lib/vendor-settings/vendor-policies";
import { checkTypeSchema, vendorIdSchema } from "@/lib/vendors/types";
import { WhatIfControls } from "./_components/what-if-controls";

export const metadata: Metadata = { title: "Threshold what-if" };

const OUTCOMES = ["pass", "review", "fail", "error"] as const;

function isPad(m: PadMetrics | MatchMetrics): m is PadMetrics {
  return "bpcer" in m;
}

function CountsRow({ label, counts, total }: { label: string; counts: OutcomeCounts; total: number }) {
  return (
    <tr className="border-t border-zinc-100 dark:border-zinc-800">
      <th scope="row" className="py-1 pr-4 font-medium">
        {label}
      </th>
      {OUTCOMES.map((o) => (
        <td key={o} className="py-1 pr-4 font-mono tabular-nums" data-testid={`${label.toLowerCase()}-${o}`}>
          {counts[o]} <span className="text-xs text-zinc-500">({pct(total ? counts[o] / total : null, 0)})</span>
        </td>
      ))}
    </tr>
  );
}

export default async function WhatIfPage({
  params,
  searchParams,
}: {
  params: Promise<{ vendor: string; checkType: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePageUser(["admin"]);
  const raw = await params;
  const vendor = vendorIdSchema.safeParse(raw.vendor);
  const checkType = checkTypeSchema.safeParse(raw.checkType);
  if (!vendor.success || !checkType.success) notFound();
  const active = await getActivePolicy(vendor.data, checkType.data);
  if (!active) notFound();
  const query = await searchParams;
  const fields = WHAT_IF_FIELDS[active.policy.kind];
  const options = z
    .object({ n: z.coerce.number().int().min(10).max(2000).catch(200), testSet: z.uuid().optional().catch(undefined) })
    .parse({ n: query.n, testSet: query.testSet });
  const values = Object.fromEntries(
    fields.flatMap((f) => {
      const parsed = z.coerce.number().min(f.min).max(f.max).safeParse(query[f.key]);
      return typeof query[f.key] === "string" && parsed.success ? [[f.key, parsed.data]] : [];
    }),
  );
  const currentValues = readWhatIfValues(active.policy);
  let candidate = active.policy;
  let invalid: string | null = null;
  try {
    candidate = buildCandidatePolicy(active.policy, values);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    invalid = [error.message, ...Object.values(error.fieldErrors ?? {}).flat()].join(" ");
  }
  const testSets = await db.testSet.findMany({ where: { checkType: checkType.data }, orderBy: { createdAt: "desc" }, take: 50, select: { id: true, name: true } });
  const result = await evaluatePolicyWhatIf({ vendor: vendor.data, checkType: checkType.data, current: active.policy, candidate, lastN: options.n, testSetId: options.testSet ?? null });
  const { kind: _kind, version: _version, ...candidateSettings } = candidate;
  const title = `${VENDOR_SHORT_NAMES[vendor.data]} · ${CHECK_TYPE_LABELS[checkType.data].title}`;

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/admin/vendors" className="text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400">
          Vendors
        </Link>
      </nav>
      <PageHeader
        title={`Threshold what-if · ${title}`}
        description={`Move a threshold and see what the stored answers would have become, before saving. Active: ${active.version === 0 ? "built-in defaults" : `policy v${active.version}`}. No vendor is called.`}
      />
      <div className="grid gap-6 lg:grid-cols-[1fr_2fr]">
        <div className="flex flex-col gap-4">
          <WhatIfControls vendor={vendor.data} checkType={checkType.data} fields={fields} values={{ ...currentValues, ...values }} currentValues={currentValues} candidateSettings={candidateSettings} />
          {invalid ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {invalid}
            </p>
          ) : null}
          <form method="get" className="flex flex-col gap-2 text-sm">
            {Object.entries(values).map(([k, v]) => (
              <input key={k} type="hidden" name={k} value={String(v)} />
            ))}
            <label className="flex flex-col gap-1">
              <span className="font-medium">Last N runs</span>
              <input name="n" type="number" min={10} max={2000} defaultValue={options.n} className="h-9 rounded-md border border-zinc-300 bg-white px-2 dark:border-zinc-700 dark:bg-zinc-900" />
            </label>
            <label className="flex flex-col gap-1">
              <span className="font-medium">Test set</span>
              <select name="testSet" defaultValue={options.testSet ?? ""} className="h-9 rounded-md border border-zinc-300 bg-white px-2 dark:border-zinc-700 dark:bg-zinc-900">
                <option value="">(none)</option>
                {testSets.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="h-9 self-start rounded-md border border-zinc-300 px-3 dark:border-zinc-700">
              Apply
            </button>
          </form>
        </div>
        <div className="flex flex-col gap-6">
          <section aria-labelledby="recent-heading">
            <h2 id="recent-heading" className="mb-2 text-lg font-medium">
              Last {result.recent.runs} runs of {VENDOR_SHORT_NAMES[vendor.data]}
            </h2>
            <table className="w-full text-left text-sm" data-testid="what-if-recent">
              <thead className="text-xs text-zinc-500">
                <tr>
                  <th className="py-1 pr-4 font-medium">Policy</th>
                  {OUTCOMES.map((o) => (
                    <th key={o} className="py-1 pr-4 font-medium">
                      {o}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                <CountsRow label="Active" counts={result.recent.current} total={result.recent.runs} />
                <CountsRow label="Candidate" counts={result.recent.candidate} total={result.recent.runs} />
              </tbody>
            </table>
            <p className="mt-1 text-xs text-zinc-500" data-testid="what-if-changed">
              {result.recent.changed} of {result.recent.runs} runs would change outcome. Runs without an HTTP answer stay errors.
            </p>
          </section>
          {result.testSet ? (
            <section aria-labelledby="ts-heading">
              <h2 id="ts-heading" className="mb-2 text-lg font-medium">
                Test set “{result.testSet.name}” ({result.testSet.items} items with a run)
              </h2>
              <table className="w-full text-left text-sm" data-testid="what-if-test-set">
                <thead className="text-xs text-zinc-500">
                  <tr>
                    <th className="py-1 pr-4 font-medium">Policy</th>
                    {result.testSet.kind === "liveness" ? (
                      <>
                        <th className="py-1 pr-4 font-medium">APCER (worst)</th>
                        <th className="py-1 pr-4 font-medium">BPCER</th>
                        <th className="py-1 pr-4 font-medium">ACER</th>
                      </>
                    ) : (
                      <>
                        <th className="py-1 pr-4 font-medium">FMR</th>
                        <th className="py-1 pr-4 font-medium">FNMR</th>
                      </>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {(
                    [
                      ["Active", result.testSet.current],
                      ["Candidate", result.testSet.candidate],
                    ] as const
                  ).map(([label, m]) => (
                    <tr key={label} className="border-t border-zinc-100 dark:border-zinc-800">
                      <th scope="row" className="py-1 pr-4 font-medium">
                        {label}
                      </th>
                      {isPad(m) ? (
                        <>
                          <td className="py-1 pr-4">
                            <ProportionText value={m.apcerWorst} />
                          </td>
                          <td className="py-1 pr-4">
                            <ProportionText value={m.bpcer} />
                          </td>
                          <td className="py-1 pr-4 font-mono">{pct(m.acer)}</td>
                        </>
                      ) : (
                        <>
                          <td className="py-1 pr-4">
                            <ProportionText value={m.fmr} />
                          </td>
                          <td className="py-1 pr-4">
                            <ProportionText value={m.fnmr} />
                          </td>
                        </>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          ) : (
            <p className="text-sm text-zinc-500">Pick a test set of this check type to see APCER/BPCER or FMR/FNMR move with the threshold.</p>
          )}
        </div>
      </div>
    </>
  );
}
