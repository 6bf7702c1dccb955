"use client";

import { useState, useTransition } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import type { VendorId } from "@/lib/vendors/types";
import { testConnectionAction, updateVendorConfigAction } from "../actions";
import { formText } from "@/lib/validation/form-text";

interface Config {
  enabled: boolean;
  baseUrl: string;
  timeoutMs: number;
  maxRetries: number;
  concurrency: number;
  ratePerSecond: number | null;
  credentialsMasked: Record<string, string>;
}

type Message = { tone: "ok" | "error"; text: string } | null;

export function VendorConfigForm({ vendor, credentialFields, config, builtIn = false }: { vendor: VendorId; credentialFields: string[]; config: Config; builtIn?: boolean }) {
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<Message>(null);

  function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const credentials = Object.fromEntries(credentialFields.map((f) => [f, formText(form, `credentials.${f}`)]));
    startTransition(async () => {
      const result = await updateVendorConfigAction({
        vendor,
        enabled: form.get("enabled") === "on",
        baseUrl: form.get("baseUrl"),
        timeoutMs: form.get("timeoutMs"),
        maxRetries: form.get("maxRetries"),
        concurrency: form.get("concurrency"),
        ratePerSecond: form.get("ratePerSecond"),
        credentials,
      });
      setFieldErrors(result.ok ? {} : (result.fieldErrors ?? {}));
      setMessage(result.ok ? { tone: "ok", text: "Saved." } : { tone: "error", text: result.error });
      if (result.ok) event.currentTarget?.reset();
    });
  }

  function onTest() {
    startTransition(async () => {
      const result = await testConnectionAction({ vendor });
      if (!result.ok) setMessage({ tone: "error", text: result.error });
      else setMessage({ tone: result.data.ok ? "ok" : "error", text: result.data.message });
    });
  }

  return (
    <form onSubmit={onSubmit} className="mt-4 grid gap-4 md:grid-cols-3" noValidate aria-label={`${vendor} connection`}>
      <label className="flex items-center gap-2 text-sm md:col-span-3">
        <input type="checkbox" name="enabled" defaultChecked={config.enabled} className="size-4" />
        Enabled {config.enabled ? <Badge tone="success">on</Badge> : <Badge>off</Badge>}
      </label>
      {builtIn ? (
        <p className="text-sm text-zinc-600 md:col-span-3 dark:text-zinc-400">
          Runs inside Verdict&apos;s job workers with models shipped in its npm packages: no network, no credentials, no contract.
          <input type="hidden" name="baseUrl" value={config.baseUrl} />
        </p>
      ) : (
        <div className="md:col-span-3">
          <Field label="Base URL" error={fieldErrors.baseUrl}>
            {(p) => <input {...p} name="baseUrl" defaultValue={config.baseUrl} className={inputClass} />}
          </Field>
        </div>
      )}
      {credentialFields.map((f) => (
        <Field key={f} label={`Credential: ${f}`} error={fieldErrors[`credentials.${f}`] ?? fieldErrors.credentials} hint={config.credentialsMasked[f] ? `Stored: ${config.credentialsMasked[f]} — leave empty to keep` : "Not set"}>
          {(p) => <input {...p} name={`credentials.${f}`} type="password" autoComplete="off" className={inputClass} />}
        </Field>
      ))}
      <Field label="Timeout (ms)" error={fieldErrors.timeoutMs}>
        {(p) => <input {...p} name="timeoutMs" type="number" defaultValue={config.timeoutMs} className={inputClass} />}
      </Field>
      <Field label="Retries on network errors and 5xx" error={fieldErrors.maxRetries}>
        {(p) => <input {...p} name="maxRetries" type="number" defaultValue={config.maxRetries} className={inputClass} />}
      </Field>
      <Field label="Concurrent calls" error={fieldErrors.concurrency} hint="Per worker process; running workers apply a change within 30 s">
        {(p) => <input {...p} name="concurrency" type="number" defaultValue={config.concurrency} className={inputClass} />}
      </Field>
      <Field label="Rate limit (calls per second)" error={fieldErrors.ratePerSecond} hint="Empty: no limit">
        {(p) => <input {...p} name="ratePerSecond" type="number" step="0.1" defaultValue={config.ratePerSecond ?? ""} className={inputClass} />}
      </Field>
      <div className="flex items-center gap-2 md:col-span-3">
        <Button type="submit" disabled={pending}>
          Save connection
        </Button>
        <Button variant="secondary" onClick={onTest} disabled={pending}>
          Test connection
        </Button>
        {message ? (
          <p role={message.tone === "error" ? "alert" : "status"} className={message.tone === "error" ? "text-sm text-red-700 dark:text-red-400" : "text-sm text-emerald-700 dark:text-emerald-400"}>
            {message.text}
          </p>
        ) : null}
      </div>
    </form>
  );
}
