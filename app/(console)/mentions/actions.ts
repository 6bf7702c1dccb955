"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/actions/safe-action";
import { markMentionsRead } from "@/lib/review/mentions";

const EVERYONE = ["admin", "reviewer", "operator", "viewer"] as const;

// Anyone can be mentioned, so anyone marks their own mentions read (and only their own).
export const markMentionsReadAction = authedAction({ roles: EVERYONE, schema: z.object({}).optional() }, async (_input, { user }) => {
  await markMentionsRead(user.id);
  revalidatePath("/", "layout");
  return { read: true };
});
