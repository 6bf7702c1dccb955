"use client";

import { useState } from "react";
import { FormError, SubmitButton, useServerAction } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { ROLES } from "@/lib/users/role-list";
import { createUserAction } from "../actions";
import { OneTimePassword } from "./one-time-password";

export function CreateUserForm() {
  const [created, setCreated] = useState<{ email: string; password: string } | null>(null);
  const { pending, fieldErrors, formError, onSubmit } = useServerAction(createUserAction, {
    fields: ["email", "name", "role"],
    onSuccess: (data, form) => {
      setCreated(data);
      form?.reset();
    },
  });

  return (
    <section aria-labelledby="create-user" className="max-w-xl rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="create-user" className="mb-4 font-medium">
        Add a user
      </h2>
      {created ? (
        <OneTimePassword {...created} onDone={() => setCreated(null)} />
      ) : (
        <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
          <Field label="Email" error={fieldErrors.email}>
            {(p) => <input {...p} name="email" type="email" required maxLength={254} className={inputClass} />}
          </Field>
          <Field label="Name (optional)" error={fieldErrors.name}>
            {(p) => <input {...p} name="name" maxLength={100} className={inputClass} />}
          </Field>
          <Field label="Role" error={fieldErrors.role}>
            {(p) => (
              <select {...p} name="role" defaultValue="viewer" className={inputClass}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {r}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <div className="flex items-end">
            <SubmitButton pending={pending} pendingLabel="Adding…">
              Add user
            </SubmitButton>
          </div>
          <FormError error={formError} className="sm:col-span-2" />
          <p className="text-xs text-zinc-500 sm:col-span-2">
            Verdict generates a password and shows it once. Users who sign in with single sign-on use the same email.
          </p>
        </form>
      )}
    </section>
  );
}
