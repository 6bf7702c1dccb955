// The benchmark's output: a readable table, or one JSON object per line (--json).

export interface LatencyLine {
  kind: "latency";
  name: string;
  p50_ms: number;
  p95_ms: number;
  floor_p95_ms: number | null;
  ratio: number | null;
  /** null: reported without a target (a sweep's comparison settings). */
  target_p95_ms: number | null;
  /** Also required for queue and list pages: ratio within this bound. */
  max_ratio?: number;
  ok: boolean;
  note?: string;
}

export interface MeasureLine {
  kind: "measure";
  name: string;
  value: number;
  unit: string;
  /** null: reported without a target. */
  target: number | null;
  /** "min": value must reach the target; "max": stay under it. */
  direction: "min" | "max";
  ok: boolean;
  note?: string;
}

export type BenchLine = LatencyLine | MeasureLine;

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;
/** Fractions below 1 (a recall) keep three decimals: 0.963 is not 1.0. */
const digitsOf = (n: number) => (!Number.isInteger(n) && Math.abs(n) < 1 ? 3 : 1);

export function toJsonLine(line: BenchLine): string {
  if (line.kind === "latency") {
    const { name, p50_ms, p95_ms, floor_p95_ms, ratio, target_p95_ms, ok, note } = line;
    return JSON.stringify({
      name,
      p50_ms: round(p50_ms, 2),
      p95_ms: round(p95_ms, 2),
      floor_p95_ms: floor_p95_ms === null ? null : round(floor_p95_ms, 2),
      ratio: ratio === null ? null : round(ratio, 3),
      target_p95_ms,
      ...(line.max_ratio ? { max_ratio: line.max_ratio } : {}),
      ok,
      ...(note ? { note } : {}),
    });
  }
  const { name, value, unit, target, ok, note } = line;
  return JSON.stringify({ name, value: round(value, digitsOf(value)), unit, target, ok, ...(note ? { note } : {}) });
}

function pad(text: string, width: number, right = false) {
  return right ? text.padStart(width) : text.padEnd(width);
}

export function toTable(lines: BenchLine[]): string {
  const latency = lines.filter((l): l is LatencyLine => l.kind === "latency");
  const measures = lines.filter((l): l is MeasureLine => l.kind === "measure");
  const out: string[] = [];
  const nameWidth = Math.max(20, ...latency.map((l) => l.name.length)) + 2;
  if (latency.length) out.push(
    `${pad("query", nameWidth)}${pad("p50 ms", 10, true)}${pad("p95 ms", 10, true)}${pad("floor p95", 11, true)}${pad("ratio", 8, true)}${pad("target", 16, true)}  ok`,
  );
  if (latency.length) out.push("-".repeat(nameWidth + 10 + 10 + 11 + 8 + 16 + 4));
  for (const l of latency) {
    const target = l.target_p95_ms === null ? "no target" : `< ${l.target_p95_ms} ms${l.max_ratio ? `, ≤${l.max_ratio}×` : ""}`;
    out.push(
      `${pad(l.name, nameWidth)}${pad(l.p50_ms.toFixed(2), 10, true)}${pad(l.p95_ms.toFixed(2), 10, true)}${pad(l.floor_p95_ms === null ? "—" : l.floor_p95_ms.toFixed(2), 11, true)}${pad(l.ratio === null ? "—" : `${l.ratio.toFixed(2)}×`, 8, true)}${pad(target, 16, true)}  ${l.ok ? "yes" : "NO"}`,
    );
  }
  out.push("");
  const mWidth = Math.max(20, ...measures.map((m) => m.name.length)) + 2;
  for (const m of measures) {
    const target = m.target === null ? "no target" : `target ${m.direction === "min" ? "≥" : m.target === 0 ? "=" : "<"} ${m.target} ${m.unit}`;
    out.push(`${pad(m.name, mWidth)}${pad(`${m.value.toFixed(digitsOf(m.value))} ${m.unit}`, 26, true)}   ${target}   ${m.ok ? "yes" : "NO"}${m.note ? `   (${m.note})` : ""}`);
  }
  const notes = latency.filter((l) => l.note).map((l) => `  ${l.name}: ${l.note}`);
  if (notes.length) out.push("", "notes:", ...notes);
  return out.join("\n");
}

/** Query p95 at several sizes side by side, with each size's load time and the machine's load. */
export function toSizesTable(results: { size: number; lines: LatencyLine[]; loadSeconds: number; loadAverage: string }[]): string {
  const names = results[0]?.lines.map((l) => l.name) ?? [];
  const nameWidth = Math.max(20, ...names.map((n) => n.length)) + 2;
  const label = (size: number) => (size >= 1_000_000 ? `${size / 1_000_000} M` : `${size / 1000} k`);
  const col = 12;
  const out = [
    `${pad("query (p95 ms)", nameWidth)}${results.map((r) => pad(label(r.size), col, true)).join("")}${pad("target", 16, true)}  ok`,
    "-".repeat(nameWidth + col * results.length + 20),
  ];
  // The cases come in the same order at every size; deep pages name their row, which depends on the size.
  for (const [index, name] of names.map((n, i) => [i, n.replace(/\(row \d+\)/, "(deep)")] as const)) {
    const at = results.map((r) => r.lines[index]);
    const first = at[0];
    if (!first) continue;
    const target = `< ${first.target_p95_ms} ms${first.max_ratio ? `, ≤${first.max_ratio}×` : ""}`;
    out.push(`${pad(name, nameWidth)}${at.map((l) => pad(l ? l.p95_ms.toFixed(2) : "—", col, true)).join("")}${pad(target, 16, true)}  ${at.every((l) => l?.ok) ? "yes" : "NO"}`);
  }
  out.push("", `${pad("load (insert, rollups, analyze) s", nameWidth)}${results.map((r) => pad(r.loadSeconds.toFixed(0), col, true)).join("")}`);
  out.push(`${pad("load average after", nameWidth)}${results.map((r) => pad(r.loadAverage.split(" ")[0], col, true)).join("")}`);
  return out.join("\n");
}
