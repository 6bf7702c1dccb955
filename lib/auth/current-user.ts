import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { auth } from "@/auth";
import type { Actor } from "@/lib/audit/record-audit-event";
import { clientAddressOf } from "@/lib/http/client-address";
import { ForbiddenError, UnauthorizedError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

export interface CurrentUser {
  id: string;
  email: string;
  name: string | null;
  role: Role;
}

export async function getCurrentUser(): Promise<CurrentUser | null> {
  const session = await auth();
  const user = session?.user;
  if (!user?.id || !user.email) return null;
  return { id: user.id, email: user.email, name: user.name ?? null, role: user.role };
}

export function hasRole(user: Pick<CurrentUser, "role">, roles: readonly Role[]) {
  return roles.length === 0 || roles.includes(user.role);
}

export function requireRole(user: CurrentUser, roles: readonly Role[]) {
  if (!hasRole(user, roles)) throw new ForbiddenError();
}

// For pages: a signed-out visitor goes to the sign-in page, a signed-in one without the role
// sees the forbidden page (HTTP 403).
export async function requirePageUser(roles: readonly Role[] = []): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/login");
  // HTTP 403 with the forbidden page (app/(console)/forbidden.tsx), at the address asked for.
  if (!hasRole(user, roles)) forbidden();
  return user;
}

// For actions and route handlers: throws, and the wrapper answers 401/403.
export async function requireUser(roles: readonly Role[] = []): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) throw new UnauthorizedError();
  requireRole(user, roles);
  return user;
}

export async function userActor(user: CurrentUser): Promise<Actor> {
  return { kind: "user", id: user.id, email: user.email, ip: clientAddressOf(await headers()) };
}
