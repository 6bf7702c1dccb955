import { createHash } from "node:crypto";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export function hashApiKey(key: string) {
  return createHash("sha256").update(key).digest("hex");
}

export interface ApiKeyPrincipal {
  id: string;
  name: string;
  role: Role;
}

// Looks a bearer key up by its hash; revoked keys do not authenticate.
export async function verifyApiKey(key: string): Promise<ApiKeyPrincipal | null> {
  if (!/^vdk_[A-Za-z0-9_-]{20,100}$/.test(key)) return null;
  const found = await db.apiKey.findUnique({ where: { hash: hashApiKey(key) } });
  if (!found || found.revokedAt) return null;
  await db.apiKey.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  return { id: found.id, name: found.name, role: found.role };
}
