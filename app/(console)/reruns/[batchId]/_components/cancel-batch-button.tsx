"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { FormError, useServerAction } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { cancelRerunBatchAction } from "@/app/(console)/reruns/actions";

export function CancelBatchButton({ batchId }: { batchId: string }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const { pending, data, formError, run } = useServerAction(cancelRerunBatchAction, {
    onSuccess: () => {
      setConfirming(false);
      router.refresh();
    },
  });

  return (
    <div className="flex items-center gap-2">
      {confirming ? (
        <>
          <span className="text-sm">Stop the batch? Runs already at a vendor finish; queued ones are cancelled.</span>
          <Button variant="danger" size="sm" onClick={() => run({ batchId })} disabled={pending}>
            {pending ? "Cancelling…" : "Yes, cancel the batch"}
          </Button>
          <Button variant="ghost" size="sm" onClick={() => setConfirming(false)} disabled={pending}>
            Keep running
          </Button>
        </>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          Cancel batch
        </Button>
      )}
      {data ? (
        <p role="status" className="text-sm">
          Cancelled; {data.cancelledRuns} queued run(s) will not be sent.
        </p>
      ) : null}
      <FormError error={formError} />
    </div>
  );
}
