"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { cancelRerunBatchAction } from "@/app/(console)/reruns/actions";

export function CancelBatchButton({ batchId }: { batchId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);

  function cancel() {
    startTransition(async () => {
      const result = await cancelRerunBatchAction({ batchId });
      setConfirming(false);
      setMessage(result.ok ? `Cancelled; ${result.data.cancelledRuns} queued run(s) will not be sent.` : result.error);
      router.refresh();
    });
  }

  return (
    <div className="flex items-center gap-2">
      {confirming ? (
        <>
          <span className="text-sm">Stop the batch? Runs already at a vendor finish; queued ones are cancelled.</span>
          <Button variant="danger" size="sm" onClick={cancel} disabled={pending}>
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
      {message ? (
        <p role="status" className="text-sm">
          {message}
        </p>
      ) : null}
    </div>
  );
}
