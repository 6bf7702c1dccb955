import type { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/db";

// Who did something: a signed-in user, an API key, the CLI or Verdict itself.
export type Actor =
  | { kind: "user"; id: string; email: string; ip?: string | null }
  | { kind: "api-key"; id: string; name: string; ip?: string | null }
  | { kind: "cli"; label?: string }
  | { kind: "system"; label?: string };

export interface AuditInput {
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: Prisma.InputJsonValue | null;
  after?: Prisma.InputJsonValue | null;
}

export function actorLabel(actor: Actor): string {
  switch (actor.kind) {
    case "user":
      return actor.email;
    case "api-key":
      return `api-key:${actor.name}`;
    case "cli":
      return actor.label ? `cli:${actor.label}` : "cli";
    case "system":
      return actor.label ?? "system";
  }
}

/** Who acted, as the AuditEvent columns record it (also for audit rows written in plain SQL). */
export function auditActorColumns(actor: Actor) {
  return {
    actorId: actor.kind === "user" ? actor.id : null,
    apiKeyId: actor.kind === "api-key" ? actor.id : null,
    actorLabel: actorLabel(actor),
    ip: actor.kind === "user" || actor.kind === "api-key" ? (actor.ip ?? null) : null,
  };
}

// Pass the transaction that makes the change, so the change and its audit row land together.
export async function recordAuditEvent(tx: Tx | Db, actor: Actor, input: AuditInput) {
  await tx.auditEvent.create({
    data: {
      ...auditActorColumns(actor),
      action: input.action,
      targetType: input.targetType,
      targetId: input.targetId ?? null,
      before: input.before ?? undefined,
      after: input.after ?? undefined,
    },
  });
}
