import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { db, disconnectDb } from "@/lib/db";
import { stopBoss } from "@/lib/jobs/boss";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { RetryableJobError } from "@/lib/jobs/job-errors";
import { defineQueue } from "@/lib/jobs/queues";
import { startWorker } from "@/lib/jobs/worker";
import { deliverWebhookJob } from "@/lib/webhooks/deliver-webhook-job";
import { emitWebhookEvent } from "@/lib/webhooks/emit-webhook-event";
import { ValidationError } from "@/lib/errors";
import { createWebhook, describeWebhookHealth, redeliverWebhook, updateWebhook } from "@/lib/webhooks/manage-webhooks";
import { verifyWebhookSignature } from "@/lib/webhooks/sign-webhook";

// Webhooks against a real receiver on 127.0.0.1: signatures, retries with the real job queue, the
// delivery log, redelivery, and the refusal of loopback addresses when private ones are not allowed.

const system = { kind: "system", label: "webhook-test" } as const;
const tag = randomUUID().slice(0, 8);

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}
let server: Server;
let baseUrl: string;
const received: Received[] = [];
// Status codes to answer with, in order; then 200.
let script: number[] = [];
const created: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      received.push({ headers: req.headers, body });
      res.writeHead(script.shift() ?? 200, { "content-type": "text/plain" }).end("thanks");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  // Leave no active webhook behind for other test files' events.
  await db.webhook.updateMany({ where: { id: { in: created } }, data: { active: false } });
  await new Promise((resolve) => server.close(resolve));
  await stopBoss();
  await disconnectDb();
});

async function hook(path: string, allowPrivate: boolean) {
  const { webhook, secret } = await createWebhook(system, { url: `${baseUrl}${path}`, events: [`case.decided`], allowPrivate });
  created.push(webhook.id);
  return { webhook, secret };
}

async function delivery(webhookId: string) {
  const d = await db.webhookDelivery.create({ data: { webhookId, event: "case.decided", payload: { id: randomUUID(), event: "case.decided", createdAt: new Date().toISOString(), data: { caseId: tag } } } });
  return d;
}

const context = (attempt: number, isLastAttempt = false) => ({ attempt, isLastAttempt, signal: new AbortController().signal });

describe("webhook delivery", () => {
  it("signs the exact body (HMAC-SHA256 with a timestamp) and logs the answer", async () => {
    const { webhook, secret } = await hook(`/signed-${tag}`, true);
    const d = await delivery(webhook.id);
    received.length = 0;
    await deliverWebhookJob({ deliveryId: d.id }, context(1));
    expect(received).toHaveLength(1);
    const [request] = received;
    expect(request.headers["verdict-event"]).toBe("case.decided");
    expect(request.headers["verdict-delivery"]).toBe(d.id);
    expect(verifyWebhookSignature(secret, String(request.headers["verdict-signature"]), request.body)).toEqual({ ok: true });
    expect(verifyWebhookSignature("wrong-secret", String(request.headers["verdict-signature"]), request.body).ok).toBe(false);
    expect(JSON.parse(request.body)).toMatchObject({ event: "case.decided", data: { caseId: tag } });
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ status: "delivered", attempts: 1, responseStatus: 200, responseBody: "thanks" });
    // Done is done: a repeated job sends nothing.
    await deliverWebhookJob({ deliveryId: d.id }, context(2));
    expect(received).toHaveLength(1);
  });

  it("a 5xx is retried; a 4xx other than 408/429 is final", async () => {
    const { webhook } = await hook(`/flaky-${tag}`, true);
    const d = await delivery(webhook.id);
    script = [500];
    await expect(deliverWebhookJob({ deliveryId: d.id }, context(1))).rejects.toBeInstanceOf(RetryableJobError);
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ status: "retrying", attempts: 1, responseStatus: 500, lastError: "HTTP 500" });
    await deliverWebhookJob({ deliveryId: d.id }, context(2));
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ status: "delivered", attempts: 2, responseStatus: 200, lastError: null });

    const gone = await delivery(webhook.id);
    script = [410];
    await deliverWebhookJob({ deliveryId: gone.id }, context(1));
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: gone.id } })).toMatchObject({ status: "failed", attempts: 1, responseStatus: 410 });
  });

  it("retries with the real job queue until the receiver answers 2xx", async () => {
    const { webhook } = await hook(`/queued-${tag}`, true);
    const queue = defineQueue(`webhook-delivery-test-${tag}`, z.object({ deliveryId: z.uuid() }), { retryLimit: 4, retryDelaySeconds: 1, retryBackoff: false, expireInSeconds: 30, concurrency: 1 });
    const d = await delivery(webhook.id);
    script = [503, 503];
    await db.$transaction((tx) => enqueueJob(tx, queue, { deliveryId: d.id }));
    const worker = await startWorker({ handlers: { [queue.name]: deliverWebhookJob }, queues: { [queue.name]: queue }, pollingIntervalSeconds: 0.5, log: () => {} });
    try {
      await expect.poll(async () => (await db.webhookDelivery.findUniqueOrThrow({ where: { id: d.id } })).status, { timeout: 20_000, interval: 200 }).toBe("delivered");
    } finally {
      await worker.stop();
    }
    expect(await db.webhookDelivery.findUniqueOrThrow({ where: { id: d.id } })).toMatchObject({ status: "delivered", attempts: 3, responseStatus: 200 });
  });

  it("refuses, at delivery too, a receiver whose address became private, and never sends to it", async () => {
    // Saved while private addresses were allowed; DNS answers and settings change after a save.
    const { webhook } = await hook(`/private-${tag}`, true);
    await db.webhook.update({ where: { id: webhook.id }, data: { allowPrivate: false } });
    const d = await delivery(webhook.id);
    received.length = 0;
    await deliverWebhookJob({ deliveryId: d.id }, context(1));
    expect(received).toHaveLength(0);
    const row = await db.webhookDelivery.findUniqueOrThrow({ where: { id: d.id } });
    expect(row).toMatchObject({ status: "failed", attempts: 1, responseStatus: null });
    expect(row.lastError).toMatch(/private or loopback address \(127\.0\.0\.1\)/);
  });

  it("an emitted event reaches the subscribed webhooks only; redelivery repeats the same event id", async () => {
    const { webhook } = await hook(`/emitted-${tag}`, true);
    const other = await createWebhook(system, { url: `${baseUrl}/other-${tag}`, events: ["case.opened"], allowPrivate: true });
    created.push(other.webhook.id);
    await db.$transaction((tx) => emitWebhookEvent(tx, "case.decided", { caseId: `emit-${tag}` }));
    const [first] = await db.webhookDelivery.findMany({ where: { webhookId: webhook.id } });
    expect(first).toMatchObject({ event: "case.decided", status: "pending" });
    expect(await db.webhookDelivery.count({ where: { webhookId: other.webhook.id } })).toBe(0);
    const copy = await redeliverWebhook(system, first.id);
    expect(copy.id).not.toBe(first.id);
    expect((copy.payload as { id: string }).id).toBe((first.payload as { id: string }).id);
    expect(await db.auditEvent.count({ where: { action: "webhook.redelivered", targetId: webhook.id } })).toBe(1);
  });
});

