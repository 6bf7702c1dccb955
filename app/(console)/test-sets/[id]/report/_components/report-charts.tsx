"use client";

import { useState } from "react";
import { Bar, BarChart, CartesianGrid, ErrorBar, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { Button } from "@/components/ui/button";

// The report's charts (recharts, client-side). Colours are mid-tones that read on white and on
// zinc-950; axes and text use currentColor, tooltips the page's colour scheme (light-dark()).

export const SERIES_COLOURS = ["#0ea5e9", "#f59e0b", "#10b981", "#a855f7"];

export interface RateBar {
  vendor: string;
  /** Rates in percent; errors are [below, above] the rate, in percent. */
  first: number | null;
  firstError: [number, number];
  second: number | null;
  secondError: [number, number];
}

export interface CurveSeries {
  vendor: string;
  points: { falseAccept: number; falseReject: number }[];
}

const axis = { stroke: "currentColor", tick: { fill: "currentColor", fontSize: 12 } } as const;
const tooltipStyle = { backgroundColor: "light-dark(#ffffff, #18181b)", border: "1px solid light-dark(#e4e4e7, #3f3f46)", color: "inherit" } as const;

export function ErrorRateChart({ data, labels }: { data: RateBar[]; labels: [string, string] }) {
  return (
    <figure className="text-zinc-700 dark:text-zinc-300" aria-label={`${labels[0]} and ${labels[1]} per vendor with 95 % intervals`}>
      <div className="h-64 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeOpacity={0.2} />
            <XAxis dataKey="vendor" {...axis} />
            <YAxis unit="%" domain={[0, 100]} {...axis} />
            <Tooltip contentStyle={tooltipStyle} formatter={(value) => (typeof value === "number" ? `${value.toFixed(1)} %` : String(value))} />
            <Legend />
            <Bar dataKey="first" name={labels[0]} fill={SERIES_COLOURS[0]} isAnimationActive={false} minPointSize={2}>
              <ErrorBar dataKey="firstError" width={6} stroke="currentColor" direction="y" />
            </Bar>
            <Bar dataKey="second" name={labels[1]} fill={SERIES_COLOURS[1]} isAnimationActive={false} minPointSize={2}>
              <ErrorBar dataKey="secondError" width={6} stroke="currentColor" direction="y" />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-xs text-zinc-500">Bars: rate at the vendor&apos;s threshold; whiskers: 95 % Wilson interval.</figcaption>
    </figure>
  );
}

export function TradeoffChart({ series, labels }: { series: CurveSeries[]; labels: { falseAccept: string; falseReject: string } }) {
  const [mode, setMode] = useState<"det" | "roc">("det");
  const toPoint = (p: CurveSeries["points"][number]) => ({ x: p.falseAccept * 100, y: (mode === "det" ? p.falseReject : 1 - p.falseReject) * 100 });
  return (
    <figure className="text-zinc-700 dark:text-zinc-300">
      <div className="mb-2 flex gap-2" role="group" aria-label="Curve">
        <Button size="sm" variant={mode === "det" ? "primary" : "secondary"} aria-pressed={mode === "det"} onClick={() => setMode("det")}>
          DET
        </Button>
        <Button size="sm" variant={mode === "roc" ? "primary" : "secondary"} aria-pressed={mode === "roc"} onClick={() => setMode("roc")}>
          ROC
        </Button>
      </div>
      <div className="h-72 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart margin={{ top: 8, right: 16, bottom: 24, left: 8 }}>
            <CartesianGrid strokeOpacity={0.2} />
            <XAxis type="number" dataKey="x" domain={[0, 100]} unit="%" label={{ value: labels.falseAccept, position: "insideBottom", offset: -12, fill: "currentColor", fontSize: 12 }} {...axis} />
            <YAxis
              type="number"
              dataKey="y"
              domain={[0, 100]}
              unit="%"
              label={{ value: mode === "det" ? labels.falseReject : `1 − ${labels.falseReject}`, angle: -90, position: "insideLeft", fill: "currentColor", fontSize: 12 }}
              {...axis}
            />
            <Tooltip contentStyle={tooltipStyle} formatter={(value) => (typeof value === "number" ? `${value.toFixed(1)} %` : String(value))} />
            <Legend verticalAlign="top" />
            {series.map((s, i) => (
              <Line key={s.vendor} name={s.vendor} data={s.points.map(toPoint)} dataKey="y" stroke={SERIES_COLOURS[i % SERIES_COLOURS.length]} dot={{ r: 2 }} type="stepAfter" isAnimationActive={false} />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="text-xs text-zinc-500">
        {mode === "det" ? "DET" : "ROC"} over every threshold the vendor&apos;s scores allow (linear axes). Accept when score ≥ threshold.
      </figcaption>
    </figure>
  );
}

export function LatencyChart({ data }: { data: { vendor: string; p50: number | null; p95: number | null }[] }) {
  return (
    <figure className="text-zinc-700 dark:text-zinc-300" aria-label="Latency p50 and p95 per vendor">
      <div className="h-56 w-full">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid strokeOpacity={0.2} />
            <XAxis dataKey="vendor" {...axis} />
            <YAxis unit=" ms" {...axis} />
            <Tooltip contentStyle={tooltipStyle} />
            <Legend />
            <Bar dataKey="p50" name="p50" fill={SERIES_COLOURS[2]} />
            <Bar dataKey="p95" name="p95" fill={SERIES_COLOURS[3]} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
}
