"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { reopenCaseAction } from "../actions";

// Admins only: reopen a decided case, with a reason that goes into the audit trail.
export function ReopenForm({ caseId, version }: { caseId: string; version: number }) {
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <form
      className="flex flex-col gap-2"
      aria-label="Reopen case"
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const result = await reopenCaseAction({ caseId, version, reason });
          setError(result.ok ? null : (result.fieldErrors?.reason?.join(" ") ?? result.error));
        });
      }}
    >
      <label className="flex flex-col gap-1 text-sm">
        Reason to reopen (admins)
        <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} className={inputClass} aria-invalid={Boolean(error)} />
      </label>
      <Button type="submit" variant="secondary" disabled={pending}>
        Reopen case
      </Button>
      {error ? (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error}
        </p>
      ) : null}
    </form>
  );
}
