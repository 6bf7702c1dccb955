import { findLastFullCheck, verifyAuditChain } from "@/lib/audit/verify-audit-chain";

const utc = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

// Whether the audit log's hash chain still holds: the events since the last verified checkpoint,
// checked on each load (the same check as `npm run cli -- audit verify`), and the latest full check
// of every event (the periodic audit-verify job, or `audit verify --full`).
export async function AuditChainBanner() {
  const [verdict, lastFull] = await Promise.all([verifyAuditChain({ recordAs: "page" }), findLastFullCheck()]);
  const fullLine = lastFull
    ? lastFull.intact
      ? `Last full check ${utc(lastFull.at)}: intact (${lastFull.events} events).`
      : `Last full check ${utc(lastFull.at)}: BROKEN${lastFull.brokenAt ? ` at event #${lastFull.brokenAt}` : ""}: ${lastFull.reason ?? ""}.`
    : "No full check yet (the audit-verify job runs daily; `npm run cli -- audit verify --full` runs one now).";
  if (verdict.intact && (lastFull?.intact ?? true)) {
    return (
      <p role="status" data-testid="audit-chain" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200">
        Hash chain intact{verdict.lastId ? ` up to event #${verdict.lastId}` : ""} ({verdict.events} events; {verdict.checked} checked now since the last
        verified checkpoint): no event was changed or deleted. {fullLine}
      </p>
    );
  }
  return (
    <p role="alert" data-testid="audit-chain" className="mb-4 rounded-md bg-red-50 px-3 py-2 text-sm font-medium text-red-800 dark:bg-red-950 dark:text-red-300">
      {verdict.intact ? (
        <>Events since the last checkpoint are intact, but an earlier event was tampered with. </>
      ) : (
        <>
          Hash chain broken{verdict.brokenAt ? ` at event #${verdict.brokenAt}` : ""}: {verdict.reason}.
          {verdict.lastGoodId ? ` Intact up to event #${verdict.lastGoodId}.` : ""}{" "}
        </>
      )}
      {fullLine}
    </p>
  );
}
