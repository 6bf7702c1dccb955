"use client";

import { useState } from "react";
import { FormError, useActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { addFaceBlockAction, removeFaceBlockAction } from "../actions";

/** Adds the largest face of a picture to the face blocklist, with a reason. */
export function AddFaceBlockForm({ media }: { media: Array<{ id: string; label: string }> }) {
  const [done, setDone] = useState(false);
  const { pending, fieldErrors, formError, onSubmit } = useActionForm(addFaceBlockAction, (_data, form) => {
    setDone(true);
    form.reset();
  });
  if (media.length === 0) return null;
  return (
    <form onSubmit={onSubmit} noValidate className="grid max-w-xl gap-3 sm:grid-cols-2" aria-label="Add a face to the blocklist">
      {media.length === 1 ? (
        <input type="hidden" name="mediaId" value={media[0].id} />
      ) : (
        <Field label="Face" error={fieldErrors.mediaId}>
          {(p) => (
            <select {...p} name="mediaId" className={inputClass}>
              {media.map((m) => <option key={m.id} value={m.id}>{m.label}</option>)}
            </select>
          )}
        </Field>
      )}
      <Field label="Reason for blocking" error={fieldErrors.reason}>
        {(p) => <input {...p} name="reason" maxLength={1000} placeholder="e.g. fraud ring, ticket 4711" className={inputClass} />}
      </Field>
      <div className="flex items-end gap-3">
        <Button type="submit" variant="secondary" disabled={pending}>{pending ? "Adding…" : "Add to the face blocklist"}</Button>
        {done ? <span role="status" className="text-sm text-zinc-600">Face blocked: a new verification with this face opens a high-priority case.</span> : null}
      </div>
      <FormError error={formError} />
    </form>
  );
}

export function RemoveFaceBlockForm({ blockId }: { blockId: string }) {
  const { pending, fieldErrors, formError, onSubmit } = useActionForm(removeFaceBlockAction, () => {});
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-2" aria-label="Remove from the blocklist">
      <input type="hidden" name="blockId" value={blockId} />
      <div className="flex flex-col gap-1">
        <input name="reason" aria-label="Reason for the removal" placeholder="reason for the removal" maxLength={1000} aria-invalid={Boolean(fieldErrors.reason)} className={`${inputClass} w-56`} />
        {fieldErrors.reason ? <p role="alert" className="text-xs text-red-700">{fieldErrors.reason.join(" ")}</p> : null}
      </div>
      <Button type="submit" size="sm" variant="secondary" disabled={pending}>Remove</Button>
      {formError ? <p role="alert" className="text-xs text-red-700">{formError}</p> : null}
    </form>
  );
}
