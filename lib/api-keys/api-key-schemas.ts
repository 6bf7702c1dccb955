import { z } from "zod";
import { roleSchema } from "@/lib/users/user-schemas";

// Shared by the admin page's actions, the CLI and manage-api-keys.ts.
export const apiKeyNameSchema = z
  .string({ error: "Name is required." })
  .trim()
  .min(1, "Name is required.")
  .max(100, "Name must be at most 100 characters.");

export const createApiKeySchema = z.object({ name: apiKeyNameSchema, role: roleSchema });
export type CreateApiKeyInput = z.input<typeof createApiKeySchema>;

export const apiKeyIdSchema = z.uuid({ error: "Unknown API key." });
export const apiKeyRefSchema = z.object({ apiKeyId: apiKeyIdSchema });
