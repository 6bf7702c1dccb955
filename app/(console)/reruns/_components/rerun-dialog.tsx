"use client";

import { RotateCcw } from "lucide-react";
import { useRouter } from "next/navigation";
import { Button } from "@/components/ui/button";
import { rerunVerificationAction } from "../actions";
import type { RerunOptions } from "@/lib/reruns/get-rerun-options";
import { RerunFormDialog } from "./rerun-form-dialog";

// "Rerun…" for one verification: pick the same vendor(s), another vendor serving the check type, or
// all of them, say why, and the new runs are queued (history is kept). Drop-in for any page that
// has a verification: pass what getRerunOptions(verificationId) returns (or use <RerunButton>).
export function RerunDialog({ options, buttonLabel = "Rerun…" }: { options: RerunOptions; buttonLabel?: string }) {
  const router = useRouter();
  const available = options.vendors.filter((v) => v.available);
  const alreadyRun = available.filter((v) => v.attempts > 0).map((v) => v.vendor);
  return (
    <RerunFormDialog
      trigger={{
        label: (
          <>
            <RotateCcw className="size-4" aria-hidden /> {buttonLabel}
          </>
        ),
        disabled: available.length === 0,
        title: available.length === 0 ? "No vendor can rerun this verification now" : undefined,
      }}
      title="Rerun this verification"
      description="Each vendor picked gets a new run on the same media; earlier runs stay as they are."
      options={options.vendors.map((v) => ({
        ...v,
        detail: <span className="text-xs text-zinc-500">{v.attempts ? `${v.attempts} run${v.attempts > 1 ? "s" : ""} so far` : "not run yet"}</span>,
      }))}
      initialVendors={alreadyRun}
      pickerExtra={(pick, pending) => (
        <div className="flex gap-2">
          <Button size="sm" variant="ghost" onClick={() => pick(alreadyRun)} disabled={pending}>
            Same vendors
          </Button>
          <Button size="sm" variant="ghost" onClick={() => pick(available.map((v) => v.vendor))} disabled={pending}>
            All vendors
          </Button>
        </div>
      )}
      placeholder="e.g. vendor fixed a bug; check the new model"
      submitLabel="Rerun"
      pendingLabel="Queuing…"
      action={rerunVerificationAction}
      input={{ verificationId: options.verificationId }}
      onSuccess={() => router.refresh()}
      successMessage={(data) => `Rerun queued: ${data.runs.map((r) => `${r.vendor} run ${r.attempt}`).join(", ")}.`}
    />
  );
}
