"use client";

import { useState } from "react";
import { FormError, useServerAction } from "@/components/ui/action-form";
import { setJumpToNextCaseAction } from "../actions";

// The reviewer's own setting (stored on the user, audited): open the next case right after deciding.
export function JumpToNextSetting({ enabled, onChange }: { enabled: boolean; onChange?: (enabled: boolean) => void }) {
  const [requested, setRequested] = useState(enabled);
  const [saved, setSaved] = useState(enabled);
  const { pending, formError, run } = useServerAction(setJumpToNextCaseAction, {
    onSuccess: (data) => {
      setSaved(data.jumpToNextCase);
      onChange?.(data.jumpToNextCase);
    },
  });
  return (
    <div className="flex flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          // Shows the choice at once; a refused change falls back to what is stored.
          checked={formError ? saved : requested}
          disabled={pending}
          onChange={(e) => {
            setRequested(e.target.checked);
            run({ enabled: e.target.checked });
          }}
        />
        Open the next case right after deciding
      </label>
      <FormError error={formError} className="text-xs" />
    </div>
  );
}
