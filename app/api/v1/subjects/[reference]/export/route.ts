import { exportSubject } from "@/lib/api/operations/subject-operations";
import { operationRoute } from "@/lib/api/operation-route";
import { streamSubjectExport } from "@/lib/data-protection/export-subject";
import { decodeReferenceParam, referenceField } from "@/lib/data-protection/legal-holds";

export const dynamic = "force-dynamic";

// GET /api/v1/subjects/{reference}/export (exportSubject) — a zip of everything held about the reference
// (admins and reviewers; a reference on legal hold: admins only). Audited before the first byte.
export const GET = operationRoute(exportSubject, async (_req, { principal, params }) => {
  const reference = referenceField().parse(decodeReferenceParam(params.reference));
  const body = await streamSubjectExport(principal.actor, principal.role, reference);
  const safeName = reference.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 80);
  return new Response(body, {
    status: 200,
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="verdict-subject-${safeName}.zip"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
