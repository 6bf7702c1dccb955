import { z } from "zod";

// Small pieces shared by the API's answer schemas.

/** An instant as the API writes it: ISO 8601 in UTC (`Date.toISOString()`). */
export const instant = () => z.iso.datetime();

/** A nullable instant. */
export const maybeInstant = () => z.iso.datetime().nullable();

/** The field the built-in sandboxes set on the runs they answered. */
export const sandboxFlag = () =>
  z.boolean().meta({
    description:
      "true when a built-in vendor sandbox gave this answer (a deterministic test answer chosen from the file, not a real vendor's): the run was sent to a base URL that is the built-in sandbox's, or the answer carried `Verdict-Sandbox: 1`. Ingested answers are never sandbox answers.",
  });

/** A page of a list and the cursor of the next page. */
export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      data: z.array(item),
      nextCursor: z.string().nullable().meta({ description: "Pass as `cursor` for the next page; null on the last page." }),
    })
    .meta({ id });
}

/** The limit of a list page, from a query string. */
export const pageLimit = () =>
  z.coerce.number().int().min(1, "limit must be 1 to 100.").max(100, "limit must be 1 to 100.").default(25).meta({ description: "Items per page, 1 to 100." });

/** A list cursor, as the previous page's `nextCursor` gave it. */
export const pageCursor = () => z.string().max(400).optional().meta({ description: "The `nextCursor` of the previous page." });
