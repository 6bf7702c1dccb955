"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { VendorPicker } from "@/components/reruns/vendor-picker";
import { FormError, SubmitButton, useServerAction } from "@/components/ui/action-form";
import type { TestSetVendorOption } from "@/lib/test-sets/vendors-for-test-set";
import type { VendorId } from "@/lib/vendors/types";
import { runTestSetAction } from "../../actions";

// Preselects only the vendors that can serve some item; the others are disabled with the reason.
export function RunTestSetForm({ testSetId, vendors }: { testSetId: string; vendors: TestSetVendorOption[] }) {
  const router = useRouter();
  const [selected, setSelected] = useState<VendorId[]>(vendors.filter((v) => !v.unavailableReason).map((v) => v.vendor));
  const { pending, fieldErrors, formError, onSubmit } = useServerAction(runTestSetAction, {
    fields: ["vendors"],
    fromForm: () => ({ testSetId, vendors: selected }),
    onSuccess: (data) => router.push(`/reruns/${data.batchId}`),
  });

  return (
    <section aria-labelledby="run-heading" className="rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="run-heading" className="mb-1 font-medium">
        Run on vendors
      </h2>
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">Every item gets a new run on each vendor picked, as a background batch; the report reads each vendor&apos;s latest run.</p>
      <form onSubmit={onSubmit} className="flex flex-col gap-3" noValidate>
        <VendorPicker
          options={vendors.map((v) => ({
            vendor: v.vendor,
            displayName: v.displayName,
            available: !v.unavailableReason,
            unavailableReason: v.unavailableReason,
            detail: !v.unavailableReason && v.servable < v.total ? <span className="text-xs text-zinc-500">serves {v.servable} of {v.total} items; the rest are skipped</span> : null,
          }))}
          selected={selected}
          onChange={setSelected}
          disabled={pending}
          errors={fieldErrors.vendors}
        />
        <div>
          <SubmitButton pending={pending} pendingLabel="Starting…">
            Run test set
          </SubmitButton>
        </div>
        <FormError error={formError} />
      </form>
    </section>
  );
}
