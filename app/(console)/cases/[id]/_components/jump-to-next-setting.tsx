"use client";

import { useState, useTransition } from "react";
import { setJumpToNextCaseAction } from "../actions";

// The reviewer's own setting (stored on the user, audited): open the next case right after deciding.
export function JumpToNextSetting({ enabled, onChange }: { enabled: boolean; onChange?: (enabled: boolean) => void }) {
  const [checked, setChecked] = useState(enabled);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <div className="flex flex-col gap-1 text-xs text-zinc-600 dark:text-zinc-400">
      <label className="flex items-center gap-2">
        <input
          type="checkbox"
          checked={checked}
          disabled={pending}
          onChange={(e) => {
            const next = e.target.checked;
            setChecked(next);
            startTransition(async () => {
              const result = await setJumpToNextCaseAction({ enabled: next });
              if (result.ok) {
                setError(null);
                onChange?.(next);
              } else {
                setChecked(!next);
                setError(result.error);
              }
            });
          }}
        />
        Open the next case right after deciding
      </label>
      {error ? (
        <span role="alert" className="text-red-700 dark:text-red-400">
          {error}
        </span>
      ) : null}
    </div>
  );
}
