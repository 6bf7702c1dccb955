"use client";

import { useState } from "react";
import { FormError, SubmitButton, useServerAction } from "@/components/ui/action-form";
import { Field, inputClass } from "@/components/ui/field";
import { formatBytes } from "@/lib/verifications/verification-labels";
import type { EraseResult } from "@/lib/data-protection/erase-subject";
import { eraseSubjectAction } from "../actions";

export function EraseSubjectForm({ reference }: { reference: string }) {
  const [result, setResult] = useState<EraseResult | null>(null);
  const { pending, fieldErrors, formError, onSubmit } = useServerAction(eraseSubjectAction, {
    fields: ["reason", "confirmation"],
    onSuccess: (data, form) => {
      setResult(data);
      form?.reset();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-2xl gap-3 sm:grid-cols-2" aria-label="Erase this subject">
      <input type="hidden" name="reference" value={reference} />
      <Field label="Reason" error={fieldErrors.reason} hint="e.g. erasure request received 2026-11-20, ticket 4411">
        {(p) => <input {...p} name="reason" maxLength={1000} className={inputClass} />}
      </Field>
      <Field label={`Type the reference (${reference}) to confirm`} error={fieldErrors.confirmation}>
        {(p) => <input {...p} name="confirmation" autoComplete="off" className={inputClass} />}
      </Field>
      <div className="sm:col-span-2">
        <SubmitButton variant="danger" pending={pending} pendingLabel="Erasing…">
          Erase all media and personal fields
        </SubmitButton>
      </div>
      <FormError error={formError} className="sm:col-span-2" />
      {result ? (
        <div role="status" className="rounded-md border border-zinc-200 bg-zinc-50 p-3 text-sm sm:col-span-2 dark:border-zinc-800 dark:bg-zinc-900">
          <p>
            {result.erased > 0
              ? `Erased ${result.erased} verification${result.erased === 1 ? "" : "s"}: ${result.media} media, ${formatBytes(result.bytes)} destroyed.`
              : "Nothing left to erase: every verification of this reference was already erased."}
            {result.alreadyErased ? ` ${result.alreadyErased} already erased before.` : ""}
          </p>
          {result.held.length ? (
            <p className="mt-1 text-amber-800 dark:text-amber-300">
              {result.held.length} verification{result.held.length === 1 ? " is" : "s are"} under legal hold and {result.held.length === 1 ? "was" : "were"} not erased. Release the hold, then erase again.
            </p>
          ) : null}
        </div>
      ) : null}
    </form>
  );
}
