import { z } from "zod";

/**
 * Vendors send booleans and numbers as strings ("true", "True", "0.0015") and use "N/A" or ""
 * for "not computed". These schemas accept what the documents show and yield null for "not computed".
 */
const notComputed = new Set(["", "n/a", "na", "none", "null"]);

export const wireBoolean = z.union([z.boolean(), z.string(), z.null()]).transform((value, ctx): boolean | null => {
  if (value === null || typeof value === "boolean") return value;
  const text = value.trim().toLowerCase();
  if (text === "true" || text === "1") return true;
  if (text === "false" || text === "0") return false;
  if (notComputed.has(text)) return null;
  ctx.addIssue({ code: "custom", message: `not a boolean: ${JSON.stringify(value)}` });
  return z.NEVER;
});

export const wireNumber = z.union([z.number(), z.string(), z.null()]).transform((value, ctx): number | null => {
  if (value === null) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  const text = value.trim();
  if (notComputed.has(text.toLowerCase())) return null;
  const parsed = Number(text);
  if (text === "" || !Number.isFinite(parsed)) {
    ctx.addIssue({ code: "custom", message: `not a number: ${JSON.stringify(value)}` });
    return z.NEVER;
  }
  return parsed;
});

/** Codes arrive as "200", 200 or "N/A"; kept as trimmed strings, null when absent. */
export const wireCode = z.union([z.string(), z.number(), z.null()]).transform((value): string | null => {
  if (value === null) return null;
  const text = String(value).trim();
  return notComputed.has(text.toLowerCase()) ? null : text;
});

/** Clamped to 0..1 and rounded to 6 decimals, so 0.7 % reads 0.007 and not 0.006999999999999999. */
export function toUnitScore(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 1e6) / 1e6;
}

/** Percent (0..100) to a 0..1 fraction. */
export function percentToFraction(percent: number | null): number | null {
  return percent === null ? null : toUnitScore(percent / 100);
}

