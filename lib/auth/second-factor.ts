import { createHash, randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import QRCode from "qrcode";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { verifyPassword } from "@/lib/auth/passwords";
import { decryptSecret, encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { ConflictError, ValidationError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";

// The optional second factor of password accounts: TOTP (RFC 6238, 6 digits, 30 s, as every
// authenticator app does) plus ten one-time recovery codes. SSO accounts rely on their identity
// provider. An admin can require it per role; users of such a role are sent to enrol.

const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

function totpFor(secret: Secret, email: string) {
  return new TOTP({ issuer: "Verdict", label: email, algorithm: "SHA1", digits: 6, period: 30, secret });
}

function hashRecoveryCode(code: string) {
  return createHash("sha256").update(code.trim().toLowerCase()).digest("hex");
}

function generateRecoveryCode(): string {
  const chars = Array.from(randomBytes(10), (b) => RECOVERY_ALPHABET[b % RECOVERY_ALPHABET.length]).join("");
  return `${chars.slice(0, 5)}-${chars.slice(5)}`;
}

export interface EnrollmentOffer {
  /** The secret sealed with the master key, posted back with the first code. */
  sealedSecret: string;
  secretBase32: string;
  qrDataUrl: string;
}

export async function offerTotpEnrollment(email: string): Promise<EnrollmentOffer> {
  const secret = new Secret({ size: 20 });
  const uri = totpFor(secret, email).toString();
  return { sealedSecret: encryptSecret(secret.base32), secretBase32: secret.base32, qrDataUrl: await QRCode.toDataURL(uri, { margin: 1, width: 200 }) };
}

async function checkPassword(userId: string, password: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, omit: { passwordHash: false } });
  if (!user.passwordHash) throw new ConflictError("Accounts that sign in with single sign-on use their identity provider's second factor.");
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new ValidationError("The password is not right.", { password: ["The password is not right."] });
  }
  return user;
}

/** Turns TOTP on after the first code from the app checks out; returns the recovery codes, shown once. */
export async function enableTotp(actor: Actor, userId: string, input: { sealedSecret: string; code: string; password: string }) {
  const user = await checkPassword(userId, input.password);
  if (user.totpEnabledAt) throw new ConflictError("A second factor is already set up. Remove it first to set up a new one.");
  let secretBase32: string;
  try {
    secretBase32 = decryptSecret(input.sealedSecret);
  } catch {
    throw new ValidationError("The enrolment expired; reload the page and scan the new code.");
  }
  if (totpFor(Secret.fromBase32(secretBase32), user.email).validate({ token: input.code, window: 1 }) === null) {
    throw new ValidationError("That code is not right: check the time on your phone and enter the current code.", { code: ["That code is not right."] });
  }
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { totpSecretEncrypted: encryptSecret(secretBase32), totpEnabledAt: new Date(), totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })) });
    await recordAuditEvent(tx, actor, { action: "auth.totp_enabled", targetType: "user", targetId: userId, after: { recoveryCodes: RECOVERY_CODE_COUNT } });
  });
  return codes;
}

export async function disableTotp(actor: Actor, userId: string, input: { password: string }) {
  const user = await checkPassword(userId, input.password);
  if (await isTotpRequiredFor(user.role)) throw new ConflictError(`Your role (${user.role}) requires a second factor: it cannot be removed.`);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { totpSecretEncrypted: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await recordAuditEvent(tx, actor, { action: "auth.totp_disabled", targetType: "user", targetId: userId });
  });
}

/**
 * At sign-in: a current TOTP code (each time step used once) or an unused recovery code (used up).
 * Returns what was used, or null when the code is wrong.
 */
export async function verifySecondFactor(user: { id: string; email: string; totpSecretEncrypted: string | null }, code: string): Promise<"totp" | "recovery_code" | null> {
  const token = code.replace(/\s+/g, "");
  if (/^\d{6}$/.test(token) && user.totpSecretEncrypted) {
    const totp = totpFor(Secret.fromBase32(decryptSecret(user.totpSecretEncrypted)), user.email);
    const delta = totp.validate({ token, window: 1 });
    if (delta === null) return null;
    const step = totp.counter() + delta;
    const used = await db.user.updateMany({ where: { id: user.id, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] }, data: { totpLastStep: step } });
    return used.count === 1 ? "totp" : null;
  }
  const used = await db.recoveryCode.updateMany({ where: { userId: user.id, codeHash: hashRecoveryCode(token), usedAt: null }, data: { usedAt: new Date() } });
  return used.count === 1 ? "recovery_code" : null;
}

export async function isTotpRequiredFor(role: Role): Promise<boolean> {
  return (await db.totpRequiredRole.count({ where: { role } })) > 0;
}

/** A password user of a role that requires a second factor, without one: sent to enrol. */
export async function mustEnrollSecondFactor(userId: string, role: Role): Promise<boolean> {
  if (!(await isTotpRequiredFor(role))) return false;
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpEnabledAt: true, passwordHash: true } });
  return Boolean(user?.passwordHash) && !user?.totpEnabledAt;
}

export async function findTotpRequiredRoles(): Promise<Role[]> {
  return (await db.totpRequiredRole.findMany({ orderBy: { role: "asc" } })).map((r) => r.role);
}

export async function setTotpRequiredRoles(actor: Actor & { kind: "user" }, roles: Role[]) {
  await db.$transaction(async (tx) => {
    const before = (await tx.totpRequiredRole.findMany()).map((r) => r.role).sort();
    const after = [...new Set(roles)].sort();
    if (before.join() === after.join()) return;
    await tx.totpRequiredRole.deleteMany({ where: { role: { notIn: after } } });
    await tx.totpRequiredRole.createMany({ data: after.filter((r) => !before.includes(r)).map((role) => ({ role, createdById: actor.id })) });
    await recordAuditEvent(tx, actor, { action: "security.totp_required_roles_changed", targetType: "setting", targetId: "totp_required_roles", before: { roles: before }, after: { roles: after } });
  });
}

export async function countUnusedRecoveryCodes(userId: string) {
  return db.recoveryCode.count({ where: { userId, usedAt: null } });
}
