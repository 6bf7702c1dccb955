import { cn } from "@/components/ui/cn";
import type { ScoreScale } from "@/lib/verifications/score-scales";

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;

/** Which side of the threshold the value is on, as a person reads it. */
function verdictOf(scale: ScoreScale): "pass" | "review" | "fail" | null {
  if (scale.reviewBand && scale.value >= scale.reviewBand[0] && scale.value <= scale.reviewBand[1]) return "review";
  if (scale.threshold === null) return null;
  const above = scale.value >= scale.threshold;
  return above === scale.higherIsBetter ? "pass" : "fail";
}

const FILL = { pass: "bg-emerald-500", review: "bg-amber-500", fail: "bg-red-500" } as const;

// A horizontal 0..1 bar: the value as a fill, the review band shaded, the threshold as a tick.
export function ScoreBar({ scale }: { scale: ScoreScale }) {
  const verdict = verdictOf(scale);
  const thresholdText = scale.threshold === null ? "no threshold (the vendor decides)" : `threshold ${scale.threshold.toFixed(2)}`;
  const bandText = scale.reviewBand ? `, review between ${scale.reviewBand[0].toFixed(2)} and ${scale.reviewBand[1].toFixed(2)}` : "";
  return (
    <div className="flex flex-col gap-1" data-testid={`score-${scale.key}`}>
      <div className="flex items-baseline justify-between text-xs">
        <span className="font-medium text-zinc-700 dark:text-zinc-300">{scale.label}</span>
        <span className="font-mono tabular-nums">{scale.value.toFixed(3)}</span>
      </div>
      <div
        role="meter"
        aria-label={scale.label}
        aria-valuemin={0}
        aria-valuemax={1}
        aria-valuenow={scale.value}
        aria-valuetext={`${scale.value.toFixed(3)}; ${thresholdText}${bandText}${scale.higherIsBetter ? "" : " (lower is better)"}`}
        className="relative h-2.5 w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
      >
        {scale.reviewBand ? (
          <div
            className="absolute inset-y-0 bg-amber-200/80 dark:bg-amber-900/70"
            style={{ left: pct(scale.reviewBand[0]), width: pct(scale.reviewBand[1] - scale.reviewBand[0]) }}
            aria-hidden
          />
        ) : null}
        <div className={cn("absolute inset-y-0 left-0 rounded-full opacity-80", verdict ? FILL[verdict] : "bg-sky-500")} style={{ width: pct(scale.value) }} aria-hidden />
        {scale.threshold !== null ? (
          <div className="absolute -top-0.5 h-3.5 w-0.5 bg-zinc-900 dark:bg-white" style={{ left: `calc(${pct(scale.threshold)} - 1px)` }} aria-hidden />
        ) : null}
      </div>
      <p className="text-[11px] text-zinc-500">
        {thresholdText}
        {bandText}
        {scale.higherIsBetter ? "" : " · lower is better"}
      </p>
    </div>
  );
}
