"use client";

import { useId, useState } from "react";
import { FormError, SubmitButton, useServerAction } from "@/components/ui/action-form";
import { Field, FieldError, fieldErrorProps, inputClass, type FieldControl } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions/safe-action";
import { cn } from "@/components/ui/cn";

type FormAction = (input: unknown) => Promise<ActionResult<unknown>>;

function HiddenInputs({ values }: { values: Record<string, string | undefined> }) {
  return Object.entries(values).map(([name, value]) => (value === undefined ? null : <input key={name} type="hidden" name={name} value={value} />));
}

/**
 * Records something that needs a reason (a legal hold, a face block): the ids as hidden inputs, an
 * optional field of the caller's (`extraField`: its name, label and control), the reason, and a
 * status once done.
 */
export function ReasonedActionForm({
  action,
  label,
  hidden,
  extraField,
  reasonLabel,
  placeholder,
  submitLabel,
  pendingLabel,
  doneMessage,
}: {
  action: FormAction;
  label: string;
  hidden: Record<string, string | undefined>;
  extraField?: { name: string; label: string; control: FieldControl };
  reasonLabel: string;
  placeholder: string;
  submitLabel: string;
  pendingLabel: string;
  doneMessage: string;
}) {
  const [done, setDone] = useState(false);
  const { pending, fieldErrors, formError, onSubmit } = useServerAction(action, {
    fields: extraField ? ["reason", extraField.name] : ["reason"],
    onSuccess: (_data, form) => {
      setDone(true);
      form?.reset();
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-xl gap-3 sm:grid-cols-2" aria-label={label}>
      <HiddenInputs values={hidden} />
      {extraField ? (
        <Field label={extraField.label} error={fieldErrors[extraField.name]}>
          {extraField.control}
        </Field>
      ) : null}
      <Field label={reasonLabel} error={fieldErrors.reason}>
        {(p) => <input {...p} name="reason" maxLength={1000} placeholder={placeholder} className={inputClass} />}
      </Field>
      <div className="flex items-end gap-3">
        <SubmitButton variant="secondary" pending={pending} pendingLabel={pendingLabel}>
          {submitLabel}
        </SubmitButton>
        {done ? <span role="status" className="text-sm text-zinc-600">{doneMessage}</span> : null}
      </div>
      <FormError error={formError} className="sm:col-span-2" />
    </form>
  );
}

/** Undoes such a record in one line of a list (release a hold, remove a block), again with a reason. */
export function InlineReasonForm({ action, label, hidden, reasonLabel, submitLabel }: { action: FormAction; label: string; hidden: Record<string, string>; reasonLabel: string; submitLabel: string }) {
  const errorId = useId();
  const { pending, fieldErrors, formError, onSubmit } = useServerAction(action, { fields: ["reason"] });
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-2" aria-label={label}>
      <HiddenInputs values={hidden} />
      <div className="flex flex-col gap-1">
        <input name="reason" aria-label={reasonLabel} placeholder={reasonLabel.toLowerCase()} maxLength={1000} {...fieldErrorProps(errorId, fieldErrors.reason)} className={cn(inputClass, "w-56")} />
        <FieldError id={errorId} error={fieldErrors.reason} />
      </div>
      <SubmitButton size="sm" variant="secondary" pending={pending}>
        {submitLabel}
      </SubmitButton>
      <FormError error={formError} className="text-xs" />
    </form>
  );
}
