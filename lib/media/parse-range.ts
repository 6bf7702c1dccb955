import type { ByteRange } from "@/lib/media/object-store";

export type RangeRequest = { kind: "none" } | { kind: "range"; range: ByteRange } | { kind: "unsatisfiable" };

/**
 * A `Range: bytes=…` header against a resource of `size` bytes. Only one range is served
 * (`a-b`, `a-`, `-n`); a header this does not understand, or several ranges, gets the whole
 * resource, which RFC 9110 allows.
 */
export function parseRange(header: string | null, size: number): RangeRequest {
  if (!header) return { kind: "none" };
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return { kind: "none" };
  const [, first, last] = match;
  if (first === "" && last === "") return { kind: "none" };
  if (size === 0) return { kind: "unsatisfiable" };
  if (first === "") {
    // Suffix range: the last n bytes.
    const length = Number(last);
    if (length === 0) return { kind: "unsatisfiable" };
    return { kind: "range", range: { start: Math.max(0, size - length), end: size - 1 } };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (start >= size) return { kind: "unsatisfiable" };
  if (end < start) return { kind: "none" };
  return { kind: "range", range: { start, end } };
}
