import { randomBytes } from "node:crypto";
import { z } from "zod";
import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { encryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { JOB_QUEUES } from "@/lib/jobs/queues";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { OutboundAddressError, resolveOutboundAddresses } from "@/lib/webhooks/outbound-address";
import { webhookEventSchema } from "@/lib/webhooks/webhook-events";

// Admin-managed webhooks. The signing secret is shown once at creation (and on rotation) and
// stored encrypted (lib/crypto/secret-box.ts); every change is audited.

const checkbox = z.union([z.boolean(), z.literal("on"), z.literal("true"), z.literal("false"), z.literal("")]).optional().transform((v) => v === true || v === "on" || v === "true");
const events = z
  .union([webhookEventSchema, z.array(webhookEventSchema)], { error: "Pick events from the list." })
  .transform((v) => [...new Set(Array.isArray(v) ? v : [v])])
  .refine((v) => v.length > 0, "Pick at least one event.");

export const webhookUrlSchema = z
  .string()
  .trim()
  .max(2000, "At most 2000 characters.")
  .pipe(z.url({ protocol: /^https?$/, error: "An http:// or https:// URL." }));

export const createWebhookSchema = z.object({ url: webhookUrlSchema, events, allowPrivate: checkbox });
export const updateWebhookSchema = z.object({ webhookId: z.uuid(), url: webhookUrlSchema, events, allowPrivate: checkbox, active: checkbox });
export const webhookRefSchema = z.object({ webhookId: z.uuid() });
export const deliveryRefSchema = z.object({ deliveryId: z.uuid() });

function newSecret() {
  return `whsec_${randomBytes(32).toString("base64url")}`;
}

function view(hook: { url: string; events: string[]; active: boolean; allowPrivate: boolean }): Prisma.InputJsonObject {
  return { url: hook.url, events: hook.events, active: hook.active, allowPrivate: hook.allowPrivate };
}

/** The form of a URL two webhooks are compared by (lower-case host, default port dropped, "/" path). */
export function normalizeWebhookUrl(url: string): string {
  return new URL(url).href;
}

function refuse(message: string): never {
  throw new ValidationError("Some fields need attention.", { url: [message] });
}

// Save-time checks, so a webhook is not saved "active" only to fail every delivery: its host must
// resolve, to public addresses unless private ones are allowed (delivery checks again, as DNS
// answers change), and no other webhook may have the same URL.
async function checkWebhookAddress(target: { url: string; allowPrivate: boolean; active: boolean }) {
  if (!target.active) return;
  try {
    await resolveOutboundAddresses(new URL(target.url).hostname, target.allowPrivate);
  } catch (error) {
    if (!(error instanceof OutboundAddressError)) throw error;
    const message = error.message.replace(/; an admin must allow private addresses for this webhook\.$/, "");
    refuse(message === error.message ? error.message : `${message}. Tick “allow private addresses” for a receiver on your own network.`);
  }
}

async function checkNoOtherWebhookHas(tx: Prisma.TransactionClient, url: string, exceptId?: string) {
  const normalized = normalizeWebhookUrl(url);
  const others = await tx.webhook.findMany({ where: exceptId ? { id: { not: exceptId } } : {}, select: { url: true } });
  if (others.some((other) => normalizeWebhookUrl(other.url) === normalized)) {
    refuse("Another webhook already sends to this URL; change that one's events instead.");
  }
}

export async function createWebhook(actor: Actor, input: unknown) {
  const parsed = createWebhookSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("Some fields need attention.", fieldErrorsOf(parsed.error));
  await checkWebhookAddress({ ...parsed.data, active: true });
  const secret = newSecret();
  const webhook = await db.$transaction(async (tx) => {
    await checkNoOtherWebhookHas(tx, parsed.data.url);
    const created = await tx.webhook.create({
      data: { url: parsed.data.url, events: parsed.data.events, allowPrivate: parsed.data.allowPrivate, secretEncrypted: encryptSecret(secret), createdById: actor.kind === "user" ? actor.id : null },
    });
    await recordAuditEvent(tx, actor, { action: "webhook.created", targetType: "webhook", targetId: created.id, after: view(created) });
    return created;
  });
  return { webhook, secret };
}

export async function updateWebhook(actor: Actor, input: unknown) {
  const parsed = updateWebhookSchema.safeParse(input);
  if (!parsed.success) throw new ValidationError("Some fields need attention.", fieldErrorsOf(parsed.error));
  const { webhookId, ...changes } = parsed.data;
  await checkWebhookAddress(changes);
  return db.$transaction(async (tx) => {
    const before = await tx.webhook.findUnique({ where: { id: webhookId } });
    if (!before) throw new NotFoundError("No webhook has this id.");
    await checkNoOtherWebhookHas(tx, changes.url, webhookId);
    const after = await tx.webhook.update({ where: { id: webhookId }, data: changes });
    await recordAuditEvent(tx, actor, { action: "webhook.updated", targetType: "webhook", targetId: webhookId, before: view(before), after: view(after) });
    return after;
  });
}

export async function rotateWebhookSecret(actor: Actor, webhookId: string) {
  const secret = newSecret();
  await db.$transaction(async (tx) => {
    const found = await tx.webhook.findUnique({ where: { id: webhookId }, select: { id: true } });
    if (!found) throw new NotFoundError("No webhook has this id.");
    await tx.webhook.update({ where: { id: webhookId }, data: { secretEncrypted: encryptSecret(secret) } });
    await recordAuditEvent(tx, actor, { action: "webhook.secret_rotated", targetType: "webhook", targetId: webhookId });
  });
  return { secret };
}

export async function deleteWebhook(actor: Actor, webhookId: string) {
  await db.$transaction(async (tx) => {
    const before = await tx.webhook.findUnique({ where: { id: webhookId } });
    if (!before) throw new NotFoundError("No webhook has this id.");
    await tx.webhook.delete({ where: { id: webhookId } });
    await recordAuditEvent(tx, actor, { action: "webhook.deleted", targetType: "webhook", targetId: webhookId, before: view(before) });
  });
}

/** Sends a delivery's payload again as a new delivery (same event id, so receivers can dedupe). */
export async function redeliverWebhook(actor: Actor, deliveryId: string) {
  return db.$transaction(async (tx) => {
    const original = await tx.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { webhook: { select: { active: true } } } });
    if (!original) throw new NotFoundError("No delivery has this id.");
    if (!original.webhook.active) throw new ValidationError("The webhook is disabled; enable it first.");
    const copy = await tx.webhookDelivery.create({ data: { webhookId: original.webhookId, event: original.event, payload: original.payload as Prisma.InputJsonValue } });
    await enqueueJob(tx, JOB_QUEUES["webhook-delivery"], { deliveryId: copy.id });
    await recordAuditEvent(tx, actor, { action: "webhook.redelivered", targetType: "webhook", targetId: original.webhookId, after: { from: original.id, delivery: copy.id, event: original.event } });
    return copy;
  });
}

