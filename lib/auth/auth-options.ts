import type { NextAuthOptions } from "next-auth";
import { headers } from "next/headers";
import CredentialsProvider from "next-auth/providers/credentials";
import type { OAuthConfig } from "next-auth/providers/oauth";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { authorizeWithPassword } from "@/lib/auth/authorize-password";
import { endUserSession, findSessionUser, startUserSession, type SignInMethod } from "@/lib/auth/user-sessions";
import { getEnv, isOidcConfigured } from "@/lib/config/env";
import { db } from "@/lib/db";
import { clientAddressOf } from "@/lib/http/client-address";

// The client address of the request being handled (next-auth's callbacks do not get the request).
async function requestAddress(): Promise<string | null> {
  return clientAddressOf(await headers());
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
        credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
        authorize: (credentials, req) => authorizeWithPassword(credentials, clientAddressOf(req?.headers) ?? "unknown"),
      }),
      ...(isOidcConfigured(env) ? [oidcProvider()] : []),
    ],
    events: {
      // Sign-out ends the session on the server too, so a copy of the cookie is worthless after it.
      async signOut({ token }) {
        if (typeof token?.sid === "string") await endUserSession(token.sid, await requestAddress());
      },
    },
    callbacks: {
      async signIn({ user, account, profile }) {
        if (account?.provider !== "oidc") return true;
        const oidc = profile as OidcProfile | undefined;
        const linked = await linkOidcUser(account.providerAccountId, oidc?.email?.toLowerCase(), oidc?.name);
        if (!linked) return "/login?error=AccessDenied";
        Object.assign(user, { id: linked.id, sessionVersion: linked.sessionVersion, method: "oidc", ip: await requestAddress() });
        await recordAuditEvent(db, { kind: "user", id: linked.id, email: linked.email }, {
          action: "auth.signed_in",
          targetType: "user",
          targetId: linked.id,
          after: { method: "oidc" },
        });
        return true;
      },
      // At sign-in, a server-side session row; its id travels in the cookie.
      async jwt({ token, user }) {
        if (user) {
          const signedIn = user as { sessionVersion?: number; method?: SignInMethod; ip?: string | null };
          token.uid = user.id;
          token.sv = signedIn.sessionVersion ?? 0;
          token.sid = await startUserSession(user.id, signedIn.method ?? "password", signedIn.ip ?? null);
        }
        return token;
      },
      // The session is checked against the database on every request: a revoked session (signed
      // out), a disabled user, or one whose sessions were all revoked (sessionVersion bumped) is
      // signed out at once. Cookies without a session id (issued before sessions were stored) too.
      async session({ session, token }) {
        const uid = typeof token.uid === "string" ? token.uid : null;
        const sid = typeof token.sid === "string" ? token.sid : null;
        const user = uid && sid ? await findSessionUser(sid, uid, token.sv) : null;
        if (!user) return { expires: session.expires };
        return {
          expires: session.expires,
          user: { id: user.id, email: user.email, name: user.name, role: user.role },
        };
      },
    },
  };
}
