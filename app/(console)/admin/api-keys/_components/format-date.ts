// The same text on the server and in the browser (no locale or time zone), so hydration matches.
export function formatUtc(iso: string | null, empty = "never"): string {
  return iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : empty;
}
