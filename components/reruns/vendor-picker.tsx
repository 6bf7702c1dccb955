"use client";

import { useId, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { FieldError } from "@/components/ui/field";
import type { VendorId } from "@/lib/vendors/types";

export interface VendorPickerOption {
  vendor: VendorId;
  displayName: string;
  available: boolean;
  /** Why it cannot be picked now, shown in brackets. */
  unavailableReason: string | null;
  /** Shown after the name, e.g. how often the vendor ran already. */
  detail?: ReactNode;
}

// The "Vendors" checkboxes of the rerun dialogs. `children` go below the list (shortcuts, hints);
// `errors` are the action's field errors for `vendors`.
export function VendorPicker({
  options,
  selected,
  onChange,
  disabled,
  errors,
  children,
}: {
  options: VendorPickerOption[];
  selected: VendorId[];
  onChange: (update: (prev: VendorId[]) => VendorId[]) => void;
  disabled: boolean;
  errors?: string[];
  children?: ReactNode;
}) {
  const errorId = useId();
  return (
    <fieldset className="flex flex-col gap-2" aria-describedby={errors?.length ? errorId : undefined}>
      <legend className="mb-1 text-sm font-medium">Vendors</legend>
      {options.map((v) => (
        <label key={v.vendor} className={cn("flex items-center gap-2 text-sm", !v.available && "text-zinc-400")}>
          <input
            type="checkbox"
            name="vendors"
            value={v.vendor}
            checked={selected.includes(v.vendor)}
            disabled={!v.available || disabled}
            onChange={(e) => {
              const on = e.target.checked;
              onChange((prev) => (on ? [...new Set([...prev, v.vendor])] : prev.filter((x) => x !== v.vendor)));
            }}
          />
          <span className="font-medium">{v.displayName}</span>
          {v.detail}
          {v.unavailableReason ? <span className="text-xs italic">({v.unavailableReason})</span> : null}
        </label>
      ))}
      {children}
      <FieldError id={errorId} error={errors} />
    </fieldset>
  );
}
