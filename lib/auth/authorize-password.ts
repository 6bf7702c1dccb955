import { cookies } from "next/headers";
import { z } from "zod";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { KNOWN_DEVICE_COOKIE, KNOWN_DEVICE_MAX_AGE_SECONDS, knownDeviceId, rememberDevice } from "@/lib/auth/known-device";
import { beginSignInAttempt, settleSignInAttempt, type SignInAttempt } from "@/lib/auth/login-throttle";
import { getDummyHash, verifyPassword } from "@/lib/auth/passwords";
import { verifySecondFactor } from "@/lib/auth/second-factor";
import { getEnv } from "@/lib/config/env";
import { db } from "@/lib/db";

// The password sign-in (next-auth's credentials provider). Runs inside the /api/auth route
// handler, so it reads and sets the known-device cookie through next/headers.

// Error codes the sign-in page turns into words. A wrong email and a wrong password are the
// same error on purpose. A back-off carries its wait: "LockedOut:<seconds>".
// With a second factor: "CodeRequired" after a right password without a code, "WrongCode".
export const SIGN_IN_ERRORS = {
  invalid: "CredentialsSignin",
  locked: "LockedOut",
  codeRequired: "CodeRequired",
  wrongCode: "WrongCode",
} as const;

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().max(256),
  code: z.string().trim().max(32).optional(),
});

function authSecret(): string {
  const secret = getEnv().NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  return secret;
}

async function recordFailure(userId: string | null, email: string, address: string, reason: string) {
  await recordAuditEvent(db, { kind: "system", label: "sign-in" }, {
    action: "auth.sign_in_failed",
    targetType: "user",
    targetId: userId,
    after: { email, address, reason },
  });
}

export async function authorizeWithPassword(raw: Record<string, unknown> | undefined, address: string) {
  const parsed = credentialsSchema.safeParse(raw ?? {});
  if (!parsed.success || !parsed.data.email || !parsed.data.password) return null;
  const { email, password } = parsed.data;

  const user = await db.user.findUnique({ where: { email }, omit: { passwordHash: false, totpSecretEncrypted: false } });
  const jar = await cookies();
  const secret = authSecret();
  const deviceId = user ? knownDeviceId(jar.get(KNOWN_DEVICE_COOKIE)?.value, user.id, secret) : null;
  const attempt: SignInAttempt = { email, address, deviceId };

  const verdict = await beginSignInAttempt(attempt);
  if (!verdict.allowed) throw new Error(`${SIGN_IN_ERRORS.locked}:${verdict.retryAfterSeconds}`);

  const ok = await verifyPassword(user?.passwordHash ?? (await getDummyHash()), password);
  if (!user || !ok || user.disabledAt || !user.passwordHash) {
    await recordFailure(user?.id ?? null, email, address, user?.disabledAt ? "disabled" : "bad_credentials");
    return null;
  }

  let secondFactor: "totp" | "recovery_code" | null = null;
  if (user.totpEnabledAt) {
    if (!parsed.data.code) {
      // The password was right: not a failure, but not a sign-in yet either.
      await settleSignInAttempt(attempt, "incomplete");
      throw new Error(SIGN_IN_ERRORS.codeRequired);
    }
    secondFactor = await verifySecondFactor(user, parsed.data.code);
    if (!secondFactor) {
      await recordFailure(user.id, email, address, "wrong_code");
      throw new Error(SIGN_IN_ERRORS.wrongCode);
    }
  }

  await settleSignInAttempt(attempt, "success");
  jar.set(KNOWN_DEVICE_COOKIE, rememberDevice(jar.get(KNOWN_DEVICE_COOKIE)?.value, user.id, secret), {
    httpOnly: true,
    sameSite: "lax",
    secure: getEnv().NEXTAUTH_URL?.startsWith("https://") ?? false,
    path: "/",
    maxAge: KNOWN_DEVICE_MAX_AGE_SECONDS,
  });
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  await recordAuditEvent(db, { kind: "user", id: user.id, email: user.email, ip: address }, {
    action: "auth.signed_in",
    targetType: "user",
    targetId: user.id,
    after: { method: "password", knownDevice: deviceId !== null, ...(secondFactor ? { secondFactor } : {}) },
  });
  return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion, method: "password" as const, ip: address };
}
