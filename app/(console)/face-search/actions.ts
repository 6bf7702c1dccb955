"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { addFaceBlock, addFaceBlockSchema, FACE_BLOCKLIST_ROLES, removeFaceBlock, removeFaceBlockSchema } from "@/lib/face-search/face-blocklist";

export const addFaceBlockAction = authedAction({ roles: FACE_BLOCKLIST_ROLES, schema: addFaceBlockSchema }, async (input, { actor }) => {
  const created = await addFaceBlock(actor, input);
  revalidatePath("/face-search/blocklist");
  return { id: created.id };
});

export const removeFaceBlockAction = authedAction({ roles: FACE_BLOCKLIST_ROLES, schema: removeFaceBlockSchema }, async (input, { actor }) => {
  const removed = await removeFaceBlock(actor, input);
  revalidatePath("/face-search/blocklist");
  return removed;
});
