"use client";

import { Layers } from "lucide-react";
import { useRouter } from "next/navigation";
import { startBulkRerunFromFilterAction } from "../actions";
import type { VerificationFilter } from "@/lib/reruns/rerun-selection";
import type { VendorId } from "@/lib/vendors/types";
import { RerunFormDialog } from "./rerun-form-dialog";

export interface BulkVendorChoice {
  vendor: VendorId;
  displayName: string;
  enabled: boolean;
}

// "Rerun these…" on a filtered verifications list: every verification the filters select (all
// pages, not just this one) is rerun on the chosen vendors as a background batch.
export function BulkRerunDialog({ filter, vendors, describe }: { filter: VerificationFilter; vendors: BulkVendorChoice[]; describe: string }) {
  const router = useRouter();
  return (
    <RerunFormDialog
      trigger={{
        label: (
          <>
            <Layers className="size-4" aria-hidden /> Rerun these…
          </>
        ),
      }}
      title="Rerun every matching verification"
      description={
        <>
          Selection: <strong>{describe}</strong> (every page). Runs are created in the background, respecting each vendor&apos;s rate limit; you can follow and cancel the batch.
        </>
      }
      options={vendors.map((v) => ({ vendor: v.vendor, displayName: v.displayName, available: v.enabled, unavailableReason: v.enabled ? null : "not enabled" }))}
      initialVendors={filter.vendor ? [filter.vendor] : vendors.filter((v) => v.enabled).map((v) => v.vendor)}
      pickerExtra={() => <p className="text-xs text-zinc-500">A vendor only reruns the verifications whose check type it serves.</p>}
      submitLabel="Start batch"
      pendingLabel="Starting…"
      action={startBulkRerunFromFilterAction}
      input={{ filter }}
      onSuccess={(data) => router.push(`/reruns/${data.batchId}`)}
    />
  );
}
