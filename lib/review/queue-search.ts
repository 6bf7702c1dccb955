import { z } from "zod";
import { REVIEW_RULE_CODES } from "@/lib/review/review-rule-settings";
import { checkTypeSchema, vendorIdSchema } from "@/lib/vendors/types";

// The queue's URL state. Client-safe. Every value parses with `.catch`, so a hand-edited URL
// never breaks the page; the API parses the same fields strictly (app/api/v1/review-cases).

export const CASE_STATUS_FILTERS = ["active", "open", "awaiting_confirmation", "escalated", "decided", "all"] as const;
export const QUEUE_SORTS = ["priority", "oldest", "newest", "sla"] as const;
export const AGE_FILTERS = ["lt1h", "lt24h", "gt24h", "gt7d"] as const;
export const SLA_FILTERS = ["ok", "due_soon", "breached", "none"] as const;
export const DEFAULT_QUEUE_LIMIT = 25;
/** SLA countdowns turn amber this long before they are due. */
export const SLA_DUE_SOON_MS = 60 * 60 * 1000;

export const queueSearchSchema = z.object({
  status: z.enum(CASE_STATUS_FILTERS).catch("active"),
  rule: z.enum(REVIEW_RULE_CODES).optional().catch(undefined),
  checkType: checkTypeSchema.optional().catch(undefined),
  vendor: vendorIdSchema.optional().catch(undefined),
  /** "unassigned", "mine", or a user id. */
  assignee: z.union([z.enum(["unassigned", "mine"]), z.uuid()]).optional().catch(undefined),
  age: z.enum(AGE_FILTERS).optional().catch(undefined),
  sla: z.enum(SLA_FILTERS).optional().catch(undefined),
  reference: z.string().trim().min(1).max(200).optional().catch(undefined),
  sort: z.enum(QUEUE_SORTS).catch("priority"),
  /** The page after this case (Next page)… */
  cursor: z.string().max(400).optional().catch(undefined),
  /** …or the page before this case (Previous page). */
  before: z.string().max(400).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(100).catch(DEFAULT_QUEUE_LIMIT),
});

export type QueueSearch = z.infer<typeof queueSearchSchema>;
export const QUEUE_FILTER_KEYS = ["status", "rule", "checkType", "vendor", "assignee", "age", "sla", "reference", "sort", "limit"] as const;

/** The query string of a search without its cursor (what a saved view stores). */
export function queueQueryString(search: Partial<QueueSearch>): string {
  const params = new URLSearchParams();
  for (const key of QUEUE_FILTER_KEYS) {
    const value = search[key];
    if (value === undefined || value === null) continue;
    if ((key === "status" && value === "active") || (key === "sort" && value === "priority") || (key === "limit" && value === DEFAULT_QUEUE_LIMIT)) continue;
    params.set(key, String(value));
  }
  return params.toString();
}

export type SlaState = "none" | "ok" | "due_soon" | "breached";

export function slaStateOf(slaDueAt: Date | string | null, decided: boolean, now = Date.now()): SlaState {
  if (!slaDueAt || decided) return "none";
  const left = new Date(slaDueAt).getTime() - now;
  if (left <= 0) return "breached";
  return left <= SLA_DUE_SOON_MS ? "due_soon" : "ok";
}
