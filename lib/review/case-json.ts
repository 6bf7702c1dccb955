import type { CaseFieldsJson } from "@/lib/api/schemas/review-case-schemas";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { CaseStatus, DecisionKind } from "@/lib/generated/prisma/enums";
import type { CheckType } from "@/lib/vendors/types";

// The public shape of a case (webhooks and /api/v1/review-cases).

export interface CaseForJson {
  id: string;
  verificationId: string;
  status: CaseStatus;
  rules: string[];
  ruleDetails: Prisma.JsonValue | null;
  priority: number;
  checkType: CheckType;
  reference: string | null;
  openedAt: Date;
  slaDueAt: Date | null;
  decision: DecisionKind | null;
  decidedAt: Date | null;
  version: number;
}

export function caseJson(c: CaseForJson): CaseFieldsJson {
  return {
    id: c.id,
    url: `/api/v1/review-cases/${c.id}`,
    verificationId: c.verificationId,
    verificationUrl: `/api/v1/verifications/${c.verificationId}`,
    status: c.status,
    rules: c.rules,
    // Written by the review rules (evaluate-review-rules) in this shape.
    ruleDetails: (c.ruleDetails ?? []) as CaseFieldsJson["ruleDetails"],
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
