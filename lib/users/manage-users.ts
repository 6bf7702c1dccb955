import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { generatePassword, hashPassword } from "@/lib/auth/passwords";
import { db, type Tx } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";

// User administration shared by the admin page's actions and the CLI: each change and its audit
// event are written in one transaction.

const publicUser = { id: true, email: true, name: true, role: true, disabledAt: true } as const;

// Serialises changes that could leave Verdict without an active admin.
const ADMIN_GUARD_LOCK = 0x76657264; // "verd"

async function assertAnotherActiveAdmin(tx: Tx, userId: string) {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_GUARD_LOCK})`;
  const others = await tx.user.count({
    where: { role: "admin", disabledAt: null, id: { not: userId } },
  });
  if (others === 0) {
    throw new ConflictError("This is the last active admin: make another user admin first.");
  }
}

async function findUserOrThrow(tx: Tx, userId: string) {
  const user = await tx.user.findUnique({ where: { id: userId }, select: publicUser });
  if (!user) throw new NotFoundError("That user does not exist.");
  return user;
}

export async function createUser(
  actor: Actor,
  input: { email: string; name?: string | null; role: Role; password?: string },
) {
  const password = input.password ?? generatePassword();
  const passwordHash = await hashPassword(password);
  try {
    const user = await db.$transaction(async (tx) => {
      const created = await tx.user.create({
        data: { email: input.email, name: input.name ?? null, role: input.role, passwordHash },
        select: publicUser,
      });
      await recordAuditEvent(tx, actor, {
        action: "user.created",
        targetType: "user",
        targetId: created.id,
        after: { email: created.email, name: created.name, role: created.role },
      });
      return created;
    });
    return { user, password };
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new ValidationError("A user with this email already exists.", {
        email: ["A user with this email already exists."],
      });
    }
    throw error;
  }
}

export async function changeUserRole(actor: Actor, userId: string, role: Role) {
  return db.$transaction(async (tx) => {
    const user = await findUserOrThrow(tx, userId);
    if (user.role === role) return user;
    if (user.role === "admin") await assertAnotherActiveAdmin(tx, userId);
    const updated = await tx.user.update({
      where: { id: userId },
      data: { role, sessionVersion: { increment: 1 } },
      select: publicUser,
    });
    await recordAuditEvent(tx, actor, {
      action: "user.role_changed",
      targetType: "user",
      targetId: userId,
      before: { email: user.email, role: user.role },
      after: { email: user.email, role },
    });
    return updated;
  });
}

export async function setUserDisabled(actor: Actor, userId: string, disabled: boolean) {
  return db.$transaction(async (tx) => {
    const user = await findUserOrThrow(tx, userId);
    if (Boolean(user.disabledAt) === disabled) return user;
    if (disabled && user.role === "admin") await assertAnotherActiveAdmin(tx, userId);
    const updated = await tx.user.update({
      where: { id: userId },
      // A new session version signs the user out everywhere at their next request.
      data: { disabledAt: disabled ? new Date() : null, sessionVersion: { increment: 1 } },
      select: publicUser,
    });
    await recordAuditEvent(tx, actor, {
      action: disabled ? "user.disabled" : "user.enabled",
      targetType: "user",
      targetId: userId,
      before: { email: user.email, disabled: Boolean(user.disabledAt) },
      after: { email: user.email, disabled },
    });
    return updated;
  });
}

export async function resetUserPassword(actor: Actor, userId: string) {
  const password = generatePassword();
  const passwordHash = await hashPassword(password);
  const user = await db.$transaction(async (tx) => {
    const found = await findUserOrThrow(tx, userId);
    await tx.user.update({
      where: { id: userId },
      data: { passwordHash, sessionVersion: { increment: 1 } },
    });
    // The password itself is never written anywhere but the one answer to the admin.
    await recordAuditEvent(tx, actor, {
      action: "user.password_reset",
      targetType: "user",
      targetId: userId,
      after: { email: found.email },
    });
    return found;
  });
  return { user, password };
}

/** Admins: who may decide escalated cases besides admins (a permission, not a role). */
export async function setSeniorReviewer(actor: Actor, userId: string, senior: boolean) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, role: true, seniorReviewer: true } });
    if (!user) throw new NotFoundError("That user does not exist.");
    if (senior && user.role !== "reviewer" && user.role !== "admin") {
      throw new ValidationError("Only reviewers (and admins) decide cases.", { senior: [`${user.email} is ${user.role === "operator" ? "an" : "a"} ${user.role}: make them a reviewer first.`] });
    }
    if (user.seniorReviewer === senior) return { seniorReviewer: senior };
    await tx.user.update({ where: { id: userId }, data: { seniorReviewer: senior } });
    await recordAuditEvent(tx, actor, {
      action: senior ? "user.senior_reviewer_granted" : "user.senior_reviewer_revoked",
      targetType: "user",
      targetId: userId,
      before: { email: user.email, seniorReviewer: user.seniorReviewer },
      after: { email: user.email, seniorReviewer: senior },
    });
    return { seniorReviewer: senior };
  });
}

/** A reviewer's own setting: open the next case right after deciding one. */
export async function setJumpToNextCase(actor: Actor, userId: string, enabled: boolean) {
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { jumpToNextCase: true } });
    if (!user) throw new NotFoundError("That user does not exist.");
    if (user.jumpToNextCase === enabled) return { jumpToNextCase: enabled };
    await tx.user.update({ where: { id: userId }, data: { jumpToNextCase: enabled } });
    await recordAuditEvent(tx, actor, { action: "user.setting_changed", targetType: "user", targetId: userId, before: { jumpToNextCase: user.jumpToNextCase }, after: { jumpToNextCase: enabled } });
    return { jumpToNextCase: enabled };
  });
}

/** What the review pages need to know about the signed-in reviewer beyond the session. */
export async function getReviewerSettings(userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true, seniorReviewer: true, jumpToNextCase: true } });
  return { senior: user ? user.role === "admin" || (user.role === "reviewer" && user.seniorReviewer) : false, jumpToNextCase: user?.jumpToNextCase ?? false };
}

export async function findUserIdByEmail(email: string) {
  const user = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (!user) throw new NotFoundError(`No user has the email ${email}.`);
  return user.id;
}
