"use client";

import Link from "next/link";
import { useState } from "react";
import { FormError, SubmitButton, useServerAction } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FieldError, fieldErrorProps, inputClass } from "@/components/ui/field";
import { formText } from "@/lib/validation/form-text";
import { requestManualReviewAction } from "../actions";
import { cn } from "@/components/ui/cn";

// Asks for a person to look at this verification, with a note that becomes the case's reason.
export function RequestManualReviewButton({ verificationId }: { verificationId: string }) {
  const [open, setOpen] = useState(false);
  const { pending, data, fieldErrors, formError, onSubmit } = useServerAction(requestManualReviewAction, {
    fields: ["note"],
    fromForm: (form) => ({ verificationId, note: formText(form, "note") }),
  });

  if (data) {
    return data.caseId ? (
      <Link href={`/cases/${data.caseId}`} className="text-sm underline" role="status">
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
    <form className="flex items-center gap-2" aria-label="Request manual review" onSubmit={onSubmit} noValidate>
      <label className="sr-only" htmlFor="manual-review-note">
        Why should a person look?
      </label>
      <input
        id="manual-review-note"
        name="note"
        autoFocus
        maxLength={2000}
        placeholder="Why should a person look?"
        className={cn(inputClass, "h-8 w-64")}
        {...fieldErrorProps("manual-review-note-error", fieldErrors.note)}
      />
      <SubmitButton size="sm" pending={pending}>
        Request
      </SubmitButton>
      <Button size="sm" variant="ghost" onClick={() => setOpen(false)}>
        Cancel
      </Button>
      <FieldError id="manual-review-note-error" error={fieldErrors.note} className="text-sm" />
      <FormError error={formError} />
    </form>
  );
}
