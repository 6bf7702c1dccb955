"use client";

import { FormError, useServerAction } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { runRetentionNowAction } from "../actions";

export function RunNowButton() {
  const { pending, data, formError, run } = useServerAction(runRetentionNowAction);
  return (
    <div className="flex items-center gap-3">
      <Button variant="danger" disabled={pending} onClick={() => run({})}>
        {pending ? "Queueing…" : "Run now"}
      </Button>
      {data ? <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">Purge queued: it runs in the background; refresh to see its result below.</p> : null}
      <FormError error={formError} />
    </div>
  );
}
