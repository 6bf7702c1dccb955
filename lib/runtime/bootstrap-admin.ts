import { createUser } from "@/lib/users/manage-users";
import { db } from "@/lib/db";
import { readEnv } from "@/lib/config/env";

export const BOOTSTRAP_ADMIN_EMAIL = "admin@verdict.local";

// On a database with no users at all, creates the first admin with a random password that is
// printed once. There is no default password: losing it means `npm run cli -- user reset-password`.
export async function bootstrapFirstAdmin(): Promise<{ email: string; password: string } | null> {
  if ((await db.user.count()) > 0) return null;
  const email = readEnv().VERDICT_ADMIN_EMAIL?.trim().toLowerCase() || BOOTSTRAP_ADMIN_EMAIL;
  const { user, password } = await createUser({ kind: "system", label: "first-start" }, { email, name: "First admin", role: "admin" });
  return { email: user.email, password };
}
