import type { ApiOperation } from "@/lib/api/define-operation";
import { exportAuditLog, exportDashboard } from "@/lib/api/operations/export-operations";
import { getMedia } from "@/lib/api/operations/media-operations";
import { getOpenApiDocument } from "@/lib/api/operations/meta-operations";
import { getReviewCase, listReviewCases } from "@/lib/api/operations/review-case-operations";
import { eraseSubject, exportSubject } from "@/lib/api/operations/subject-operations";
import { createVerification, getVerification, ingestVerification, listVerifications } from "@/lib/api/operations/verification-operations";

// Every operation of the API, in the order the document lists them. A new operation is declared in
// its resource's file, listed here, and served by a route.ts through operationRoute.
export const API_OPERATIONS: readonly ApiOperation[] = [
  createVerification,
  listVerifications,
  getVerification,
  ingestVerification,
  listReviewCases,
  getReviewCase,
  eraseSubject,
  exportSubject,
  exportDashboard,
  exportAuditLog,
  getMedia,
  getOpenApiDocument,
];
