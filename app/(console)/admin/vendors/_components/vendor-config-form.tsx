"use client";

import { useState } from "react";
import { FormError, SubmitButton, useServerAction } from "@/components/ui/action-form";
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

export function VendorConfigForm({ vendor, credentialFields, config, builtIn = false }: { vendor: VendorId; credentialFields: string[]; config: Config; builtIn?: boolean }) {
  const [last, setLast] = useState<"save" | "test">("save");
  const save = useServerAction(updateVendorConfigAction, {
    fields: ["baseUrl", "credentials", "timeoutMs", "maxRetries", "concurrency", "ratePerSecond"],
    fromForm: (form) => ({
      vendor,
      enabled: form.get("enabled") === "on",
      baseUrl: form.get("baseUrl"),
      timeoutMs: form.get("timeoutMs"),
      maxRetries: form.get("maxRetries"),
      concurrency: form.get("concurrency"),
      ratePerSecond: form.get("ratePerSecond"),
      credentials: Object.fromEntries(credentialFields.map((f) => [f, formText(form, `credentials.${f}`)])),
    }),
    onSuccess: (_data, form) => form?.reset(),
  });
  const test = useServerAction(testConnectionAction);
  const pending = save.pending || test.pending;
  const fieldErrors = save.fieldErrors;
  // One message line: the answer of the last button pressed (a refused connection test is an error).
  const tested = test.data;
  const shown =
    last === "save"
      ? { ok: save.data ? "Saved." : null, error: save.formError }
      : { ok: tested?.ok ? tested.message : null, error: test.formError ?? (tested && !tested.ok ? tested.message : null) };

  return (
    <form
      onSubmit={(event) => {
        setLast("save");
        save.onSubmit(event);
      }}
      className="mt-4 grid gap-4 md:grid-cols-3"
      noValidate
      aria-label={`${vendor} connection`}
    >
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
        <SubmitButton pending={pending}>
          Save connection
        </SubmitButton>
        <Button
          variant="secondary"
          onClick={() => {
            setLast("test");
            test.run({ vendor });
          }}
          disabled={pending}
        >
          Test connection
        </Button>
        {shown.ok ? (
          <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
            {shown.ok}
          </p>
        ) : null}
        <FormError error={shown.error} />
      </div>
    </form>
  );
}
