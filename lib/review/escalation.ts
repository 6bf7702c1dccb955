import type { Role } from "@/lib/generated/prisma/enums";

// Escalation goes to senior reviewers: an escalated case is decided by a senior reviewer (a
// permission an admin grants to a reviewer) or an admin, and never by the person who escalated it.
// Client-safe: the case page shows the same words the server answers with.

export function isSeniorReviewer(user: { role: Role; seniorReviewer: boolean }): boolean {
  return user.role === "admin" || (user.role === "reviewer" && user.seniorReviewer);
}

/** Why this user may not decide (or escalate again) this case now, or null when they may. */
export function escalationBlock(c: { status: string; escalatedById: string | null; escalatedByEmail?: string | null }, user: { id: string; senior: boolean }): string | null {
  if (c.status !== "escalated") return null;
  if (c.escalatedById === user.id) return "You escalated this case, so someone else decides it: a senior reviewer or an admin.";
  if (!user.senior) return `This case was escalated${c.escalatedByEmail ? ` by ${c.escalatedByEmail}` : ""}; only senior reviewers and admins decide escalated cases.`;
  return null;
}

/** The second reviewer of a four-eyes decision on a formerly escalated case may not be its escalator. */
export function escalatorMayNotConfirm(c: { escalatedById: string | null }, userId: string): string | null {
  return c.escalatedById === userId ? "You escalated this case, so you may not confirm its decision either." : null;
}
