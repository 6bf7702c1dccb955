"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import { apiKeyRefSchema, createApiKeySchema } from "@/lib/api-keys/api-key-schemas";
import { createApiKey, revokeApiKey } from "@/lib/api-keys/manage-api-keys";

const ADMIN = ["admin"] as const;

// Returns the key once; Verdict keeps only its hash.
export const createApiKeyAction = authedAction({ roles: ADMIN, schema: createApiKeySchema }, async (input, { actor }) => {
  const { apiKey, key } = await createApiKey(actor, input);
  revalidatePath("/admin/api-keys");
  return { name: apiKey.name, key };
});

export const revokeApiKeyAction = authedAction({ roles: ADMIN, schema: apiKeyRefSchema }, async (input, { actor }) => {
  const revoked = await revokeApiKey(actor, input.apiKeyId);
  revalidatePath("/admin/api-keys");
  return { name: revoked.name };
});
