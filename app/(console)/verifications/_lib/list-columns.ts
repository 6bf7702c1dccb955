import { z } from "zod";

// Columns of the verifications list a person can hide; the hidden ones live in the URL (`hide=a,b`)
// so a shared link shows the same table.
export const HIDEABLE_COLUMNS = ["media", "createdAt", "checkType", "reference", "vendors", "status", "source", "createdBy"] as const;
export type HideableColumn = (typeof HIDEABLE_COLUMNS)[number];

export const hiddenColumnsSchema = z
  .string()
  .max(300)
  .transform((value) => [...new Set(value.split(",").filter((c): c is HideableColumn => (HIDEABLE_COLUMNS as readonly string[]).includes(c)))])
  .catch([]);

export function parseHiddenColumns(value: unknown): HideableColumn[] {
  return value === undefined ? [] : hiddenColumnsSchema.parse(value);
}
