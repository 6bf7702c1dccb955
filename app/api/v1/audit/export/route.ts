import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { auditCsvLines } from "@/lib/audit/audit-csv";
import { auditFilterParams, parseAuditSearch } from "@/lib/audit/find-audit-events";
import { ValidationError } from "@/lib/errors";
import { db } from "@/lib/db";
import { apiRoute } from "@/lib/http/api-route";

export const dynamic = "force-dynamic";

// GET /api/v1/audit/export?from=…&to=…&actor=…&action=…&targetType=…&targetId=…&verification=…&reference=…
// The filtered audit log as CSV (admins; session or admin API key), streamed.
export const GET = apiRoute({ roles: ["admin"], apiKeys: true }, async (req, { principal }) => {
  const { search, errors } = parseAuditSearch(Object.fromEntries(req.nextUrl.searchParams));
  if (Object.keys(errors).length) {
    throw new ValidationError("Some query parameters are invalid.", Object.fromEntries(Object.entries(errors).map(([field, message]) => [field, [message]])));
  }
  const filters = auditFilterParams(search).toString();
  // Exporting the log is itself on the log.
  await recordAuditEvent(db, principal.actor, { action: "audit.exported", targetType: "audit", after: { filters } });
  const lines = auditCsvLines(search);
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
