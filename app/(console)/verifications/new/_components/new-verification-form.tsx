"use client";

import { useRouter } from "next/navigation";
import { useEffect, useMemo, useRef, useState } from "react";
import { Field, inputClass } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { checkTypes, type CheckType, type MediaRole, type VendorId } from "@/lib/vendors/types";
import { listVendorsForCheck, vendorRegistry } from "@/lib/vendors/vendor-registry";
import { checkFileFacts, readFileFacts, type FileCheck, type FileFacts } from "../_lib/check-media-file";
import { listMediaSlots, type MediaSlot } from "../_lib/media-slots";
import { uploadVerification } from "../_lib/upload-verification";
import { CheckTypeChoice, MediaSlots, SubmitBar, VendorChoice, type Phase, type VendorAvailability } from "./new-verification-fields";

export type { VendorAvailability };

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
  const [reference, setReference] = useState("");
  const [note, setNote] = useState("");
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [message, setMessage] = useState<string | null>(null);
  const [serverErrors, setServerErrors] = useState<Record<string, string[]>>({});
  const abortRef = useRef<(() => void) | null>(null);

  const slots = useMemo(() => listMediaSlots(checkType, vendors), [checkType, vendors]);

  const checks = useMediaChecks(slots, files);

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

  return (
    <form onSubmit={submit} noValidate className="flex max-w-4xl flex-col gap-8" aria-busy={busy}>
      <CheckTypeChoice checkType={checkType} busy={busy} errors={serverErrors.checkType} onChoose={chooseCheckType} />

      <VendorChoice checkType={checkType} vendors={vendors} availability={availability} busy={busy} errors={serverErrors.vendors} onToggle={toggleVendor} />

      <MediaSlots checkType={checkType} slots={slots} files={files} checks={checks} serverErrors={serverErrors} setFile={setFile} />

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

      <SubmitBar
        phase={phase}
        vendors={vendors}
        canCompare={enabledVendorsFor(checkType, availability).length > 1}
        onCompare={(e) => void submit(e, "compare")}
        onCancel={() => abortRef.current?.()}
      />
    </form>
  );
}


/** Each new file decoded once (resolution, duration); the checks re-run when the slots change. */
function useMediaChecks(slots: MediaSlot[], files: Partial<Record<MediaRole, File>>): Partial<Record<MediaRole, FileCheck>> {
  const [facts, setFacts] = useState<Map<File, FileFacts>>(new Map());
  useEffect(() => {
    for (const file of Object.values(files)) {
      if (!file || facts.has(file)) continue;
      void readFileFacts(file).then((f) => setFacts((prev) => new Map(prev).set(file, f)));
    }
  }, [files, facts]);

  return useMemo(() => {
    const result: Partial<Record<MediaRole, FileCheck>> = {};
    for (const slot of slots) {
      const file = files[slot.role];
      const f = file ? facts.get(file) : undefined;
      if (file && f) result[slot.role] = checkFileFacts(slot, f);
    }
    return result;
  }, [slots, files, facts]);
}
