"use server";

import { revalidatePath } from "next/cache";
import { authedAction } from "@/lib/actions/safe-action";
import {
  createWebhook,
  createWebhookSchema,
  deleteWebhook,
  deliveryRefSchema,
  redeliverWebhook,
  rotateWebhookSecret,
  updateWebhook,
  updateWebhookSchema,
  webhookRefSchema,
} from "@/lib/webhooks/manage-webhooks";

const ADMIN = ["admin"] as const;

export const createWebhookAction = authedAction({ roles: ADMIN, schema: createWebhookSchema }, async (input, { actor }) => {
  const { webhook, secret } = await createWebhook(actor, input);
  revalidatePath("/admin/webhooks");
  return { id: webhook.id, secret };
});

export const updateWebhookAction = authedAction({ roles: ADMIN, schema: updateWebhookSchema }, async (input, { actor }) => {
  await updateWebhook(actor, input);
  revalidatePath("/admin/webhooks");
  return { saved: true };
});

export const rotateSecretAction = authedAction({ roles: ADMIN, schema: webhookRefSchema }, async (input, { actor }) => {
  const { secret } = await rotateWebhookSecret(actor, input.webhookId);
  return { secret };
});

export const deleteWebhookAction = authedAction({ roles: ADMIN, schema: webhookRefSchema }, async (input, { actor }) => {
  await deleteWebhook(actor, input.webhookId);
  revalidatePath("/admin/webhooks");
  return { deleted: true };
});

export const redeliverAction = authedAction({ roles: ADMIN, schema: deliveryRefSchema }, async (input, { actor }) => {
  const copy = await redeliverWebhook(actor, input.deliveryId);
  revalidatePath("/admin/webhooks");
  return { deliveryId: copy.id };
});
