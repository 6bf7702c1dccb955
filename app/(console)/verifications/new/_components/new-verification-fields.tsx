"use client";

import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { CHECK_TYPE_LABELS, VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import { checkTypes, type CheckType, type MediaRole, type VendorId } from "@/lib/vendors/types";
import { listVendorsForCheck, vendorRegistry } from "@/lib/vendors/vendor-registry";
import type { FileCheck } from "../_lib/check-media-file";
import type { MediaSlot } from "../_lib/media-slots";
import { MediaDropZone } from "./media-drop-zone";

// The parts of the new-verification form (new-verification-form.tsx holds its state and submit).

export type VendorAvailability = Record<VendorId, { enabled: boolean; configured: boolean }>;

export type Phase = { kind: "idle" } | { kind: "uploading"; progress: number } | { kind: "redirecting" };

export function FieldErrors({ errors }: { errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p role="alert" className="text-xs text-red-700 dark:text-red-400">
      {errors.join(" ")}
    </p>
  );
}

export function CheckTypeChoice({ checkType, busy, errors, onChoose: chooseCheckType }: { checkType: CheckType; busy: boolean; errors?: string[]; onChoose: (type: CheckType) => void }) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-2 text-base font-medium">Check type</legend>
      <div className="grid gap-3 sm:grid-cols-2">
        {checkTypes.map((type) => (
          <label
            key={type}
            className={cn(
              "flex cursor-pointer gap-3 rounded-lg border p-3 focus-within:ring-2 focus-within:ring-sky-600/40",
              type === checkType ? "border-sky-600 bg-sky-50 dark:bg-sky-950/40" : "border-zinc-200 dark:border-zinc-800",
            )}
          >
            <input type="radio" name="checkType" value={type} checked={type === checkType} onChange={() => chooseCheckType(type)} disabled={busy} className="mt-1" />
            <span>
              <span className="block text-sm font-medium">{CHECK_TYPE_LABELS[type].title}</span>
              <span className="block text-xs text-zinc-600 dark:text-zinc-400">{CHECK_TYPE_LABELS[type].explanation}</span>
            </span>
          </label>
        ))}
      </div>
      <FieldErrors errors={errors} />
    </fieldset>
  );
}

export function VendorChoice({
  checkType,
  vendors,
  availability,
  busy,
  errors,
  onToggle: toggleVendor,
}: {
  checkType: CheckType;
  vendors: VendorId[];
  availability: VendorAvailability;
  busy: boolean;
  errors?: string[];
  onToggle: (vendor: VendorId, on: boolean) => void;
}) {
  const vendorsForType = listVendorsForCheck(checkType);
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-2 text-base font-medium">Vendors</legend>
      <div className="flex flex-col gap-2">
        {vendorsForType.map((vendor) => {
          const a = availability[vendor];
          const reason = a.enabled ? null : a.configured ? "disabled by an admin" : "not configured";
          return (
            <label key={vendor} className={cn("flex items-center gap-2 text-sm", reason && "text-zinc-400")}>
              <input type="checkbox" name="vendors" value={vendor} checked={vendors.includes(vendor)} disabled={!a.enabled || busy} onChange={(e) => toggleVendor(vendor, e.target.checked)} />
              <span className="font-medium">{vendorRegistry[vendor].displayName}</span>
              <span className="font-mono text-xs text-zinc-500">{vendorRegistry[vendor].checks[checkType]?.api}</span>
              {reason ? <span className="text-xs italic">({reason})</span> : null}
            </label>
          );
        })}
      </div>
      {vendorsForType.every((v) => !availability[v].enabled) ? (
        <p className="text-sm text-amber-800 dark:text-amber-300">No vendor serving this check type is configured. An admin can set one up under Admin → Vendors.</p>
      ) : null}
      <FieldErrors errors={errors} />
    </fieldset>
  );
}

export function MediaSlots({
  checkType,
  slots,
  files,
  checks,
  serverErrors,
  setFile,
}: {
  checkType: CheckType;
  slots: MediaSlot[];
  files: Partial<Record<MediaRole, File>>;
  checks: Partial<Record<MediaRole, FileCheck>>;
  serverErrors: Record<string, string[]>;
  setFile: (role: MediaRole, file: File | null) => void;
}) {
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="mb-2 text-base font-medium">Media</legend>
      {slots.length === 0 ? <p className="text-sm text-zinc-500">Pick a vendor to see which files it needs.</p> : null}
      <div className={cn("grid gap-3", checkType === "liveness_3angle" ? "sm:grid-cols-3" : "sm:grid-cols-2")}>
        {slots.map((slot) => (
          <MediaDropZone
            key={slot.role}
            slot={slot}
            file={files[slot.role] ?? null}
            check={checks[slot.role] ?? null}
            serverErrors={serverErrors[slot.role] ?? []}
            onFile={(file) => setFile(slot.role, file)}
          />
        ))}
      </div>
    </fieldset>
  );
}

/** Run (or compare), the upload's progress with Cancel, and which vendors it runs on. */
export function SubmitBar({
  phase,
  vendors,
  canCompare,
  onCompare,
  onCancel,
}: {
  phase: Phase;
  vendors: VendorId[];
  canCompare: boolean;
  onCompare: (event: React.SyntheticEvent) => void;
  onCancel: () => void;
}) {
  return (
    <div className="flex flex-wrap items-center gap-4">
      <Button type="submit" disabled={phase.kind !== "idle"}>
        {phase.kind === "uploading" ? "Uploading…" : phase.kind === "redirecting" ? "Opening…" : "Run verification"}
      </Button>
      {phase.kind === "idle" && canCompare ? (
        <Button variant="secondary" onClick={onCompare} title="Send the same media to every enabled vendor serving this check type and compare their answers">
          Compare vendors
        </Button>
      ) : null}
      {phase.kind === "uploading" ? (
        <>
          <div className="flex min-w-64 flex-1 items-center gap-2">
            <div
              role="progressbar"
              aria-label="Upload progress"
              aria-valuemin={0}
              aria-valuemax={100}
              aria-valuenow={Math.round(phase.progress * 100)}
              className="h-2 flex-1 overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800"
            >
              <div className="h-full bg-sky-600 transition-[width]" style={{ width: `${phase.progress * 100}%` }} />
            </div>
            <span className="w-10 text-right text-xs tabular-nums">{Math.round(phase.progress * 100)}%</span>
          </div>
          <Button variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        </>
      ) : null}
      {vendors.length ? (
        <span className="text-xs text-zinc-500">Runs on {vendors.map((v) => VENDOR_SHORT_NAMES[v]).join(", ")}.</span>
      ) : null}
    </div>
  );
}
