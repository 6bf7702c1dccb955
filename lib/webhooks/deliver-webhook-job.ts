import { decryptSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import type { JobContext } from "@/lib/jobs/handlers";
import { RetryableJobError } from "@/lib/jobs/job-errors";
import { OutboundAddressError } from "@/lib/webhooks/outbound-address";
import { postWebhook, type PostResult } from "@/lib/webhooks/post-webhook";
import { SIGNATURE_HEADER, signWebhookBody } from "@/lib/webhooks/sign-webhook";

// The `webhook-delivery` job: POSTs one delivery's payload, signed, and logs the answer. 2xx is
// delivered; a network error, timeout, 408, 429 or 5xx is retried by the queue with backoff until
// its retries run out; any other answer (and a refused address) is final.
// Idempotent: a delivered or failed delivery is left alone, and each attempt's write is
// conditional on the delivery still being open.

function isRetryableStatus(status: number) {
  return status === 408 || status === 429 || status >= 500;
}

export async function deliverWebhookJob(payload: { deliveryId: string }, job: Pick<JobContext, "attempt" | "isLastAttempt" | "signal">): Promise<void> {
  const delivery = await db.webhookDelivery.findUnique({
    where: { id: payload.deliveryId },
    include: { webhook: { omit: { secretEncrypted: false } } },
  });
  if (!delivery || delivery.status === "delivered" || delivery.status === "failed") return;
  const hook = delivery.webhook;
  const open = { id: delivery.id, status: { in: ["pending", "retrying"] } };

  const body = JSON.stringify(delivery.payload);
  let result: PostResult | null = null;
  let error: string | null = null;
  let final = false;
  if (!hook.active) {
    error = "The webhook was disabled; not sent.";
    final = true;
  } else {
    try {
      const signature = signWebhookBody(decryptSecret(hook.secretEncrypted), body);
      result = await postWebhook(hook.url, body, { [SIGNATURE_HEADER]: signature, "Verdict-Event": delivery.event, "Verdict-Delivery": delivery.id }, { allowPrivate: hook.allowPrivate, signal: job.signal });
    } catch (caught) {
      error = caught instanceof Error ? caught.message : String(caught);
      // An address we refuse stays refused: no point retrying.
      final = caught instanceof OutboundAddressError || (caught instanceof Error && caught.cause instanceof OutboundAddressError);
    }
  }

  const now = new Date();
  const delivered = result !== null && result.status >= 200 && result.status < 300;
  const retry = !delivered && !final && (result === null || isRetryableStatus(result.status)) && !job.isLastAttempt;
  const status = delivered ? "delivered" : retry ? "retrying" : "failed";
  const written = await db.webhookDelivery.updateMany({
    where: open,
    data: {
      status,
      attempts: { increment: 1 },
      responseStatus: result?.status ?? null,
      responseBody: result?.body ?? null,
      lastError: delivered ? null : (error ?? (result ? `HTTP ${result.status}` : null)),
      lastAttemptAt: now,
      deliveredAt: delivered ? now : null,
    },
  });
  if (written.count === 0) return;
  if (retry) throw new RetryableJobError(`webhook ${hook.id} delivery ${delivery.id}: ${error ?? `HTTP ${result?.status}`}`);
}
