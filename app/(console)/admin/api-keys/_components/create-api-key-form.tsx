"use client";

import { useState } from "react";
import { FormError, SubmitButton, useServerAction } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { ROLE_DESCRIPTIONS, ROLES } from "@/lib/users/role-list";
import { createApiKeyAction } from "../actions";
import { OneTimeApiKey } from "./one-time-api-key";

export function CreateApiKeyForm() {
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const { pending, fieldErrors, formError, onSubmit } = useServerAction(createApiKeyAction, {
    fields: ["name", "role"],
    onSuccess: (data, form) => {
      setCreated(data);
      form?.reset();
    },
  });

  return (
    <section aria-labelledby="create-api-key" className="max-w-xl rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="create-api-key" className="mb-4 font-medium">
        Create an API key
      </h2>
      {created ? (
        <OneTimeApiKey name={created.name} apiKey={created.key} onDone={() => setCreated(null)} />
      ) : (
        <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
          <Field label="Name" error={fieldErrors.name} hint="Who uses it, e.g. onboarding-backend">
            {(p) => <input {...p} name="name" required maxLength={100} className={inputClass} />}
          </Field>
          <Field label="Role" error={fieldErrors.role}>
            {(p) => (
              <select {...p} name="role" defaultValue="operator" className={inputClass}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r} — {ROLE_DESCRIPTIONS[r]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="flex items-end">
            <SubmitButton pending={pending} pendingLabel="Creating…">
              Create key
            </SubmitButton>
          </div>
          <FormError error={formError} className="sm:col-span-2" />
          <p className="text-xs text-zinc-500 sm:col-span-2">
            The key is shown once. Requests send it as <code>Authorization: Bearer vdk_…</code> and act with the key&apos;s role.
          </p>
        </form>
      )}
    </section>
  );
}
