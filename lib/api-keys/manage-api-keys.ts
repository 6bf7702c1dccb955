import { randomBytes } from "node:crypto";
import type { z } from "zod";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { createApiKeySchema, type CreateApiKeyInput } from "@/lib/api-keys/api-key-schemas";
import { forgetApiKey, hashApiKey } from "@/lib/api-keys/verify-api-key";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";

// API keys for the customer's backend: `vdk_` + 32 random base64url characters (192 bits). Only
// the sha256 and a short display prefix are stored; the key itself is returned once, here.

const KEY_PREFIX = "vdk_";
// "vdk_" and 8 characters: enough to tell keys apart in a list, far too little to guess the rest.
const DISPLAY_PREFIX_LENGTH = KEY_PREFIX.length + 8;

// Serialises creations so two active keys never share a name (revoke --name relies on it).
const API_KEY_NAME_LOCK = 0x76646b6e; // "vdkn"

const publicApiKey = { id: true, name: true, prefix: true, role: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

// Same shape as the server actions' field errors (lib/actions/safe-action.ts, which the CLI cannot import).
function fieldErrorsOf(error: z.ZodError): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of error.issues) (out[issue.path.join(".") || "_"] ??= []).push(issue.message);
  return out;
}

export function generateApiKey(): string {
  return KEY_PREFIX + randomBytes(24).toString("base64url");
}

export async function createApiKey(actor: Actor, input: CreateApiKeyInput) {
  const parsed = createApiKeySchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("Some fields need attention.", fieldErrorsOf(parsed.error));
  const { name, role } = parsed.data;
  const key = generateApiKey();
  const apiKey = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${API_KEY_NAME_LOCK})`;
    if (await tx.apiKey.count({ where: { name, revokedAt: null } })) {
      throw new ValidationError("An active API key already has this name.", { name: ["An active API key already has this name."] });
    }
    const created = await tx.apiKey.create({
      data: {
        name,
        role,
        prefix: key.slice(0, DISPLAY_PREFIX_LENGTH),
        hash: hashApiKey(key),
        createdById: actor.kind === "user" ? actor.id : null,
      },
      select: publicApiKey,
    });
    // The key is never written anywhere but the one answer to its creator.
    await recordAuditEvent(tx, actor, {
      action: "api_key.created",
      targetType: "api_key",
      targetId: created.id,
      after: { name: created.name, role: created.role, prefix: created.prefix },
    });
    return created;
  });
  return { apiKey, key };
}

// Revoking twice is harmless: the second time changes nothing and records nothing.
export async function revokeApiKey(actor: Actor, apiKeyId: string) {
  const revoked = await db.$transaction(async (tx) => {
    const found = await tx.apiKey.findUnique({ where: { id: apiKeyId }, select: publicApiKey });
    if (!found) throw new NotFoundError("That API key does not exist.");
    if (found.revokedAt) return found;
    const revokedAt = new Date();
    const { count } = await tx.apiKey.updateMany({ where: { id: apiKeyId, revokedAt: null }, data: { revokedAt } });
    if (count === 0) return tx.apiKey.findUniqueOrThrow({ where: { id: apiKeyId }, select: publicApiKey });
    await recordAuditEvent(tx, actor, {
      action: "api_key.revoked",
      targetType: "api_key",
      targetId: apiKeyId,
      before: { name: found.name, role: found.role, prefix: found.prefix, revoked: false },
      after: { name: found.name, role: found.role, prefix: found.prefix, revoked: true },
    });
    return { ...found, revokedAt };
  });
  // Other app processes stop accepting it within seconds (lib/api-keys/verify-api-key.ts).
  forgetApiKey(apiKeyId);
  return revoked;
}

export async function findActiveApiKeyIdByName(name: string) {
  const found = await db.apiKey.findFirst({ where: { name, revokedAt: null }, select: { id: true } });
  if (!found) throw new NotFoundError(`No active API key is named ${name}.`);
  return found.id;
}

// Active keys first, newest first.
export async function listApiKeys() {
  return db.apiKey.findMany({
    orderBy: [{ revokedAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
    select: { ...publicApiKey, createdBy: { select: { email: true } } },
  });
}
