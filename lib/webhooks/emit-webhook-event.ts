import { randomUUID } from "node:crypto";
import type { Tx } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOB_QUEUES } from "@/lib/jobs/queues";
import type { WebhookEvent } from "@/lib/webhooks/webhook-events";

/** What a receiver gets: the event id (stable across redeliveries), its name, when, and its data. */
export interface WebhookPayload {
  id: string;
  event: WebhookEvent;
  createdAt: string;
  data: Prisma.InputJsonObject;
}

// Records one delivery per subscribed webhook and queues it, inside the caller's transaction: the
// event goes out if and only if the change that caused it commits.
export async function emitWebhookEvent(tx: Tx, event: WebhookEvent, data: Prisma.InputJsonObject): Promise<number> {
  const hooks = await tx.webhook.findMany({ where: { active: true, events: { has: event } }, select: { id: true } });
  if (hooks.length === 0) return 0;
  const payload: WebhookPayload = { id: randomUUID(), event, createdAt: new Date().toISOString(), data };
  for (const hook of hooks) {
    const delivery = await tx.webhookDelivery.create({ data: { webhookId: hook.id, event, payload: payload as unknown as Prisma.InputJsonObject } });
    await enqueueJob(tx, JOB_QUEUES["webhook-delivery"], { deliveryId: delivery.id });
  }
  return hooks.length;
}
