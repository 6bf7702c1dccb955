import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

// Whether the audit log's hash chain still holds (the same check as `npm run cli -- audit verify`).
export async function AuditChainBanner() {
  const verdict = await verifyAuditChain();
  if (verdict.intact) {
    return (
      <p role="status" data-testid="audit-chain" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">
        Hash chain intact{verdict.lastId ? ` up to event #${verdict.lastId}` : ""} ({verdict.events} events): no event was changed or deleted.
      </p>
    );
  }
  return (
    <p role="alert" data-testid="audit-chain" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm font-medium text-red-800 dark:bg-red-950 dark:text-red-300">
      Hash chain broken{verdict.brokenAt ? ` at event #${verdict.brokenAt}` : ""}: {verdict.reason}.
      {verdict.lastGoodId ? ` Intact up to event #${verdict.lastGoodId}.` : ""}
    </p>
  );
}
