"use client";

import { useId } from "react";
import { FormError, SubmitButton, useServerAction } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FieldError } from "@/components/ui/field";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/webhook-events";
import { deleteWebhookAction, rotateSecretAction, updateWebhookAction } from "../actions";

// Events, on/off and private addresses of one webhook; rotate its secret; delete it.
export function WebhookControls({ webhook }: { webhook: { id: string; url: string; events: string[]; active: boolean; allowPrivate: boolean } }) {
  const eventsErrorId = useId();
  const save = useServerAction(updateWebhookAction, {
    fields: ["events"],
    fromForm: (data) => ({ webhookId: webhook.id, url: webhook.url, events: data.getAll("events").map(String), active: data.get("active") === "on", allowPrivate: data.get("allowPrivate") === "on" }),
  });
  const rotate = useServerAction(rotateSecretAction);
  const remove = useServerAction(deleteWebhookAction);
  const pending = save.pending || rotate.pending || remove.pending;

  return (
    <form onSubmit={save.onSubmit} className="flex flex-wrap items-center gap-3 text-sm" aria-label={`Settings of ${webhook.url}`} noValidate>
      <fieldset className="contents" aria-describedby={save.fieldErrors.events ? eventsErrorId : undefined}>
        <legend className="sr-only">Events</legend>
        {WEBHOOK_EVENTS.map((e) => (
          <label key={e} className="flex items-center gap-1">
            <input type="checkbox" name="events" value={e} defaultChecked={webhook.events.includes(e)} /> <code className="text-xs">{e}</code>
          </label>
        ))}
      </fieldset>
      <FieldError id={eventsErrorId} error={save.fieldErrors.events} />
      <label className="flex items-center gap-1">
        <input type="checkbox" name="active" defaultChecked={webhook.active} /> active
      </label>
      <label className="flex items-center gap-1">
        <input type="checkbox" name="allowPrivate" defaultChecked={webhook.allowPrivate} /> allow private addresses
      </label>
      <SubmitButton size="sm" variant="secondary" pending={pending}>
        Save
      </SubmitButton>
      <Button size="sm" variant="ghost" disabled={pending} onClick={() => rotate.run({ webhookId: webhook.id })}>
        Rotate secret
      </Button>
      <Button
        size="sm"
        variant="ghost"
        disabled={pending}
        onClick={() => {
          if (window.confirm(`Delete the webhook to ${webhook.url} and its delivery log?`)) remove.run({ webhookId: webhook.id });
        }}
      >
        Delete
      </Button>
      {rotate.data ? (
        <span role="status" className="w-full break-all rounded bg-amber-50 p-2 font-mono text-xs dark:bg-amber-950">
          New secret (shown once): {rotate.data.secret}
        </span>
      ) : null}
      {save.data ? (
        <span role="status" className="text-emerald-700">
          Saved.
        </span>
      ) : null}
      <FormError error={save.formError ?? rotate.formError ?? remove.formError} className="text-sm" />
    </form>
  );
}
