"use client";

import { useId } from "react";
import { FormError, SubmitButton, useServerAction } from "@/components/ui/action-form";
import { FieldError, fieldErrorProps, inputClass } from "@/components/ui/field";
import { formText } from "@/lib/validation/form-text";
import { reopenCaseAction } from "../actions";

// Admins only: reopen a decided case, with a reason that goes into the audit trail.
export function ReopenForm({ caseId, version }: { caseId: string; version: number }) {
  const errorId = useId();
  const { pending, fieldErrors, formError, onSubmit } = useServerAction(reopenCaseAction, {
    fields: ["reason"],
    fromForm: (data) => ({ caseId, version, reason: formText(data, "reason") }),
  });
  return (
    <form className="flex flex-col gap-2" aria-label="Reopen case" onSubmit={onSubmit} noValidate>
      <label className="flex flex-col gap-1 text-sm">
        Reason to reopen (admins)
        <input name="reason" maxLength={2000} className={inputClass} {...fieldErrorProps(errorId, fieldErrors.reason)} />
      </label>
      <FieldError id={errorId} error={fieldErrors.reason} />
      <SubmitButton variant="secondary" pending={pending}>
        Reopen case
      </SubmitButton>
      <FormError error={formError} />
    </form>
  );
}
