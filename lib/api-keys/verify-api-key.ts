import { createHash } from "node:crypto";
import { sqlPool } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

export function hashApiKey(key: string) {
  return createHash("sha256").update(key).digest("hex");
}

export interface ApiKeyPrincipal {
  id: string;
  name: string;
  role: Role;
}

// Every API request checks its key, so the check is the cheapest that stays correct:
// - a key found active is remembered for REMEMBER_MS in this process: a revocation takes effect at
//   once in the process that revoked it (forgetApiKey) and within REMEMBER_MS in every other one;
// - "last used" is written at most once per LAST_USED_EVERY_MS per key and process, instead of an
//   UPDATE of the same row on every request (the admin page shows it to the minute).
const REMEMBER_MS = 5_000;
const LAST_USED_EVERY_MS = 60_000;
// Only keys that authenticated are remembered, so this bounds the map by the active keys in use.
const MAX_REMEMBERED = 1_000;

const remembered = new Map<string, { principal: ApiKeyPrincipal; until: number }>();
const lastUsedWritten = new Map<string, number>();

function remember(hash: string, principal: ApiKeyPrincipal, now: number) {
  if (remembered.size >= MAX_REMEMBERED) remembered.clear();
  remembered.set(hash, { principal, until: now + REMEMBER_MS });
}

async function findActiveKey(hash: string): Promise<ApiKeyPrincipal | null> {
  const { rows } = await sqlPool().query<ApiKeyPrincipal>(
    `SELECT "id", "name", "role"::text AS "role" FROM "ApiKey" WHERE "hash" = $1 AND "revokedAt" IS NULL`,
    [hash],
  );
  return rows[0] ?? null;
}

async function noteUse(id: string, now: number) {
  if (now - (lastUsedWritten.get(id) ?? 0) < LAST_USED_EVERY_MS) return;
  lastUsedWritten.set(id, now);
  await sqlPool().query(`UPDATE "ApiKey" SET "lastUsedAt" = now() WHERE "id" = $1::uuid`, [id]);
}

// Looks a bearer key up by its hash; revoked keys do not authenticate.
export async function verifyApiKey(key: string): Promise<ApiKeyPrincipal | null> {
  if (!/^vdk_[A-Za-z0-9_-]{20,100}$/.test(key)) return null;
  const hash = hashApiKey(key);
  const now = Date.now();
  const known = remembered.get(hash);
  let principal = known && known.until > now ? known.principal : null;
  if (!principal) {
    principal = await findActiveKey(hash);
    if (!principal) {
      remembered.delete(hash);
      return null;
    }
    remember(hash, principal, now);
  }
  await noteUse(principal.id, now);
  return { ...principal };
}

/** A revoked key stops authenticating in this process at once (other processes: within REMEMBER_MS). */
export function forgetApiKey(id: string) {
  for (const [hash, { principal }] of remembered) if (principal.id === id) remembered.delete(hash);
}
