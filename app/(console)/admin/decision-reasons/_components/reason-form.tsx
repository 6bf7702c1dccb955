"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { CHECK_TYPE_LABELS } from "@/lib/verifications/verification-labels";
import type { CheckType } from "@/lib/vendors/types";
import { createReasonAction, updateReasonAction } from "../actions";
import { formText } from "@/lib/validation/form-text";

const KINDS = ["approve", "reject", "escalate"] as const;
const CHECK_TYPES = Object.keys(CHECK_TYPE_LABELS) as CheckType[];

// One reason (edit its label, decisions and whether it is offered), or a new one when `reason` is null.
export function ReasonForm({ reason }: { reason: { code: string; label: string; kinds: string[]; checkTypes: string[]; active: boolean } | null }) {
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = { code: formText(data, "code"), label: formText(data, "label"), kinds: data.getAll("kinds").map(String), checkTypes: data.getAll("checkTypes").map(String), active: data.get("active") === "on" };
    startTransition(async () => {
      const result = reason ? await updateReasonAction(input) : await createReasonAction(input);
      if (result.ok) {
        setErrors({});
        setMessage({ ok: true, text: "Saved." });
        if (!reason) form.reset();
      } else {
        setErrors(result.fieldErrors ?? {});
        setMessage({ ok: false, text: result.error });
      }
    });
  }

  return (
    <form onSubmit={submit} aria-label={reason ? `Reason ${reason.code}` : "New reason"} className="flex flex-wrap items-end gap-3 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900" noValidate>
      <label className="flex flex-col gap-1 text-sm">
        Code
        <input name="code" defaultValue={reason?.code ?? ""} readOnly={Boolean(reason)} className={`${inputClass} w-48 font-mono`} aria-invalid={Boolean(errors.code)} />
        {errors.code ? <span className="text-xs text-red-700">{errors.code.join(" ")}</span> : null}
      </label>
      <label className="flex min-w-64 flex-1 flex-col gap-1 text-sm">
        Label
        <input name="label" defaultValue={reason?.label ?? ""} maxLength={200} className={inputClass} aria-invalid={Boolean(errors.label)} />
        {errors.label ? <span className="text-xs text-red-700">{errors.label.join(" ")}</span> : null}
      </label>
      <fieldset className="flex gap-2 text-sm">
        <legend className="sr-only">Offered for</legend>
        {KINDS.map((k) => (
          <label key={k} className="flex items-center gap-1">
            <input type="checkbox" name="kinds" value={k} defaultChecked={reason?.kinds.includes(k) ?? false} />
            {k}
          </label>
        ))}
        {errors.kinds ? <span className="text-xs text-red-700">{errors.kinds.join(" ")}</span> : null}
      </fieldset>
      <fieldset className="flex basis-full flex-wrap items-center gap-3 text-sm">
        <legend className="float-left mr-2 text-xs text-zinc-500">Applies to</legend>
        {CHECK_TYPES.map((t) => (
          <label key={t} className="flex items-center gap-1">
            <input type="checkbox" name="checkTypes" value={t} defaultChecked={reason ? reason.checkTypes.includes(t) : true} />
            {CHECK_TYPE_LABELS[t].title}
          </label>
        ))}
        {errors.checkTypes ? <span className="text-xs text-red-700">{errors.checkTypes.join(" ")}</span> : null}
      </fieldset>
      {reason ? (
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" name="active" defaultChecked={reason.active} /> active
        </label>
      ) : null}
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>
        {reason ? "Save" : "Add reason"}
      </Button>
      {message ? (
        <span role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-emerald-700" : "text-sm text-red-700"}>
          {message.text}
        </span>
      ) : null}
    </form>
  );
}
