"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { confirmDecisionAction, declineDecisionAction } from "../actions";

// Four eyes: a second reviewer confirms the pending approval or sends it back with a comment.
// The first reviewer sees why they cannot (the server refuses them too).
export function ConfirmPanel({ caseId, version, decidedBy, isMine, canDecide }: { caseId: string; version: number; decidedBy: string; isMine: boolean; canDecide: boolean }) {
  const [comment, setComment] = useState("");
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  if (isMine || !canDecide) {
    return (
      <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
        {isMine ? "You made this decision; a second reviewer must confirm it." : `Waiting for a reviewer to confirm ${decidedBy}'s decision.`}
      </p>
    );
  }

  function run(kind: "confirm" | "decline") {
    startTransition(async () => {
      const result = kind === "confirm" ? await confirmDecisionAction({ caseId, version }) : await declineDecisionAction({ caseId, version, comment });
      setMessage(result.ok ? { ok: true, text: kind === "confirm" ? "Confirmed; the case is decided." : "Sent back; the case is open again." } : { ok: false, text: result.fieldErrors?.comment?.join(" ") ?? result.error });
    });
  }

  return (
    <section aria-labelledby="confirm-heading" className="flex flex-col gap-3">
      <h2 id="confirm-heading" className="font-medium">
        Second reviewer
      </h2>
      <p className="text-sm">{decidedBy} approved over a vendor fail. Confirm, or send it back with a comment.</p>
      <label className="flex flex-col gap-1 text-sm">
        Comment (to send it back)
        <textarea value={comment} onChange={(e) => setComment(e.target.value)} rows={2} maxLength={4000} className={`${inputClass} h-auto py-2`} />
      </label>
      <div className="flex gap-2">
        <Button onClick={() => run("confirm")} disabled={pending}>
          Confirm approval
        </Button>
        <Button variant="secondary" onClick={() => run("decline")} disabled={pending}>
          Send back
        </Button>
      </div>
      {message ? (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-emerald-700 dark:text-emerald-400" : "text-sm text-red-700 dark:text-red-400"}>
          {message.text}
        </p>
      ) : null}
    </section>
  );
}
