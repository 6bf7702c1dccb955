"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { VendorPicker } from "@/components/reruns/vendor-picker";
import { Button } from "@/components/ui/button";
import type { VendorId } from "@/lib/vendors/types";
import { runTestSetAction } from "../../actions";

export function RunTestSetForm({ testSetId, vendors }: { testSetId: string; vendors: { vendor: VendorId; displayName: string; enabled: boolean }[] }) {
  const router = useRouter();
  const [selected, setSelected] = useState<VendorId[]>(vendors.filter((v) => v.enabled).map((v) => v.vendor));
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: React.FormEvent) {
    event.preventDefault();
    if (selected.length === 0) return setError("Pick at least one vendor.");
    startTransition(async () => {
      const result = await runTestSetAction({ testSetId, vendors: selected });
      if (result.ok) router.push(`/reruns/${result.data.batchId}`);
      else setError([result.error, ...Object.values(result.fieldErrors ?? {}).flat()].join(" "));
    });
  }

  return (
    <section aria-labelledby="run-heading" className="rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="run-heading" className="mb-1 font-medium">
        Run on vendors
      </h2>
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">Every item gets a new run on each vendor picked, as a background batch; the report reads each vendor&apos;s latest run.</p>
      <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
        <VendorPicker
          options={vendors.map((v) => ({ vendor: v.vendor, displayName: v.displayName, available: v.enabled, unavailableReason: v.enabled ? null : "not enabled" }))}
          selected={selected}
          onChange={setSelected}
          disabled={pending}
        />
        <div>
          <Button type="submit" disabled={pending}>
            {pending ? "Starting…" : "Run test set"}
          </Button>
        </div>
        {error ? (
          <p role="alert" className="text-sm text-red-700 dark:text-red-400">
            {error}
          </p>
        ) : null}
      </form>
    </section>
  );
}
