"use client";

import { InlineReasonForm, ReasonedActionForm } from "@/components/forms/reason-forms";
import { inputClass } from "@/components/ui/field";
import { placeHoldAction, releaseHoldAction } from "../actions";

/** Puts a reference (or a case, when `caseId` is given) on legal hold. */
export function PlaceHoldForm({ reference, caseId }: { reference?: string; caseId?: string }) {
  const scope = caseId ? "case" : "reference";
  const askReference = !caseId && !reference;
  return (
    <ReasonedActionForm
      action={placeHoldAction}
      label={`Place a legal hold on this ${scope}`}
      hidden={{ scope, caseId, reference: caseId ? undefined : reference }}
      extraField={askReference ? { name: "reference", label: "Reference", control: (p) => <input {...p} name="reference" maxLength={200} className={inputClass} /> } : undefined}
      reasonLabel="Reason for the hold"
      placeholder="e.g. litigation 2026-114"
      submitLabel="Place legal hold"
      pendingLabel="Placing…"
      doneMessage="Hold placed."
    />
  );
}

export function ReleaseHoldForm({ holdId }: { holdId: string }) {
  return <InlineReasonForm action={releaseHoldAction} label="Release this hold" hidden={{ holdId }} reasonLabel="Reason for the release" submitLabel="Release" />;
}
