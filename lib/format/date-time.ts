// How the console prints instants: UTC, fixed format, so the server and every browser render the
// same text (no locale or time zone: hydration matches), and the lists' date filters are UTC days.

type Instant = Date | string | null | undefined;

/** "2024-03-10 12:00:05 UTC" (or "2024-03-10 12:00 UTC" with `seconds: false`); `empty` when there is none. */
export function formatDateTime(value: Instant, options: { seconds?: boolean; empty?: string } = {}): string {
  if (!value) return options.empty ?? "—";
  const iso = typeof value === "string" ? value : value.toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, options.seconds === false ? 16 : 19)} UTC`;
}
