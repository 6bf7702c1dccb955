import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";

// Server-side sessions behind next-auth's JWT cookie: the cookie carries the session's id, every
// request looks the row up, and sign-out revokes it. So a cookie copied before sign-out is refused
// after it, although its signature and expiry are still valid.

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SignInMethod = "password" | "oidc";

export async function startUserSession(userId: string, method: SignInMethod, ip: string | null) {
  const session = await db.userSession.create({ data: { userId, method, ip }, select: { id: true } });
  return session.id;
}

/** The user behind a live session, or null when it was revoked, the user disabled or signed out everywhere. */
export async function findSessionUser(sessionId: string, userId: string, sessionVersion: unknown) {
  if (!UUID.test(sessionId)) return null;
  const session = await db.userSession.findUnique({ where: { id: sessionId }, include: { user: true } });
  if (!session || session.revokedAt || session.userId !== userId) return null;
  const { user } = session;
  if (user.disabledAt || user.sessionVersion !== sessionVersion) return null;
  return user;
}

/** Sign-out: revokes the session and audits it, once (a second sign-out with the same cookie does nothing). */
export async function endUserSession(sessionId: string, ip: string | null) {
  await db.$transaction(async (tx) => {
    const revoked = await tx.userSession.updateManyAndReturn({
      where: { id: sessionId, revokedAt: null },
      data: { revokedAt: new Date() },
      include: { user: { select: { id: true, email: true } } },
    });
    const session = revoked[0];
    if (!session) return;
    await recordAuditEvent(tx, { kind: "user", id: session.user.id, email: session.user.email, ip }, {
      action: "auth.signed_out",
      targetType: "user",
      targetId: session.user.id,
      after: { session: session.id, method: session.method },
    });
  });
}
