// The benchmark's output: a readable table, or one JSON object per line (--json).

export interface LatencyLine {
  kind: "latency";
  name: string;
  p50_ms: number;
  p95_ms: number;
  floor_p95_ms: number | null;
  ratio: number | null;
  target_p95_ms: number;
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
  return JSON.stringify({ name, value: round(value, 1), unit, target, ok, ...(note ? { note } : {}) });
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
    const target = `< ${l.target_p95_ms} ms${l.max_ratio ? `, ≤${l.max_ratio}×` : ""}`;
    out.push(
      `${pad(l.name, nameWidth)}${pad(l.p50_ms.toFixed(2), 10, true)}${pad(l.p95_ms.toFixed(2), 10, true)}${pad(l.floor_p95_ms === null ? "—" : l.floor_p95_ms.toFixed(2), 11, true)}${pad(l.ratio === null ? "—" : `${l.ratio.toFixed(2)}×`, 8, true)}${pad(target, 16, true)}  ${l.ok ? "yes" : "NO"}`,
    );
  }
  out.push("");
  const mWidth = Math.max(20, ...measures.map((m) => m.name.length)) + 2;
  for (const m of measures) {
    const target = m.target === null ? "no target" : `target ${m.direction === "min" ? "≥" : m.target === 0 ? "=" : "<"} ${m.target} ${m.unit}`;
    out.push(`${pad(m.name, mWidth)}${pad(`${m.value.toFixed(1)} ${m.unit}`, 26, true)}   ${target}   ${m.ok ? "yes" : "NO"}${m.note ? `   (${m.note})` : ""}`);
  }
  const notes = latency.filter((l) => l.note).map((l) => `  ${l.name}: ${l.note}`);
  if (notes.length) out.push("", "notes:", ...notes);
  return out.join("\n");
}
