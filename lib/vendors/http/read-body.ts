import { parseLenientJson } from "@/lib/vendors/http/lenient-json";

export type ReadBody =
  | { kind: "json"; value: unknown; raw: unknown; lenient: boolean }
  | { kind: "text"; raw: string | null };

/**
 * `raw` is what we store: the parsed JSON when the body was JSON, else the exact text.
 * With `allowLenient`, Python-style bodies (None, missing commas) are parsed for use but kept as text in `raw`.
 */
export function readBody(bodyText: string, options: { allowLenient?: boolean } = {}): ReadBody {
  if (bodyText.trim() === "") return { kind: "text", raw: bodyText === "" ? null : bodyText };
  try {
    const value: unknown = JSON.parse(bodyText);
    return { kind: "json", value, raw: value, lenient: false };
  } catch {
    if (options.allowLenient) {
      const repaired = parseLenientJson(bodyText);
      if (repaired.ok) return { kind: "json", value: repaired.value, raw: bodyText, lenient: true };
    }
    return { kind: "text", raw: bodyText };
  }
}
