import { z } from "zod";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { queueQueryString, queueSearchSchema } from "@/lib/review/queue-search";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

// A reviewer's own named queue filters. The query is re-parsed on save, so only known filters
// (never a cursor) are stored.

export const saveViewSchema = z.object({
  name: z.string({ error: "Name the view." }).trim().min(1, "Name the view.").max(60, "At most 60 characters."),
  query: z.string().max(2000).default(""),
});
export const deleteViewSchema = z.object({ viewId: z.uuid() });

export async function listSavedViews(userId: string) {
  return db.savedView.findMany({ where: { userId }, orderBy: { name: "asc" } });
}

export async function saveView(userId: string, input: unknown) {
  const parsed = saveViewSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("Some fields need attention.", fieldErrorsOf(parsed.error));
  const search = queueSearchSchema.parse(Object.fromEntries(new URLSearchParams(parsed.data.query.replace(/^\?/, ""))));
  const query = queueQueryString(search);
  return db.savedView.upsert({ where: { userId_name: { userId, name: parsed.data.name } }, create: { userId, name: parsed.data.name, query }, update: { query } });
}

export async function deleteView(userId: string, viewId: string) {
  const { count } = await db.savedView.deleteMany({ where: { id: viewId, userId } });
  if (count === 0) throw new NotFoundError("No saved view of yours has this id.");
}
