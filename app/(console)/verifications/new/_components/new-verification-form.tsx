"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Field, inputClass } from "@/components/ui/field";
import { CHECK_TYPE_LABELS, VENDOR_SHORT_NAMES } from "@/lib/verifications/verification-labels";
import { checkTypes, type CheckType, type MediaRole, type VendorId } from "@/lib/vendors/types";
import { listVendorsForCheck, vendorRegistry } from "@/lib/vendors/vendor-registry";
import { checkFileFacts, readFileFacts, type FileCheck, type FileFacts } from "../_lib/check-media-file";
import { listMediaSlots } from "../_lib/media-slots";
import { uploadVerification } from "../_lib/upload-verification";
import { MediaDropZone } from "./media-drop-zone";

export type VendorAvailability = Record<VendorId, { enabled: boolean; configured: boolean }>;

type Phase = { kind: "idle" } | { kind: "uploading"; progress: number } | { kind: "redirecting" };

const FORM_FIELDS = ["checkType", "vendors", "reference", "note"];

function enabledVendorsFor(checkType: CheckType, availability: VendorAvailability): VendorId[] {
  return listVendorsForCheck(checkType).filter((v) => availability[v].enabled);
}

// Preselected: the vendors proper. Verdict's own engine is one tick away (and reads the media anyway
// when "check quality first" is on for console uploads).
function defaultVendorsFor(checkType: CheckType, availability: VendorAvailability): VendorId[] {
  return enabledVendorsFor(checkType, availability).filter((v) => !vendorRegistry[v].builtIn);
}

