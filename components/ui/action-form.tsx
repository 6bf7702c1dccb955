"use client";

import { useState, useTransition, type FormEvent } from "react";
import type { ActionResult } from "@/lib/actions/safe-action";

/**
 * Submits a form's FormData to a server action (one built with authedAction) and keeps what the
 * form shows: pending, the field errors, and an error for the form as a whole.
 */
export function useActionForm<T>(action: (data: FormData) => Promise<ActionResult<T>>, onSuccess: (data: T, form: HTMLFormElement) => void) {
  const [pending, startTransition] = useTransition();
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    startTransition(async () => {
      const result = await action(data);
      if (result.ok) {
        setFieldErrors({});
        setError(null);
        onSuccess(result.data, form);
      } else {
        setFieldErrors(result.fieldErrors ?? {});
        setError(result.error);
      }
    });
  }

  // With field errors, those say what is wrong; the general "Some fields need attention." would only repeat it.
  const formError = error && !Object.keys(fieldErrors).length ? error : null;
  return { pending, fieldErrors, formError, onSubmit };
}

/** The form-wide error of useActionForm, spanning a two-column form grid. */
export function FormError({ error }: { error: string | null }) {
  return error ? (
    <p role="alert" className="text-sm text-red-700 dark:text-red-400 sm:col-span-2">
      {error}
    </p>
  ) : null;
}
