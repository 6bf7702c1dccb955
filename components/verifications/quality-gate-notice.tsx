import { ROLE_LABELS, vendorDisplayName } from "@/lib/verifications/verification-labels";
import type { MediaRole } from "@/lib/generated/prisma/enums";
import type { QualityGateSummary } from "@/lib/quality-gate/describe-gate";

// "Check quality first" on a verification: which file failed and why, and the paid calls saved.
export function QualityGateNotice({ gate }: { gate: QualityGateSummary | null }) {
  if (!gate) return null;
  if (gate.status === "pending") {
    return (
      <p role="status" className="mb-6 rounded-md border border-zinc-200 bg-zinc-50 p-3 text-sm dark:border-zinc-800 dark:bg-zinc-900" data-testid="quality-gate">
        Checking quality first: the vendors are called once Verdict&apos;s engine has read the media.
      </p>
    );
  }
  if (gate.status === "passed") {
    return (
      <p className="mb-6 text-sm text-zinc-600 dark:text-zinc-400" data-testid="quality-gate">
        Quality checked first by Verdict&apos;s engine: the media were usable, the vendors were called.
      </p>
    );
  }
  return (
    <div role="alert" className="mb-6 rounded-md border border-red-300 bg-red-50 p-3 text-sm dark:border-red-900 dark:bg-red-950" data-testid="quality-gate">
      <p className="font-medium">The quality check stopped this verification: the vendors were not called.</p>
      <ul className="mt-1 list-disc pl-5">
        {gate.problems.map((p, i) => (
          <li key={i}>
            {p.role && p.role in ROLE_LABELS ? <strong>{ROLE_LABELS[p.role as MediaRole]}: </strong> : null}
            {p.message} <span className="font-mono text-xs text-zinc-500">{p.code}</span>
          </li>
        ))}
      </ul>
      <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">Calls saved: {gate.skippedVendors.map(vendorDisplayName).join(", ")}. Upload better pictures and try again.</p>
    </div>
  );
}
