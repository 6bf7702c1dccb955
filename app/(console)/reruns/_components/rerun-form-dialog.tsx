"use client";

import { useId, useRef, useState, type ReactNode } from "react";
import { FormError, SubmitButton, useServerAction } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, inputClass } from "@/components/ui/field";
import { VendorPicker, type VendorPickerOption } from "@/components/reruns/vendor-picker";
import type { ActionResult } from "@/lib/actions/safe-action";
import type { VendorId } from "@/lib/vendors/types";

// The dialog both reruns open (one verification, or every one a filter selects): vendors, a
// reason, and the action that queues the runs with `input` (what is rerun) plus those two.
export function RerunFormDialog<T>({
  trigger,
  title,
  description,
  options,
  initialVendors,
  pickerExtra,
  placeholder,
  submitLabel,
  pendingLabel,
  action,
  input,
  onSuccess,
  successMessage,
}: {
  trigger: { label: ReactNode; disabled?: boolean; title?: string };
  title: string;
  description: ReactNode;
  options: VendorPickerOption[];
  initialVendors: VendorId[];
  /** Below the vendor list: shortcuts (given the setter) or a hint. */
  pickerExtra: (pick: (vendors: VendorId[]) => void, pending: boolean) => ReactNode;
  placeholder?: string;
  submitLabel: string;
  pendingLabel: string;
  action: (input: unknown) => Promise<ActionResult<T>>;
  input: Record<string, unknown>;
  onSuccess: (data: T) => void;
  /** Shown beside the button once the runs are queued. */
  successMessage?: (data: T) => string;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [selected, setSelected] = useState<VendorId[]>(initialVendors);
  const [reason, setReason] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const { pending, fieldErrors, formError, onSubmit, reset } = useServerAction(action, {
    fields: ["vendors", "reason"],
    fromForm: () => ({ ...input, vendors: selected, reason }),
    onSuccess: (data) => {
      setDone(successMessage?.(data) ?? null);
      setReason("");
      dialogRef.current?.close();
      onSuccess(data);
    },
  });

  function open() {
    setSelected(initialVendors);
    reset();
    dialogRef.current?.showModal();
  }

  return (
    <>
      <div className="flex items-center gap-2">
        <Button variant="secondary" onClick={open} disabled={trigger.disabled} title={trigger.title}>
          {trigger.label}
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
        <form onSubmit={onSubmit} className="flex flex-col gap-4 p-5" noValidate>
          <h2 id={titleId} className="text-lg font-medium">
            {title}
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{description}</p>
          <VendorPicker options={options} selected={selected} onChange={setSelected} disabled={pending} errors={fieldErrors.vendors}>
            {pickerExtra(setSelected, pending)}
          </VendorPicker>
          <Field label="Reason" error={fieldErrors.reason}>
            {(p) => <textarea {...p} name="reason" value={reason} maxLength={500} onChange={(e) => setReason(e.target.value)} className={cn(inputClass, "h-20 py-2")} placeholder={placeholder} disabled={pending} />}
          </Field>
          <FormError error={formError} />
          <div className="flex justify-end gap-2">
            <Button variant="ghost" onClick={() => dialogRef.current?.close()} disabled={pending}>
              Close
            </Button>
            <SubmitButton pending={pending} pendingLabel={pendingLabel}>
              {submitLabel}
            </SubmitButton>
          </div>
        </form>
      </dialog>
    </>
  );
}
