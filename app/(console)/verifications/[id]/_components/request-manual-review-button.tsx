"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { requestManualReviewAction } from "../actions";

// Asks for a person to look at this verification, with a note that becomes the case's reason.
export function RequestManualReviewButton({ verificationId }: { verificationId: string }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ caseId: string | null } | null>(null);
  const [pending, startTransition] = useTransition();

  if (done) {
    return done.caseId ? (
      <Link href={`/cases/${done.caseId}`} className="text-sm underline" role="status">
        Review case opened
      </Link>
    ) : (
      <span role="status" className="text-sm">
        A case opens when the vendors have answered.
      </span>
    );
  }
  if (!open) {
    return (
      <Button size="sm" variant="secondary" onClick={() => setOpen(true)}>
        Request manual review
      </Button>
    );
  }
  return (
    <form
      className="flex items-center gap-2"
      aria-label="Request manual review"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await requestManualReviewAction({ verificationId, note });
          if (result.ok) setDone(result.data);
          else setError(result.fieldErrors?.note?.join(" ") ?? result.error);
        });
      }}
    >
      <label className="sr-only" htmlFor="manual-review-note">
        Why should a person look?
      </label>
      <input id="manual-review-note" autoFocus value={note} onChange={(e) => setNote(e.target.value)} maxLength={2000} placeholder="Why should a person look?" className={`${inputClass} h-8 w-64`} aria-invalid={Boolean(error)} />
      <Button type="submit" size="sm" disabled={pending}>
        Request
      </Button>
      <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
        Cancel
      </Button>
      {error ? (
        <span role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </form>
  );
}
