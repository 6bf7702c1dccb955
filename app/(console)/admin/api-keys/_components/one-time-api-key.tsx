"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";

// Shown once after a create: Verdict keeps only the hash, so this is the only chance to copy it.
export function OneTimeApiKey({ name, apiKey, onDone }: { name: string; apiKey: string; onDone: () => void }) {
  const [copied, setCopied] = useState<"yes" | "failed" | null>(null);

  async function copy() {
    try {
      await navigator.clipboard.writeText(apiKey);
      setCopied("yes");
    } catch {
      setCopied("failed");
    }
  }

  return (
    <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-800 dark:bg-amber-950">
      <p>
        API key <strong>{name}</strong>, shown only now. Store it in the calling service&apos;s secrets:
      </p>
      <p className="mt-2 break-all font-mono text-base" data-testid="one-time-api-key">
        {apiKey}
      </p>
      <div className="mt-2 flex items-center gap-2">
        <Button size="sm" onClick={copy}>
          Copy key
        </Button>
        <Button size="sm" variant="secondary" onClick={onDone}>
          Done
        </Button>
        <span aria-live="polite" className="text-xs text-zinc-600 dark:text-zinc-400">
          {copied === "yes" ? "Copied." : copied === "failed" ? "Copy failed: select the key and copy it by hand." : ""}
        </span>
      </div>
    </div>
  );
}
