import { auditWhere, type AuditFilters } from "@/lib/audit/find-audit-events";
import { changeText, describeAuditChange } from "@/lib/audit/describe-audit-event";
import { db } from "@/lib/db";
import { csvCell } from "@/lib/dashboards/dashboard-csv";

// The filtered audit log as CSV (RFC 4180, CRLF), streamed page by page (keyset on id), newest
// first. Cells a spreadsheet would run as a formula (= + - @) get a leading apostrophe.

const PAGE = 1000;
export const AUDIT_CSV_HEADER = ["id", "at_utc", "actor", "action", "target_type", "target_id", "change", "before_json", "after_json", "ip"];

export async function* auditCsvLines(search: AuditFilters): AsyncGenerator<string> {
  const where = await auditWhere(search);
  yield AUDIT_CSV_HEADER.join(",") + "\r\n";
  let cursor: bigint | undefined;
  for (;;) {
    const rows = await db.auditEvent.findMany({
      where: { AND: [where, cursor !== undefined ? { id: { lt: cursor } } : {}] },
      orderBy: { id: "desc" },
      take: PAGE,
    });
    for (const e of rows) {
      yield [
        e.id.toString(),
        e.at.toISOString(),
        e.actorLabel,
        e.action,
        e.targetType,
        e.targetId,
        changeText(describeAuditChange(e.before, e.after)),
        e.before === null ? null : JSON.stringify(e.before),
        e.after === null ? null : JSON.stringify(e.after),
        e.ip,
      ]
        .map(csvCell)
        .join(",") + "\r\n";
    }
    if (rows.length < PAGE) return;
    cursor = rows[rows.length - 1].id;
  }
}
