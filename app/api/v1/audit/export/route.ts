import { exportAuditLog } from "@/lib/api/operations/export-operations";
import { operationRoute } from "@/lib/api/operation-route";
import { auditCsvLines } from "@/lib/audit/audit-csv";
import { auditFilterParams } from "@/lib/audit/find-audit-events";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";

export const dynamic = "force-dynamic";

// GET /api/v1/audit/export (exportAuditLog) — the filtered audit log as CSV (admins; session or admin API key), streamed.
export const GET = operationRoute(exportAuditLog, async (_req, { principal, query }) => {
  const filters = auditFilterParams(query).toString();
  // Exporting the log is itself on the log.
  await recordAuditEvent(db, principal.actor, { action: "audit.exported", targetType: "audit", after: { filters } });
  const lines = auditCsvLines(query);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="verdict-audit-${new Date().toISOString().slice(0, 10)}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