export async function listWebhooks() {
  return db.webhook.findMany({ orderBy: { createdAt: "asc" } });
}

export interface WebhookHealth {
  /** The delivery attempted last: when, how it ended, the receiver's HTTP status. */
  last: { at: Date; status: string; responseStatus: number | null; error: string | null } | null;
  /** Deliveries attempted since the last one delivered (all of them when none was), newest first. */
  failuresInARow: number;
}

/** How each webhook's deliveries go: the latest attempt and the failures since the last success. */
export async function describeWebhookHealth(webhookId: string): Promise<WebhookHealth> {
  const attempted = { webhookId, lastAttemptAt: { not: null } };
  const [last, lastDelivered] = await Promise.all([
    db.webhookDelivery.findFirst({ where: attempted, orderBy: [{ lastAttemptAt: "desc" }, { id: "desc" }] }),
    db.webhookDelivery.findFirst({ where: { ...attempted, status: "delivered" }, orderBy: { lastAttemptAt: "desc" }, select: { lastAttemptAt: true } }),
  ]);
  const failuresInARow = await db.webhookDelivery.count({
    where: { ...attempted, status: { not: "delivered" }, ...(lastDelivered?.lastAttemptAt ? { lastAttemptAt: { gt: lastDelivered.lastAttemptAt } } : {}) },
  });
  return {
    last: last ? { at: last.lastAttemptAt!, status: last.status, responseStatus: last.responseStatus, error: last.lastError } : null,
    failuresInARow,
  };
}

export async function listDeliveries(webhookId: string, take = 50) {
  return db.webhookDelivery.findMany({ where: { webhookId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take });
}
