"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/actions/safe-action";
import { eraseSubject, eraseSubjectSchema } from "@/lib/data-protection/erase-subject";

// The console asks for the reference to be typed again before erasing.
const consoleEraseSchema = eraseSubjectSchema.extend({ confirmation: z.string("Type the reference to confirm.").trim().min(1, "Type the reference to confirm.") });

export const eraseSubjectAction = authedAction({ roles: ["admin"], schema: consoleEraseSchema }, async (input, { actor }) => {
  const result = await eraseSubject(actor, input);
  revalidatePath("/admin/subjects");
  revalidatePath("/subjects/[reference]", "page");
  return result;
});
