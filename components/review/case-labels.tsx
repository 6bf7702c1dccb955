import { Badge } from "@/components/ui/badge";
import { REVIEW_RULE_LABELS, type ReviewRuleCode } from "@/lib/review/review-rule-settings";

// Words and badges for case states and rules. Client-safe.

export const CASE_STATUS_LABELS = {
  open: "Open",
  awaiting_confirmation: "Awaiting confirmation",
  escalated: "Escalated",
  decided: "Decided",
} as const;

const STATUS_TONES = { open: "info", awaiting_confirmation: "warning", escalated: "warning", decided: "neutral" } as const;
const DECISION_TONES = { approve: "success", reject: "danger", escalate: "warning" } as const;

export function CaseStatusBadge({ status }: { status: keyof typeof CASE_STATUS_LABELS }) {
  return <Badge tone={STATUS_TONES[status]}>{CASE_STATUS_LABELS[status]}</Badge>;
}

export function DecisionBadge({ decision }: { decision: string | null }) {
  if (!decision) return null;
  const tone = decision in DECISION_TONES ? DECISION_TONES[decision as keyof typeof DECISION_TONES] : "neutral";
  return <Badge tone={tone}>{decision}</Badge>;
}

export function ruleTitle(code: string): string {
  return code in REVIEW_RULE_LABELS ? REVIEW_RULE_LABELS[code as ReviewRuleCode].title : code;
}

/** The short label of narrow tables; pair it with `ruleTitle` as its tooltip. */
export function ruleShortLabel(code: string): string {
  return code in REVIEW_RULE_LABELS ? REVIEW_RULE_LABELS[code as ReviewRuleCode].short : code;
}
