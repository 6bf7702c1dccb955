"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { WEBHOOK_EVENT_LABELS, WEBHOOK_EVENTS } from "@/lib/webhooks/webhook-events";
import { createWebhookAction } from "../actions";
import { formText } from "@/lib/validation/form-text";

// A new webhook; its signing secret is shown once.
export function CreateWebhookForm() {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = { url: formText(data, "url"), events: data.getAll("events").map(String), allowPrivate: data.get("allowPrivate") === "on" };
    startTransition(async () => {
      const result = await createWebhookAction(input);
      if (result.ok) {
        setSecret(result.data.secret);
        setErrors({});
        setError(null);
        form.reset();
      } else {
        setErrors(result.fieldErrors ?? {});
        setError(result.error);
      }
    });
  }

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
      <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
        <Field label="URL" error={errors.url}>
          {(p) => <input {...p} name="url" type="url" placeholder="https://example.com/verdict-webhook" className={inputClass} />}
        </Field>
        <fieldset className="flex flex-col gap-1 text-sm">
          <legend className="mb-1 font-medium">Events</legend>
          {WEBHOOK_EVENTS.map((e) => (
            <label key={e} className="flex items-center gap-2">
              <input type="checkbox" name="events" value={e} defaultChecked />
              <code>{e}</code> <span className="text-zinc-500">{WEBHOOK_EVENT_LABELS[e]}</span>
            </label>
          ))}
          {errors.events ? <span className="text-xs text-red-700">{errors.events.join(" ")}</span> : null}
        </fieldset>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" name="allowPrivate" /> Allow private and loopback addresses (internal receivers only)
        </label>
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? "Adding…" : "Add webhook"}
          </Button>
        </div>
        {error && !Object.keys(errors).length ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </form>
    </section>
  );
}
