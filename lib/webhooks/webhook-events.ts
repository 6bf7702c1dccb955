import { z } from "zod";

// The events a webhook can subscribe to. Client-safe (the admin form lists them).
export const WEBHOOK_EVENTS = ["case.opened", "case.decided", "verification.finished"] as const;
export const webhookEventSchema = z.enum(WEBHOOK_EVENTS);
export type WebhookEvent = z.infer<typeof webhookEventSchema>;

export const WEBHOOK_EVENT_LABELS: Record<WebhookEvent, string> = {
  "case.opened": "A review case is opened",
  "case.decided": "A review case is decided (approve or reject, after any second confirmation)",
  "verification.finished": "A verification has every vendor's answer",
};

