"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { runRetentionNowAction } from "../actions";

export function RunNowButton() {
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <div className="flex items-center gap-3">
      <Button
        variant="danger"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await runRetentionNowAction({});
            setMessage(result.ok ? "Purge queued: it runs in the background; refresh to see its result below." : result.error);
          })
        }
      >
        {pending ? "Queueing…" : "Run now"}
      </Button>
      {message ? <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">{message}</p> : null}
    </div>
  );
}
