// Number formatting for the dashboards' charts and tables (client-safe).

export const VALUE_KINDS = ["count", "percent", "ms", "minutes"] as const;
export type ValueKind = (typeof VALUE_KINDS)[number];

export function formatValue(kind: ValueKind, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "—";
  switch (kind) {
    case "count":
      return Math.round(value).toLocaleString("en-US");
    case "percent":
      return `${(value * 100).toFixed(value >= 0.1 || value === 0 ? 1 : 2)} %`;
    case "ms":
      return value < 1000 ? `${Math.round(value)} ms` : `${(value / 1000).toFixed(value < 10_000 ? 2 : 1)} s`;
    case "minutes": {
      if (value < 60) return `${Math.round(value)} min`;
      if (value < 48 * 60) return `${Math.floor(value / 60)} h ${Math.round(value % 60)} min`;
      return `${(value / 1440).toFixed(1)} days`;
    }
  }
}
