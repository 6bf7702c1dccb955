"use client";

import { useRouter } from "next/navigation";
import { FormError, SubmitButton, useServerAction } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { CHECK_TYPE_LABELS } from "@/lib/verifications/verification-labels";
import { checkTypes } from "@/lib/vendors/types";
import { createTestSetAction } from "../actions";

export function CreateTestSetForm() {
  const router = useRouter();
  const { pending, fieldErrors, formError, onSubmit } = useServerAction(createTestSetAction, {
    fields: ["name", "checkType", "description"],
    onSuccess: (data) => router.push(`/test-sets/${data.id}`),
  });

  return (
    <section aria-labelledby="create-test-set" className="max-w-2xl rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="create-test-set" className="mb-4 font-medium">
        New test set
      </h2>
      <form onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" noValidate>
        <Field label="Name" error={fieldErrors.name}>
          {(p) => <input {...p} name="name" required maxLength={120} className={inputClass} />}
        </Field>
        <Field label="Check type" error={fieldErrors.checkType}>
          {(p) => (
            <select {...p} name="checkType" defaultValue="liveness_selfie" className={inputClass}>
              {checkTypes.map((t) => (
                <option key={t} value={t}>
                  {CHECK_TYPE_LABELS[t].title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="sm:col-span-2">
          <Field label="Description (optional)" error={fieldErrors.description}>
            {(p) => <input {...p} name="description" maxLength={2000} className={inputClass} />}
          </Field>
        </div>
        <div>
          <SubmitButton pending={pending} pendingLabel="Creating…">
            Create test set
          </SubmitButton>
        </div>
        <FormError error={formError} className="sm:col-span-2" />
      </form>
    </section>
  );
}
