"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { redeliverAction } from "../actions";

export function RedeliverButton({ deliveryId }: { deliveryId: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <span className="inline-flex items-center gap-2">
      <Button
        size="sm"
        variant="ghost"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await redeliverAction({ deliveryId });
            setError(result.ok ? null : result.error);
          })
        }
      >
        Redeliver
      </Button>
      {error ? (
        <span role="alert" className="text-red-700">
          {error}
        </span>
      ) : null}
    </span>
  );
}
