"use client";

import { useId, useState } from "react";
import { FormError, useServerAction } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FieldError, fieldErrorProps, inputClass } from "@/components/ui/field";
import { confirmDecisionAction, declineDecisionAction } from "../actions";
import { cn } from "@/components/ui/cn";

// Four eyes: a second reviewer confirms the pending approval or sends it back with a comment.
// The first reviewer sees why they cannot (the server refuses them too).
export function ConfirmPanel({ caseId, version, decidedBy, isMine, canDecide }: { caseId: string; version: number; decidedBy: string; isMine: boolean; canDecide: boolean }) {
  const [comment, setComment] = useState("");
  const errorId = useId();
  const confirm = useServerAction(confirmDecisionAction);
  const decline = useServerAction(declineDecisionAction, { fields: ["comment"] });
  const pending = confirm.pending || decline.pending;

  if (isMine || !canDecide) {
    return (
      <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
        {isMine ? "You made this decision; a second reviewer must confirm it." : `Waiting for a reviewer to confirm ${decidedBy}'s decision.`}
      </p>
    );
  }

  const done = confirm.data ? "Confirmed; the case is decided." : decline.data ? "Sent back; the case is open again." : null;
  return (
    <section aria-labelledby="confirm-heading" className="flex flex-col gap-3">
      <h2 id="confirm-heading" className="font-medium">
        Second reviewer
      </h2>
      <p className="text-sm">{decidedBy} approved over a vendor fail. Confirm, or send it back with a comment.</p>
      <label className="flex flex-col gap-1 text-sm">
        Comment (to send it back)
        <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} maxLength={4000} className={cn(inputClass, "h-auto py-2")} {...fieldErrorProps(errorId, decline.fieldErrors.comment)} />
      </label>
      <FieldError id={errorId} error={decline.fieldErrors.comment} />
      <div className="flex gap-2">
        <Button onClick={() => confirm.run({ caseId, version })} disabled={pending}>
          Confirm approval
        </Button>
        <Button variant="secondary" onClick={() => decline.run({ caseId, version, comment })} disabled={pending}>
          Send back
        </Button>
      </div>
      {done ? (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {done}
        </p>
      ) : null}
      <FormError error={confirm.formError ?? decline.formError} />
    </section>
  );
}
