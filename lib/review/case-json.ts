import type { Prisma } from "@/lib/generated/prisma/client";

// The public shape of a case (webhooks and /api/v1/review-cases).

export interface CaseForJson {
  id: string;
  verificationId: string;
  status: string;
  rules: string[];
  ruleDetails: Prisma.JsonValue | null;
  priority: number;
  checkType: string;
  reference: string | null;
  openedAt: Date;
  slaDueAt: Date | null;
  decision: string | null;
  decidedAt: Date | null;
  version: number;
}

export function caseJson(c: CaseForJson) {
  return {
    id: c.id,
    url: `/api/v1/review-cases/${c.id}`,
    verificationId: c.verificationId,
    verificationUrl: `/api/v1/verifications/${c.verificationId}`,
    status: c.status,
    rules: c.rules,
    ruleDetails: c.ruleDetails ?? [],
    priority: c.priority,
    checkType: c.checkType,
    reference: c.reference,
    openedAt: c.openedAt.toISOString(),
    slaDueAt: c.slaDueAt?.toISOString() ?? null,
    decision: c.decision,
    decidedAt: c.decidedAt?.toISOString() ?? null,
    version: c.version,
  };
}

/** The same, as a JSON object for a webhook payload. */
export function caseWebhookData(c: CaseForJson): Prisma.InputJsonObject {
  return JSON.parse(JSON.stringify(caseJson(c))) as Prisma.InputJsonObject;
}
