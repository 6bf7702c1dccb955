"use client";

import { FormError, useServerAction } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { redeliverAction } from "../actions";

export function RedeliverButton({ deliveryId }: { deliveryId: string }) {
  const { pending, formError, run } = useServerAction(redeliverAction);
  return (
    <span className="inline-flex items-center gap-2">
      <Button size="sm" variant="ghost" disabled={pending} onClick={() => run({ deliveryId })}>
        Redeliver
      </Button>
      <FormError error={formError} className="inline" />
    </span>
  );
}
