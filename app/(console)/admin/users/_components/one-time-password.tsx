"use client";

import { Button } from "@/components/ui/button";

// Shown once after a create or reset: Verdict keeps only the hash.
export function OneTimePassword({ email, password, onDone }: { email: string; password: string; onDone: () => void }) {
  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950">
      <p>
        Password for <strong>{email}</strong>, shown only now. Hand it over securely:
      </p>
      <p className="mt-2 font-mono text-base" data-testid="one-time-password">
        {password}
      </p>
      <Button size="sm" variant="secondary" className="mt-2" onClick={onDone}>
        Done
      </Button>
    </div>
  );
}