export function NewVerificationForm({ availability }: { availability: VendorAvailability }) {
  const router = useRouter();
  const [checkType, setCheckType] = useState<CheckType>(() => checkTypes.find((t) => enabledVendorsFor(t, availability).length > 0) ?? "liveness_3angle");
  const [vendors, setVendors] = useState<VendorId[]>(() => defaultVendorsFor(checkType, availability));
  const [files, setFiles] = useState<Partial<Record<MediaRole, File>>>({});
  const [facts, setFacts] = useState<Map<File, FileFacts>>(new Map());
  const [reference, setReference] = useState("");
  const [note, setNote] = useState("");
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [message, setMessage] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const abortRef = useRef<(() => void) | null>(null);

  const slots = useMemo(() => listMediaSlots(checkType, vendors), [checkType, vendors]);

  // Decode each new file once (resolution, duration); the checks re-run when vendors change.
  useEffect(() => {
    for (const file of Object.values(files)) {
      if (!file || facts.has(file)) continue;
      void readFileFacts(file).then((f) => setFacts((prev) => new Map(prev).set(file, f)));
    }
  }, [files, facts]);

  const checks = useMemo(() => {
    const result: Partial<Record<MediaRole, FileCheck>> = {};
    for (const slot of slots) {
      const file = files[slot.role];
      const f = file ? facts.get(file) : undefined;
      if (file && f) result[slot.role] = checkFileFacts(slot, f);
    }
    return result;
  }, [slots, files, facts]);

  const checking = slots.some((s) => files[s.role] && !checks[s.role]);
  const missing = slots.filter((s) => s.required && !files[s.role]);
  const hasErrors = slots.some((s) => (checks[s.role]?.errors.length ?? 0) > 0);
  const busy = phase.kind !== "idle";

  function chooseCheckType(next: CheckType) {
    setCheckType(next);
    setVendors(defaultVendorsFor(next, availability));
    setServerErrors({});
    setMessage(null);
  }

  function toggleVendor(vendor: VendorId, on: boolean) {
    setVendors((prev) => (on ? [...prev, vendor].sort() : prev.filter((v) => v !== vendor)));
  }

  function setFile(role: MediaRole, file: File | null) {
    setFiles((prev) => {
      const next = { ...prev };
      if (file) next[role] = file;
      else delete next[role];
      return next;
    });
    setServerErrors((prev) => {
      const { [role]: _removed, ...rest } = prev;
      return rest;
    });
  }

  // "Compare vendors" sends the same media to every enabled vendor serving the check type, then
  // opens the compare view instead of the verification page.
  async function submit(e: React.SyntheticEvent, mode: "run" | "compare" = "run") {
    e.preventDefault();
    setMessage(null);
    if (mode === "compare") {
      const every = enabledVendorsFor(checkType, availability);
      if (every.length < 2) return setMessage("Comparing needs at least two enabled vendors serving this check type.");
      if ([...every].sort().join() !== [...vendors].sort().join()) {
        setVendors(every);
        return setMessage("Every vendor serving this check type is now selected: check the files they need, then press Compare vendors again.");
      }
    }
    if (vendors.length === 0) return setMessage("Pick at least one vendor.");
    if (missing.length) return setMessage(`Add the missing file${missing.length > 1 ? "s" : ""}: ${missing.map((s) => s.role).join(", ")}.`);
    if (checking) return setMessage("Still checking the files; try again in a moment.");
    if (hasErrors) return setMessage("Fix the files marked in red first.");
    const form = new FormData();
    form.set("checkType", checkType);
    for (const vendor of vendors) form.append("vendors", vendor);
    if (reference.trim()) form.set("reference", reference.trim());
    if (note.trim()) form.set("note", note.trim());
    for (const slot of slots) {
      const file = files[slot.role];
      if (file) form.set(slot.role, file, file.name);
    }
    setServerErrors({});
    setPhase({ kind: "uploading", progress: 0 });
    const upload = uploadVerification(form, (progress) => setPhase({ kind: "uploading", progress }));
    abortRef.current = upload.abort;
    const result = await upload.done;
    abortRef.current = null;
    if (result.ok) {
      setPhase({ kind: "redirecting" });
      router.push(mode === "compare" ? `/compare/${result.id}` : `/verifications/${result.id}`);
      return;
    }
    setPhase({ kind: "idle" });
    setMessage(result.message);
    setServerErrors(result.errors);
  }

  const unplaced = Object.entries(serverErrors).filter(([key]) => !FORM_FIELDS.includes(key) && !slots.some((s) => s.role === key));
  const vendorsForType = listVendorsForCheck(checkType);

  return (
    <form onSubmit={submit} noValidate className="flex max-w-4xl flex-col gap-8" aria-busy={busy}>
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
        <FieldErrors errors={serverErrors.checkType} />
      </fieldset>

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
        <FieldErrors errors={serverErrors.vendors} />
      </fieldset>

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

      <div className="grid gap-4 sm:grid-cols-2">
        <Field label="Reference (optional)" hint="Your subject or case id, up to 200 characters." error={serverErrors.reference}>
          {(props) => <input {...props} className={inputClass} value={reference} maxLength={200} onChange={(e) => setReference(e.target.value)} disabled={busy} />}
        </Field>
        <Field label="Note (optional)" hint="Up to 2000 characters." error={serverErrors.note}>
          {(props) => (
            <textarea {...props} className={cn(inputClass, "h-20 py-2")} value={note} maxLength={2000} onChange={(e) => setNote(e.target.value)} disabled={busy} />
          )}
        </Field>
      </div>

      {message || unplaced.length ? (
        <div role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-800 dark:bg-red-950 dark:text-red-300">
          {message ? <p>{message}</p> : null}
          {unplaced.map(([key, list]) => (
            <p key={key}>
              {key}: {list.join(" ")}
            </p>
          ))}
        </div>
      ) : null}

      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={busy}>
          {phase.kind === "uploading" ? "Uploading…" : phase.kind === "redirecting" ? "Opening…" : "Run verification"}
        </Button>
        {phase.kind === "idle" && enabledVendorsFor(checkType, availability).length > 1 ? (
          <Button variant="secondary" onClick={(e) => void submit(e, "compare")} title="Send the same media to every enabled vendor serving this check type and compare their answers">
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
            <Button variant="ghost" onClick={() => abortRef.current?.()}>
              Cancel
            </Button>
          </>
        ) : null}
        {vendors.length ? (
          <span className="text-xs text-zinc-500">Runs on {vendors.map((v) => VENDOR_SHORT_NAMES[v]).join(", ")}.</span>
        ) : null}
      </div>
    </form>
  );
}

function FieldErrors({ errors }: { errors?: string[] }) {
  if (!errors?.length) return null;
  return (
    <p role="alert" className="text-xs text-red-700 dark:text-red-400">
      {errors.join(" ")}
    </p>
  );
}