async function fieldErrorsOfCall(call: Promise<unknown>): Promise<Record<string, string[]>> {
  const error = await call.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors ?? {};
}

describe("saving a webhook", () => {
  it("refuses a loopback or private receiver unless private addresses are allowed, saving nothing", async () => {
    const before = await db.webhook.count();
    const errors = await fieldErrorsOfCall(createWebhook(system, { url: `${baseUrl}/refused-${tag}`, events: ["case.opened"], allowPrivate: false }));
    expect(errors.url?.join(" ")).toMatch(/127\.0\.0\.1 resolves to a private or loopback address \(127\.0\.0\.1\)\. Tick “allow private addresses”/);
    const tenNet = await fieldErrorsOfCall(createWebhook(system, { url: `http://10.1.2.3/refused-${tag}`, events: ["case.opened"], allowPrivate: false }));
    expect(tenNet.url?.join(" ")).toMatch(/private or loopback address \(10\.1\.2\.3\)/);
    expect(await db.webhook.count()).toBe(before);
  });

  it("refuses a host name that does not resolve", async () => {
    const errors = await fieldErrorsOfCall(createWebhook(system, { url: `https://no-such-host-${tag}.invalid/hook`, events: ["case.opened"], allowPrivate: false }));
    expect(errors.url?.join(" ")).toMatch(/could not be resolved/);
  });

  it("refuses a second webhook to the same URL, however it is spelled", async () => {
    const { webhook } = await hook(`/same-${tag}`, true);
    const spelledOtherwise = `${baseUrl.replace("http://", "HTTP://")}/same-${tag}`;
    const errors = await fieldErrorsOfCall(createWebhook(system, { url: spelledOtherwise, events: ["case.opened"], allowPrivate: true }));
    expect(errors.url).toEqual(["Another webhook already sends to this URL; change that one's events instead."]);
    expect(await db.webhook.count({ where: { url: { contains: `/same-${tag}` } } })).toBe(1);
    // Saving the webhook itself again is no duplicate.
    await updateWebhook(system, { webhookId: webhook.id, url: webhook.url, events: ["case.opened"], allowPrivate: true, active: true });
  });

  it("refuses to keep an active loopback receiver when private addresses are turned off, changing nothing", async () => {
    const { webhook } = await hook(`/turned-off-${tag}`, true);
    const errors = await fieldErrorsOfCall(updateWebhook(system, { webhookId: webhook.id, url: webhook.url, events: ["case.decided"], allowPrivate: false, active: true }));
    expect(errors.url?.join(" ")).toMatch(/private or loopback address/);
    expect(await db.webhook.findUniqueOrThrow({ where: { id: webhook.id } })).toMatchObject({ allowPrivate: true, active: true });
    // Disabled, it may stay as it is.
    await updateWebhook(system, { webhookId: webhook.id, url: webhook.url, events: ["case.decided"], allowPrivate: false, active: false });
  });
});

describe("webhook health", () => {
  it("gives the last delivery and the failures since the last success", async () => {
    const { webhook } = await hook(`/health-${tag}`, true);
    expect(await describeWebhookHealth(webhook.id)).toEqual({ last: null, failuresInARow: 0 });
    script = [];
    await deliverWebhookJob({ deliveryId: (await delivery(webhook.id)).id }, context(1));
    expect(await describeWebhookHealth(webhook.id)).toMatchObject({ last: { status: "delivered", responseStatus: 200 }, failuresInARow: 0 });
    script = [410, 503];
    await deliverWebhookJob({ deliveryId: (await delivery(webhook.id)).id }, context(1));
    await expect(deliverWebhookJob({ deliveryId: (await delivery(webhook.id)).id }, context(1))).rejects.toBeInstanceOf(RetryableJobError);
    expect(await describeWebhookHealth(webhook.id)).toMatchObject({ last: { status: "retrying", responseStatus: 503 }, failuresInARow: 2 });
    // A delivery that is still pending is no failure.
    await delivery(webhook.id);
    expect((await describeWebhookHealth(webhook.id)).failuresInARow).toBe(2);
  });
});
