"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/webhook-events";
import { deleteWebhookAction, rotateSecretAction, updateWebhookAction } from "../actions";

// Events, on/off and private addresses of one webhook; rotate its secret; delete it.
export function WebhookControls({ webhook }: { webhook: { id: string; url: string; events: string[]; active: boolean; allowPrivate: boolean } }) {
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function save(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const input = { webhookId: webhook.id, url: webhook.url, events: data.getAll("events").map(String), active: data.get("active") === "on", allowPrivate: data.get("allowPrivate") === "on" };
    startTransition(async () => {
      const result = await updateWebhookAction(input);
      setMessage(result.ok ? { ok: true, text: "Saved." } : { ok: false, text: Object.values(result.fieldErrors ?? {}).flat().join(" ") || result.error });
    });
  }

  return (
    <form onSubmit={save} className="flex flex-wrap items-center gap-3 text-sm" aria-label={`Settings of ${webhook.url}`}>
      {WEBHOOK_EVENTS.map((e) => (
        <label key={e} className="flex items-center gap-1">
          <input type="checkbox" name="events" value={e} defaultChecked={webhook.events.includes(e)} /> <code className="text-xs">{e}</code>
        </label>
      ))}
      <label className="flex items-center gap-1">
        <input type="checkbox" name="active" defaultChecked={webhook.active} /> active
      </label>
      <label className="flex items-center gap-1">
        <input type="checkbox" name="allowPrivate" defaultChecked={webhook.allowPrivate} /> allow private addresses
      </label>
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        Save
      </Button>
      <Button
        size="sm"
        variant="ghost"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await rotateSecretAction({ webhookId: webhook.id });
            if (result.ok) setSecret(result.data.secret);
            else setMessage({ ok: false, text: result.error });
          })
        }
      >
        Rotate secret
      </Button>
      <Button
        size="sm"
        variant="ghost"
        disabled={pending}
        onClick={() => {
          if (!window.confirm(`Delete the webhook to ${webhook.url} and its delivery log?`)) return;
          startTransition(async () => {
            const result = await deleteWebhookAction({ webhookId: webhook.id });
            if (!result.ok) setMessage({ ok: false, text: result.error });
          });
        }}
      >
        Delete
      </Button>
      {secret ? (
        <span role="status" className="w-full break-all rounded bg-amber-50 p-2 font-mono text-xs dark:bg-amber-950">
          New secret (shown once): {secret}
        </span>
      ) : null}
      {message ? (
        <span role={message.ok ? "status" : "alert"} className={message.ok ? "text-emerald-700" : "text-red-700"}>
          {message.text}
        </span>
      ) : null}
    </form>
  );
}
