"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, LabelList, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis, type TooltipContentProps } from "recharts";
import { formatValue, type ValueKind } from "@/lib/dashboards/format";

// Charts for the dashboards (recharts). Colours are mid-tones that read on both the light and the
// dark theme; axes, grid and tooltips take the surrounding text colour. A click on a bar or a point
// opens the verifications it counts (the link comes precomputed from the server with the row).

export interface ChartSeries {
  key: string;
  label: string;
  color: string;
  dashed?: boolean;
}

export interface ChartRow {
  x: string;
  values: Record<string, number | null>;
  /** What each value is out of (e.g. a rate's answers): in the tooltip, and over the bar when there is room. */
  counts?: Record<string, number>;
  /** Drill-down per series; "*" for the whole row. */
  links?: Record<string, string>;
}

type Datum = Record<string, string | number | null>;

const countKey = (key: string) => `${key}__count`;

function toData(rows: ChartRow[]): Datum[] {
  return rows.map((r) => ({ x: r.x, ...r.values, ...Object.fromEntries(Object.entries(r.counts ?? {}).map(([k, n]) => [countKey(k), n])) }));
}

function ChartTooltip({ active, payload, label, kind, rows }: TooltipContentProps & { kind: ValueKind; rows: ChartRow[] }) {
  if (!active || !payload?.length) return null;
  const row = rows.find((r) => r.x === label);
  return (
    <div className="rounded-md border border-zinc-200 bg-white px-3 py-2 text-xs text-zinc-900 shadow-md dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100">
      <p className="mb-1 font-medium">{label}</p>
      <ul className="space-y-0.5">
        {payload.map((item) => (
          <li key={String(item.dataKey)} className="flex items-center gap-2">
            <span aria-hidden className="inline-block size-2 rounded-sm" style={{ background: item.color }} />
            <span className="text-zinc-600 dark:text-zinc-400">{item.name}</span>
            <span className="ml-auto tabular-nums">
              {formatValue(kind, typeof item.value === "number" ? item.value : null)}
              {row?.counts && String(item.dataKey) in row.counts ? <span className="text-zinc-500"> of {row.counts[String(item.dataKey)]}</span> : null}
            </span>
          </li>
        ))}
      </ul>
      {row?.links ? <p className="mt-1 text-zinc-500">Click to open these verifications</p> : null}
    </div>
  );
}

const axisProps = { stroke: "currentColor", tick: { fill: "currentColor", fontSize: 11 }, tickLine: false } as const;

// Axis ticks: short enough to never wrap.
function yTick(kind: ValueKind) {
  return (value: number) => {
    if (kind === "percent") return `${Math.round(value * 100)} %`;
    if (kind === "minutes") return value < 60 ? `${Math.round(value)} min` : `${Number((value / 60).toFixed(1))} h`;
    return formatValue(kind, value);
  };
}

export function StackedBars({
  rows,
  series,
  kind = "count",
  label,
  stacked = true,
  layout = "horizontal",
  domainMax,
}: {
  rows: ChartRow[];
  series: ChartSeries[];
  kind?: ValueKind;
  label: string;
  stacked?: boolean;
  layout?: "horizontal" | "vertical";
  /** A fixed top of the value axis (1 for rates). */
  domainMax?: number;
}) {
  const router = useRouter();
  const data = toData(rows);
  // Counts over the bars only while they stay legible.
  const labelCounts = rows.some((r) => r.counts) && rows.length * series.length <= 48;
  const vertical = layout === "vertical";
  return (
    <div className="h-72 w-full text-zinc-500 dark:text-zinc-400" role="figure" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} layout={layout} margin={{ top: 8, right: 12, bottom: 4, left: vertical ? 24 : 0 }}>
          <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={vertical} horizontal={!vertical} />
          {vertical ? (
            <>
              <XAxis type="number" {...axisProps} tickFormatter={yTick(kind)} />
              <YAxis type="category" dataKey="x" width={140} {...axisProps} />
            </>
          ) : (
            <>
              <XAxis dataKey="x" {...axisProps} minTickGap={16} />
              <YAxis {...axisProps} width={56} tickFormatter={yTick(kind)} allowDecimals={kind !== "count"} domain={domainMax === undefined ? undefined : [0, domainMax]} />
            </>
          )}
          <Tooltip cursor={{ fill: "currentColor", fillOpacity: 0.08 }} content={(props) => <ChartTooltip {...props} kind={kind} rows={rows} />} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {series.map((s) => (
            <Bar
              key={s.key}
              dataKey={s.key}
              name={s.label}
              stackId={stacked ? "stack" : undefined}
              fill={s.color}
              isAnimationActive={false}
              cursor={rows.some((r) => r.links) ? "pointer" : undefined}
              onClick={(_item, index) => {
                const link = rows[index]?.links?.[s.key] ?? rows[index]?.links?.["*"];
                if (link) router.push(link);
              }}
            >
              {labelCounts ? (
                <LabelList dataKey={countKey(s.key)} position="top" fontSize={10} fill="currentColor" formatter={(value: unknown) => (typeof value === "number" && value > 0 ? `n=${value}` : "")} />
              ) : null}
            </Bar>
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function Lines({ rows, series, kind, label }: { rows: ChartRow[]; series: ChartSeries[]; kind: ValueKind; label: string }) {
  const router = useRouter();
  return (
    <div className="h-72 w-full text-zinc-500 dark:text-zinc-400" role="figure" aria-label={label}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          data={toData(rows)}
          margin={{ top: 8, right: 12, bottom: 4, left: 0 }}
          onClick={(state) => {
            const index = typeof state.activeTooltipIndex === "number" ? state.activeTooltipIndex : Number(state.activeTooltipIndex);
            const link = Number.isInteger(index) ? rows[index]?.links?.["*"] : undefined;
            if (link) router.push(link);
          }}
        >
          <CartesianGrid stroke="currentColor" strokeOpacity={0.15} vertical={false} />
          <XAxis dataKey="x" {...axisProps} minTickGap={16} />
          <YAxis {...axisProps} width={64} tickFormatter={yTick(kind)} />
          <Tooltip content={(props) => <ChartTooltip {...props} kind={kind} rows={rows} />} />
          <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
          {series.map((s) => (
            <Line
              key={s.key}
              type="monotone"
              dataKey={s.key}
              name={s.label}
              stroke={s.color}
              strokeWidth={2}
              strokeDasharray={s.dashed ? "5 4" : undefined}
              dot={rows.length <= 40 ? { r: 2.5 } : false}
              connectNulls={false}
              isAnimationActive={false}
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
