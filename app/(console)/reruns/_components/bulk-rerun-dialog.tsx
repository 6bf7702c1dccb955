"use client";

import { Layers } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/field";
import { startBulkRerunFromFilterAction } from "../actions";
import type { VerificationFilter } from "@/lib/reruns/rerun-selection";
import type { VendorId } from "@/lib/vendors/types";
import { VendorPicker } from "@/components/reruns/vendor-picker";

export interface BulkVendorChoice {
  vendor: VendorId;
  displayName: string;
  enabled: boolean;
}

// "Rerun these…" on a filtered verifications list: every verification the filters select (all
// pages, not just this one) is rerun on the chosen vendors as a background batch.
export function BulkRerunDialog({ filter, vendors, describe }: { filter: VerificationFilter; vendors: BulkVendorChoice[]; describe: string }) {
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const reasonId = useId();
  const initial = filter.vendor ? [filter.vendor] : vendors.filter((v) => v.enabled).map((v) => v.vendor);
  const [selected, setSelected] = useState<VendorId[]>(initial);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [pending, startTransition] = useTransition();

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (selected.length === 0) return setError("Pick at least one vendor.");
    startTransition(async () => {
      const result = await startBulkRerunFromFilterAction({ filter, vendors: selected, reason });
      if (!result.ok) {
        setError(result.error);
        setFieldErrors(result.fieldErrors ?? {});
        return;
      }
      router.push(`/reruns/${result.data.batchId}`);
    });
  }

  return (
    <>
      <Button variant="secondary" onClick={() => dialogRef.current?.showModal()}>
        <Layers className="size-4" aria-hidden /> Rerun these…
      </Button>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        className="m-auto w-full max-w-lg rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <form onSubmit={submit} className="flex flex-col gap-4 p-5" noValidate>
          <h2 id={titleId} className="text-lg font-medium">
            Rerun every matching verification
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Selection: <strong>{describe}</strong> (every page). Runs are created in the background, respecting each vendor&apos;s rate limit; you can follow and cancel the batch.
          </p>
          <VendorPicker
            options={vendors.map((v) => ({ vendor: v.vendor, displayName: v.displayName, available: v.enabled, unavailableReason: v.enabled ? null : "not enabled" }))}
            selected={selected}
            onChange={setSelected}
            disabled={pending}
            errors={fieldErrors.vendors}
          >
            <p className="text-xs text-zinc-500">A vendor only reruns the verifications whose check type it serves.</p>
          </VendorPicker>
          <div className="flex flex-col gap-1">
            <label htmlFor={reasonId} className="text-sm font-medium">
              Reason
            </label>
            <textarea id={reasonId} value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} className={cn(inputClass, "h-20 py-2")} disabled={pending} />
            {fieldErrors.reason?.length ? (
              <p role="alert" className="text-xs text-red-700 dark:text-red-400">
                {fieldErrors.reason.join(" ")}
              </p>
            ) : null}
          </div>
          {error && !Object.keys(fieldErrors).length ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {error}
            </p>
          ) : null}
          {error && fieldErrors.selection?.length ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {error}
            </p>
          ) : null}
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={() => dialogRef.current?.close()} disabled={pending}>
              Close
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Starting…" : "Start batch"}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
