import { getServerSession, type DefaultSession } from "next-auth";
import { buildAuthOptions } from "@/lib/auth/auth-options";
import type { Role } from "@/lib/generated/prisma/enums";

declare module "next-auth" {
  interface Session {
    user?: DefaultSession["user"] & { id: string; role: Role };
  }
}

let options: ReturnType<typeof buildAuthOptions> | undefined;

export function getAuthOptions() {
  options ??= buildAuthOptions();
  return options;
}

// The session of the current request, validated against the database (see the session callback).
export function auth() {
  return getServerSession(getAuthOptions());
}
