"use client";

import { InlineReasonForm, ReasonedActionForm } from "@/components/forms/reason-forms";
import { inputClass } from "@/components/ui/field";
import { addFaceBlockAction, removeFaceBlockAction } from "../actions";

/** Adds the largest face of a picture to the face blocklist, with a reason. */
export function AddFaceBlockForm({ media }: { media: Array<{ id: string; label: string }> }) {
  if (media.length === 0) return null;
  return (
    <ReasonedActionForm
      action={addFaceBlockAction}
      label="Add a face to the blocklist"
      hidden={{ mediaId: media.length === 1 ? media[0].id : undefined }}
      extraField={
        media.length === 1
          ? undefined
          : {
              name: "mediaId",
              label: "Face",
              control: (p) => (
                <select {...p} name="mediaId" className={inputClass}>
                  {media.map((m) => (
                    <option key={m.id} value={m.id}>
                      {m.label}
                    </option>
                  ))}
                </select>
              ),
            }
      }
      reasonLabel="Reason for blocking"
      placeholder="e.g. fraud ring, ticket 4711"
      submitLabel="Add to the face blocklist"
      pendingLabel="Adding…"
      doneMessage="Face blocked: a new verification with this face opens a high-priority case."
    />
  );
}

export function RemoveFaceBlockForm({ blockId }: { blockId: string }) {
  return <InlineReasonForm action={removeFaceBlockAction} label="Remove from the blocklist" hidden={{ blockId }} reasonLabel="Reason for the removal" submitLabel="Remove" />;
}
