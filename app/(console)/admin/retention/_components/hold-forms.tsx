"use client";

import { useState } from "react";
import { FormError, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { placeHoldAction, releaseHoldAction } from "../actions";

/** Puts a reference (or a case, when `caseId` is given) on legal hold. */
export function PlaceHoldForm({ reference, caseId }: { reference?: string; caseId?: string }) {
  const [done, setDone] = useState(false);
  const { pending, fieldErrors, formError, onSubmit } = useActionForm(placeHoldAction, (_data, form) => {
    setDone(true);
    form.reset();
  });
  const scope = caseId ? "case" : "reference";
  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-xl gap-3 sm:grid-cols-2" aria-label={`Place a legal hold on this ${scope}`}>
      <input type="hidden" name="scope" value={scope} />
      {caseId ? <input type="hidden" name="caseId" value={caseId} /> : null}
      {caseId ? null : reference ? (
        <input type="hidden" name="reference" value={reference} />
      ) : (
        <Field label="Reference" error={fieldErrors.reference}>
          {(p) => <input {...p} name="reference" maxLength={200} className={inputClass} />}
        </Field>
      )}
      <Field label="Reason for the hold" error={fieldErrors.reason}>
        {(p) => <input {...p} name="reason" maxLength={1000} placeholder="e.g. litigation 2026-114" className={inputClass} />}
      </Field>
      <div className="flex items-end gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>{pending ? "Placing…" : "Place legal hold"}</Button>
        {done ? <span role="status" className="text-sm text-zinc-600">Hold placed.</span> : null}
      </div>
      <FormError error={formError} />
    </form>
  );
}

export function ReleaseHoldForm({ holdId }: { holdId: string }) {
  const { pending, fieldErrors, formError, onSubmit } = useActionForm(releaseHoldAction, () => {});
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-2" aria-label="Release this hold">
      <input type="hidden" name="holdId" value={holdId} />
      <div className="flex flex-col gap-1">
        <input name="reason" aria-label="Reason for the release" placeholder="reason for the release" maxLength={1000} aria-invalid={Boolean(fieldErrors.reason)} className={`${inputClass} w-56`} />
        {fieldErrors.reason ? <p role="alert" className="text-xs text-red-700">{fieldErrors.reason.join(" ")}</p> : null}
      </div>
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>Release</Button>
      {formError ? <p role="alert" className="text-xs text-red-700">{formError}</p> : null}
    </form>
  );
}
