import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/lib/verifications/verification-labels";
import { requirePageUser } from "@/lib/auth/current-user";
import { describeWebhookHealth, listDeliveries, listWebhooks, type WebhookHealth } from "@/lib/webhooks/manage-webhooks";
import { CreateWebhookForm } from "./_components/create-webhook-form";
import { RedeliverButton } from "./_components/redeliver-button";
import { WebhookControls } from "./_components/webhook-controls";

export const metadata: Metadata = { title: "Webhooks" };

const STATUS_TONES = { delivered: "success", failed: "danger", retrying: "warning", pending: "neutral" } as const;

// The webhook's health at a glance: how its last delivery went and how many failed since one worked.
function HealthLine({ health }: { health: WebhookHealth }) {
  if (!health.last) return <p className="text-sm text-zinc-500" data-testid="webhook-health">Health: no delivery attempted yet.</p>;
  const { last, failuresInARow } = health;
  const answer = last.responseStatus ? `HTTP ${last.responseStatus}` : (last.error ?? "no answer").slice(0, 160);
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="webhook-health">
      <span className="font-medium">Health:</span>
      {failuresInARow === 0 ? (
        <Badge tone="success">healthy</Badge>
      ) : (
        <Badge tone="danger">
          {failuresInARow} failure{failuresInARow > 1 ? "s" : ""} in a row
        </Badge>
      )}
      <span className="text-zinc-600 dark:text-zinc-400">
        last delivery <time dateTime={last.at.toISOString()} className="font-mono text-xs">{formatDateTime(last.at)}</time>: {last.status} ({answer})
      </span>
    </p>
  );
}

export default async function WebhooksPage() {
  await requirePageUser(["admin"]);
  const hooks = await listWebhooks();
  const [deliveries, health] = await Promise.all([Promise.all(hooks.map((h) => listDeliveries(h.id, 20))), Promise.all(hooks.map((h) => describeWebhookHealth(h.id)))]);
  return (
    <>
      <PageHeader
        title="Webhooks"
        description="Signed JSON POSTs to your backend when a case opens or is decided, or a verification finishes. Verdict-Signature: t=<unix>,v1=<hex HMAC-SHA256 of “<t>.<body>”>; failed deliveries are retried with backoff."
      />
      <div className="flex max-w-5xl flex-col gap-8">
        {hooks.length === 0 ? <p className="text-sm text-zinc-500">No webhook yet.</p> : null}
        {hooks.map((hook, i) => (
          <section key={hook.id} aria-label={`Webhook ${hook.url}`} data-webhook-id={hook.id} className="flex flex-col gap-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
            <div className="flex flex-wrap items-center gap-2">
              <h2 className="font-mono text-sm">{hook.url}</h2>
              {hook.active ? <Badge tone="success">active</Badge> : <Badge>disabled</Badge>}
              {hook.allowPrivate ? <Badge tone="warning">private addresses allowed</Badge> : null}
            </div>
            <HealthLine health={health[i]} />
            <WebhookControls webhook={{ id: hook.id, url: hook.url, events: hook.events, active: hook.active, allowPrivate: hook.allowPrivate }} />
            <h3 className="text-sm font-medium">Recent deliveries</h3>
            {deliveries[i].length === 0 ? <p className="text-sm text-zinc-500">None yet.</p> : null}
            {deliveries[i].length ? (
              <div className="overflow-x-auto">
                <table className="w-full text-left text-xs" data-testid="webhook-deliveries">
                  <caption className="sr-only">Deliveries of {hook.url}</caption>
                  <thead className="text-zinc-500">
                    <tr>
                      <th scope="col" className="py-1 pr-3">Created</th>
                      <th scope="col" className="py-1 pr-3">Event</th>
                      <th scope="col" className="py-1 pr-3">Status</th>
                      <th scope="col" className="py-1 pr-3">Attempts</th>
                      <th scope="col" className="py-1 pr-3">Response</th>
                      <th scope="col" className="py-1 pr-3">Last error</th>
                      <th scope="col" className="py-1"><span className="sr-only">Actions</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    {deliveries[i].map((d) => (
                      <tr key={d.id} data-delivery-id={d.id} className="border-t border-zinc-100 dark:border-zinc-800">
                        <td className="py-1 pr-3 font-mono">{formatDateTime(d.createdAt)}</td>
                        <td className="py-1 pr-3 font-mono">{d.event}</td>
                        <td className="py-1 pr-3">
                          <Badge tone={STATUS_TONES[d.status as keyof typeof STATUS_TONES] ?? "neutral"}>{d.status}</Badge>
                        </td>
                        <td className="py-1 pr-3 tabular-nums">{d.attempts}</td>
                        <td className="py-1 pr-3 font-mono" title={d.responseBody ?? undefined}>
                          {d.responseStatus ?? "—"}
                        </td>
                        <td className="max-w-64 truncate py-1 pr-3" title={d.lastError ?? undefined}>
                          {d.lastError ?? ""}
                        </td>
                        <td className="py-1">
                          <RedeliverButton deliveryId={d.id} />
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : null}
          </section>
        ))}
        <CreateWebhookForm />
      </div>
    </>
  );
}
