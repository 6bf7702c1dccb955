import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { clearLoginFailures, getLockoutSeconds, recordLoginFailure } from "@/lib/auth/login-throttle";
import { getDummyHash, verifyPassword } from "@/lib/auth/passwords";
import { getEnv, isOidcConfigured } from "@/lib/config/env";
import { db } from "@/lib/db";

// Error codes the sign-in page turns into words. A wrong email and a wrong password are the
// same error on purpose.
export const SIGN_IN_ERRORS = {
  invalid: "CredentialsSignin",
  locked: "LockedOut",
} as const;

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(256),
});

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "unknown";
}

interface OidcProfile {
  sub: string;
  email?: string;
  name?: string;
}

function oidcProvider(): OAuthConfig<OidcProfile> {
  const env = getEnv();
  return {
    id: "oidc",
    name: env.OIDC_NAME,
    type: "oauth",
    wellKnown: `${env.OIDC_ISSUER!.replace(/\/$/, "")}/.well-known/openid-configuration`,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    authorization: { params: { scope: "openid email profile" } },
    idToken: true,
    checks: ["pkce", "state"],
    profile: (profile) => ({ id: profile.sub, email: profile.email?.toLowerCase(), name: profile.name }),
  };
}

async function authorizeWithPassword(raw: Record<string, unknown> | undefined, address: string) {
  const parsed = credentialsSchema.safeParse(raw ?? {});
  if (!parsed.success || !parsed.data.email || !parsed.data.password) return null;
  const { email, password } = parsed.data;

  if ((await getLockoutSeconds(email, address)) > 0) throw new Error(SIGN_IN_ERRORS.locked);

  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false } });
  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
  if (!user || !ok || user.disabledAt || !user.passwordHash) {
    await recordLoginFailure(email, address);
    await recordAuditEvent(db, { kind: "system", label: "sign-in" }, {
      action: "auth.sign_in_failed",
      targetType: "user",
      targetId: user?.id ?? null,
      after: { email, address, reason: user?.disabledAt ? "disabled" : "bad_credentials" },
    });
    return null;
  }
  await clearLoginFailures(email);
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await recordAuditEvent(db, { kind: "user", id: user.id, email: user.email, ip: address }, {
    action: "auth.signed_in",
    targetType: "user",
    targetId: user.id,
    after: { method: "password" },
  });
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
}

// SSO users must exist in Verdict already (an admin creates them with their email), unless
// OIDC_DEFAULT_ROLE lets first-time users in with that role.
async function linkOidcUser(subject: string, email: string | undefined, name: string | undefined) {
  const env = getEnv();
  let user = await db.user.findUnique({ where: { oidcSubject: subject } });
  if (!user && email) {
    const byEmail = await db.user.findUnique({ where: { email } });
    if (byEmail && !byEmail.oidcSubject) {
      user = await db.user.update({ where: { id: byEmail.id }, data: { oidcSubject: subject } });
    }
  }
  if (!user && email && env.OIDC_DEFAULT_ROLE) {
    user = await db.user.create({
      data: { email, name: name ?? null, role: env.OIDC_DEFAULT_ROLE, oidcSubject: subject },
    });
    await recordAuditEvent(db, { kind: "system", label: "sso" }, {
      action: "user.created",
      targetType: "user",
      targetId: user.id,
      after: { email, role: user.role, via: "oidc" },
    });
  }
  if (!user || user.disabledAt) return null;
  return user;
}

export function buildAuthOptions(): NextAuthOptions {
  const env = getEnv();
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: env.SESSION_MAX_AGE_SECONDS },
    jwt: { maxAge: env.SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    // One line per problem, no stacks or token contents (a tampered cookie is routine noise).
    logger: {
      error: (code) => console.warn(`[auth] ${code}`),
      warn: (code) => console.warn(`[auth] ${code}`),
      debug: () => {},
    },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        authorize: (credentials, req) => authorizeWithPassword(credentials, clientAddress(req?.headers)),
      }),
      ...(isOidcConfigured(env) ? [oidcProvider()] : []),
    ],
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== "oidc") return true;
        const oidc = profile as OidcProfile | undefined;
        const linked = await linkOidcUser(account.providerAccountId, oidc?.email?.toLowerCase(), oidc?.name);
        if (!linked) return "/login?error=AccessDenied";
        Object.assign(user, { id: linked.id, sessionVersion: linked.sessionVersion });
        await recordAuditEvent(db, { kind: "user", id: linked.id, email: linked.email }, {
          action: "auth.signed_in",
          targetType: "user",
          targetId: linked.id,
          after: { method: "oidc" },
        });
        return true;
      },
      async jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        }
        return token;
      },
      // The session is checked against the database on every request: a disabled user, or one
      // whose sessions were revoked (sessionVersion bumped), is signed out at once.
      async session({ session, token }) {
        const uid = typeof token.uid === "string" ? token.uid : null;
        const user = uid ? await db.user.findUnique({ where: { id: uid } }) : null;
        if (!user || user.disabledAt || user.sessionVersion !== token.sv) {
          return { expires: session.expires };
        }
        return {
          expires: session.expires,
          user: { id: user.id, email: user.email, name: user.name, role: user.role },
        };
      },
    },
  };
}
