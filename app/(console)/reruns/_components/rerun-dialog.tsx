"use client";

import { RotateCcw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useId, useRef, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { inputClass } from "@/components/ui/field";
import { rerunVerificationAction } from "../actions";
import type { RerunOptions } from "@/lib/reruns/get-rerun-options";
import type { VendorId } from "@/lib/vendors/types";
import { VendorPicker } from "@/components/reruns/vendor-picker";

// "Rerun…" for one verification: pick the same vendor(s), another vendor serving the check type, or
// all of them, say why, and the new runs are queued (history is kept). Drop-in for any page that
// has a verification: pass what getRerunOptions(verificationId) returns (or use <RerunButton>).
export function RerunDialog({ options, buttonLabel = "Rerun…" }: { options: RerunOptions; buttonLabel?: string }) {
  const router = useRouter();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const reasonId = useId();
  const available = options.vendors.filter((v) => v.available);
  const alreadyRun = available.filter((v) => v.attempts > 0).map((v) => v.vendor);
  const [selected, setSelected] = useState<VendorId[]>(alreadyRun);
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function open() {
    setSelected(alreadyRun);
    setError(null);
    setFieldErrors({});
    dialogRef.current?.showModal();
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (selected.length === 0) return setError("Pick at least one vendor.");
    startTransition(async () => {
      const result = await rerunVerificationAction({ verificationId: options.verificationId, vendors: selected, reason });
      if (!result.ok) {
        setError(result.error);
        setFieldErrors(result.fieldErrors ?? {});
        return;
      }
      setDone(`Rerun queued: ${result.data.runs.map((r) => `${r.vendor} run ${r.attempt}`).join(", ")}.`);
      setReason("");
      dialogRef.current?.close();
      router.refresh();
    });
  }

  return (
    <>
      <div className="flex items-center gap-2">
        <Button variant="secondary" onClick={open} disabled={available.length === 0} title={available.length === 0 ? "No vendor can rerun this verification now" : undefined}>
          <RotateCcw className="size-4" aria-hidden /> {buttonLabel}
        </Button>
        {done ? (
          <p role="status" className="text-xs text-emerald-700 dark:text-emerald-400">
            {done}
          </p>
        ) : null}
      </div>
      <dialog
        ref={dialogRef}
        aria-labelledby={titleId}
        className="m-auto w-full max-w-lg rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 backdrop:bg-black/40 dark:border-zinc-800 dark:bg-zinc-900 dark:text-zinc-100"
      >
        <form onSubmit={submit} className="flex flex-col gap-4 p-5" noValidate>
          <h2 id={titleId} className="text-lg font-medium">
            Rerun this verification
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">Each vendor picked gets a new run on the same media; earlier runs stay as they are.</p>
          <VendorPicker
            options={options.vendors.map((v) => ({
              ...v,
              detail: <span className="text-xs text-zinc-500">{v.attempts ? `${v.attempts} run${v.attempts > 1 ? "s" : ""} so far` : "not run yet"}</span>,
            }))}
            selected={selected}
            onChange={setSelected}
            disabled={pending}
            errors={fieldErrors.vendors}
          >
            <div className="flex gap-2">
              <Button size="sm" variant="ghost" onClick={() => setSelected(alreadyRun)} disabled={pending}>
                Same vendors
              </Button>
              <Button size="sm" variant="ghost" onClick={() => setSelected(available.map((v) => v.vendor))} disabled={pending}>
                All vendors
              </Button>
            </div>
          </VendorPicker>
          <div className="flex flex-col gap-1">
            <label htmlFor={reasonId} className="text-sm font-medium">
              Reason
            </label>
            <textarea
              id={reasonId}
              name="reason"
              value={reason}
              maxLength={500}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={Boolean(fieldErrors.reason?.length)}
              className={cn(inputClass, "h-20 py-2")}
              placeholder="e.g. vendor fixed a bug; check the new model"
              disabled={pending}
            />
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
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={() => dialogRef.current?.close()} disabled={pending}>
              Close
            </Button>
            <Button type="submit" disabled={pending}>
              {pending ? "Queuing…" : "Rerun"}
            </Button>
          </div>
        </form>
      </dialog>
    </>
  );
}
