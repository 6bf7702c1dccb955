"use client";

import { useId, useState } from "react";
import { FormError, SubmitButton, useServerAction } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, FieldError, inputClass } from "@/components/ui/field";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from "@/lib/webhooks/webhook-events";
import { createWebhookAction } from "../actions";
import { formText } from "@/lib/validation/form-text";

// A new webhook; its signing secret is shown once.
export function CreateWebhookForm() {
  const [secret, setSecret] = useState<string | null>(null);
  const eventsErrorId = useId();
  const { pending, fieldErrors: errors, formError, onSubmit } = useServerAction(createWebhookAction, {
    fields: ["url", "events"],
    fromForm: (data) => ({ url: formText(data, "url"), events: data.getAll("events").map(String), allowPrivate: data.get("allowPrivate") === "on" }),
    onSuccess: (data, form) => {
      setSecret(data.secret);
      form?.reset();
    },
  });

  return (
    <section aria-labelledby="new-webhook" className="rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="new-webhook" className="mb-4 font-medium">
        Add a webhook
      </h2>
      {secret ? (
        <div role="status" className="mb-4 flex flex-col gap-2 rounded-md bg-amber-50 p-3 text-sm dark:bg-amber-950">
          <p>Signing secret (shown once; store it with your receiver):</p>
          <code data-testid="webhook-secret" className="break-all font-mono">
            {secret}
          </code>
          <Button size="sm" variant="secondary" onClick={() => setSecret(null)}>
            I stored it
          </Button>
        </div>
      ) : null}
      <form onSubmit={onSubmit} className="flex flex-col gap-4" noValidate>
        <Field label="URL" error={errors.url}>
          {(p) => <input {...p} name="url" type="url" placeholder="https://example.com/verdict-webhook" className={inputClass} />}
        </Field>
        <fieldset className="flex flex-col gap-1 text-sm" aria-describedby={errors.events ? eventsErrorId : undefined}>
          <legend className="mb-1 font-medium">Events</legend>
          {WEBHOOK_EVENTS.map((e) => (
            <label key={e} className="flex items-center gap-2">
              <input type="checkbox" name="events" value={e} defaultChecked />
              <code>{e}</code> <span className="text-zinc-500">{WEBHOOK_EVENT_LABELS[e]}</span>
            </label>
          ))}
          <FieldError id={eventsErrorId} error={errors.events} />
        </fieldset>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="allowPrivate" /> Allow private and loopback addresses (internal receivers only)
        </label>
        <div>
          <SubmitButton pending={pending} pendingLabel="Adding…">
            Add webhook
          </SubmitButton>
        </div>
        <FormError error={formError} />
      </form>
    </section>
  );
}
