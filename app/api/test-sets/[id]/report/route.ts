import { NextResponse } from "next/server";
import { z } from "zod";
import { NotFoundError } from "@/lib/errors";
import { apiRoute } from "@/lib/http/api-route";
import { buildTestSetReport } from "@/lib/test-sets/build-test-set-report";
import { reportItemsCsv, reportMetricsCsv } from "@/lib/test-sets/report-csv";

export const dynamic = "force-dynamic";

const querySchema = z.object({
  format: z.enum(["json", "csv"]).catch("json"),
  table: z.enum(["metrics", "items"]).catch("metrics"),
  sandbox: z.literal("include").optional().catch(undefined),
});

// GET /api/test-sets/{id}/report?format=json|csv&table=metrics|items[&sandbox=include] — the report as a
// download; built-in sandbox answers are left out unless sandbox=include.
export const GET = apiRoute<{ id: string }>({ roles: [] }, async (req, { params }) => {
  const id = z.uuid().safeParse(params.id);
  const query = querySchema.parse(Object.fromEntries(req.nextUrl.searchParams));
  const report = id.success ? await buildTestSetReport(id.data, { includeSandbox: query.sandbox === "include" }) : null;
  if (!report) throw new NotFoundError("No test set has this id.");
  const base = `test-set-${report.testSet.name.replace(/[^a-z0-9_-]+/gi, "-").slice(0, 60)}-${report.generatedAt.slice(0, 10)}`;
  if (query.format === "json") {
    return new NextResponse(JSON.stringify(report, null, 2), {
      headers: { "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="${base}.json"` },
    });
  }
  const csv = query.table === "items" ? reportItemsCsv(report) : reportMetricsCsv(report);
  return new NextResponse(csv, { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${base}-${query.table}.csv"` } });
});
