"use client";

import { useId } from "react";
import { FormError, SubmitButton, useServerAction } from "@/components/ui/action-form";
import { FieldError, fieldErrorProps, inputClass } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/safe-action";
import { CHECK_TYPE_LABELS } from "@/lib/verifications/verification-labels";
import type { CheckType } from "@/lib/vendors/types";
import { createReasonAction, updateReasonAction } from "../actions";
import { formText } from "@/lib/validation/form-text";
import { cn } from "@/components/ui/cn";

const KINDS = ["approve", "reject", "escalate"] as const;
const CHECK_TYPES = Object.keys(CHECK_TYPE_LABELS) as CheckType[];

// One reason (edit its label, decisions and whether it is offered), or a new one when `reason` is null.
export function ReasonForm({ reason }: { reason: { code: string; label: string; kinds: string[]; checkTypes: string[]; active: boolean } | null }) {
  const id = useId();
  const action: (input: unknown) => Promise<ActionResult<unknown>> = reason ? updateReasonAction : createReasonAction;
  const { pending, data, fieldErrors: errors, formError, onSubmit } = useServerAction(action, {
    fields: ["code", "label", "kinds", "checkTypes"],
    fromForm: (values) => ({
      code: formText(values, "code"),
      label: formText(values, "label"),
      kinds: values.getAll("kinds").map(String),
      checkTypes: values.getAll("checkTypes").map(String),
      active: values.get("active") === "on",
    }),
    onSuccess: (_data, form) => {
      if (!reason) form?.reset();
    },
  });

  return (
    <form onSubmit={onSubmit} aria-label={reason ? `Reason ${reason.code}` : "New reason"} className="flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900" noValidate>
      <div className="flex flex-col gap-1">
        <label className="flex flex-col gap-1 text-sm">
          Code
          <input name="code" defaultValue={reason?.code ?? ""} readOnly={Boolean(reason)} className={cn(inputClass, "w-48 font-mono")} {...fieldErrorProps(`${id}-code`, errors.code)} />
        </label>
        <FieldError id={`${id}-code`} error={errors.code} />
      </div>
      <div className="flex min-w-64 flex-1 flex-col gap-1">
        <label className="flex flex-col gap-1 text-sm">
          Label
          <input name="label" defaultValue={reason?.label ?? ""} maxLength={200} className={inputClass} {...fieldErrorProps(`${id}-label`, errors.label)} />
        </label>
        <FieldError id={`${id}-label`} error={errors.label} />
      </div>
      <fieldset className="flex gap-2 text-sm" aria-describedby={errors.kinds ? `${id}-kinds` : undefined}>
        <legend className="sr-only">Offered for</legend>
        {KINDS.map((k) => (
          <label key={k} className="flex items-center gap-1">
            <input type="checkbox" name="kinds" value={k} defaultChecked={reason?.kinds.includes(k) ?? false} />
            {k}
          </label>
        ))}
        <FieldError id={`${id}-kinds`} error={errors.kinds} />
      </fieldset>
      <fieldset className="flex basis-full flex-wrap items-center gap-3 text-sm" aria-describedby={errors.checkTypes ? `${id}-check-types` : undefined}>
        <legend className="float-left mr-2 text-xs text-zinc-500">Applies to</legend>
        {CHECK_TYPES.map((t) => (
          <label key={t} className="flex items-center gap-1">
            <input type="checkbox" name="checkTypes" value={t} defaultChecked={reason ? reason.checkTypes.includes(t) : true} />
            {CHECK_TYPE_LABELS[t].title}
          </label>
        ))}
        <FieldError id={`${id}-check-types`} error={errors.checkTypes} />
      </fieldset>
      {reason ? (
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" name="active" defaultChecked={reason.active} /> active
        </label>
      ) : null}
      <SubmitButton size="sm" variant="secondary" pending={pending}>
        {reason ? "Save" : "Add reason"}
      </SubmitButton>
      {data ? (
        <span role="status" className="text-sm text-emerald-700">
          Saved.
        </span>
      ) : null}
      <FormError error={formError} />
    </form>
  );
}
