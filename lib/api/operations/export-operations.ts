import { z } from "zod";
import { defineOperation } from "@/lib/api/define-operation";
import { auditFilterSchema } from "@/lib/audit/find-audit-events";
import { DASHBOARD_DATASETS } from "@/lib/dashboards/dashboard-csv";
import { dashboardSearchSchema } from "@/lib/dashboards/dashboard-filters";

// CSV exports of /api/v1. Their filters are the pages' own: a value that does not parse is ignored
// (the page's default), like a hand-edited page URL; only a missing or unknown dataset is refused.

const csv = { "text/csv": { schema: z.string().meta({ description: "CSV with a header row; cells starting with = + - @ are prefixed with an apostrophe." }) } };

export const exportDashboard = defineOperation({
  operationId: "exportDashboard",
  method: "get",
  path: "/api/v1/dashboards/export",
  tag: "exports",
  summary: "One dashboard table as CSV, with the dashboards page's filters and defaults",
  access: { roles: ["admin", "reviewer", "operator", "viewer"], apiKeys: true },
  query: dashboardSearchSchema.extend({
    dataset: z.enum(DASHBOARD_DATASETS, { error: `Choose one of: ${DASHBOARD_DATASETS.join(", ")}.` }).meta({ description: "Which table." }),
  }),
  responses: { 200: { description: "One row per bucket or group.", content: csv } },
  problems: ["invalid_request"],
});

export const exportAuditLog = defineOperation({
  operationId: "exportAuditLog",
  method: "get",
  path: "/api/v1/audit/export",
  tag: "exports",
  summary: "The audit log as CSV, filtered like the audit page, newest first (admins)",
  description: "The export is itself recorded in the audit log.",
  access: { roles: ["admin"], apiKeys: true },
  query: auditFilterSchema,
  responses: { 200: { description: "The events, streamed.", content: csv } },
  problems: [],
});
