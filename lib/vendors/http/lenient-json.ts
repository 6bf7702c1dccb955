import { jsonrepair } from "jsonrepair";

/**
 * Repairs the Python-flavoured "JSON" printed in some vendor documents (biometric.kz shows
 * `"failure_reason": None` and omits commas between members) so it can be parsed. Only used as a
 * fallback after JSON.parse failed; the raw text is kept untouched by the caller.
 *
 * jsonrepair does the repair. It would also complete a cut-off body, so text that looks truncated
 * (an open string, unbalanced brackets) or holds words other than JSON's and Python's literals is
 * refused first: a partial vendor answer must never parse as a whole one.
 */
const LITERALS = new Set(["None", "True", "False", "null", "true", "false"]);

function looksComplete(text: string): boolean {
  const outsideStrings = text.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  if (outsideStrings.replace(/""/g, "").includes('"')) return false;
  // Words that do not follow a digit (an exponent such as 1e5 is part of a number).
  const words = outsideStrings.match(/(?<![\d.])[A-Za-z_]+/g) ?? [];
  if (!words.every((word) => LITERALS.has(word))) return false;
  const count = (ch: string) => outsideStrings.split(ch).length - 1;
  return count("{") === count("}") && count("[") === count("]");
}

export function parseLenientJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (!looksComplete(text)) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(jsonrepair(text)) as unknown };
  } catch {
    return { ok: false };
  }
}
