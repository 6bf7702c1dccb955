"use client";

import { useRouter } from "next/navigation";
import { FormError, useServerAction } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { markMentionsReadAction } from "../actions";

export function MarkReadButton() {
  const router = useRouter();
  const { pending, formError, run } = useServerAction(markMentionsReadAction, { onSuccess: () => router.refresh() });
  return (
    <div className="flex items-center gap-3">
      <FormError error={formError} />
      <Button variant="secondary" disabled={pending} onClick={() => run({})}>
        {pending ? "Marking…" : "Mark all as read"}
      </Button>
    </div>
  );
}
