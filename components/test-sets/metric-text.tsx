import type { Proportion } from "@/lib/test-sets/metrics";

export const pct = (rate: number | null | undefined, digits = 1) => (rate === null || rate === undefined ? "—" : `${(rate * 100).toFixed(digits)} %`);

/** "12.5 % (1/8) · 95 % CI 2.2–47.1 %", or "— (no samples)" for an empty class. */
export function ProportionText({ value, testId }: { value: Proportion | null | undefined; testId?: string }) {
  if (!value || value.rate === null) {
    return (
      <span data-testid={testId} className="text-zinc-500">
        — <span className="text-xs">(no samples)</span>
      </span>
    );
  }
  return (
    <span data-testid={testId}>
      <span className="font-mono tabular-nums" data-role="rate">
        {pct(value.rate)}
      </span>{" "}
      <span className="text-xs text-zinc-500">
        ({value.count}/{value.total}){value.ci ? ` · CI ${pct(value.ci.lower)}–${pct(value.ci.upper)}` : ""}
      </span>
    </span>
  );
}

export function KappaText({ kappa, testId }: { kappa: number | null; testId?: string }) {
  return (
    <span data-testid={testId} className="font-mono tabular-nums">
      {kappa === null ? "n/a" : kappa.toFixed(3)}
    </span>
  );
}
