import { z } from "zod";
import { defineOperation } from "@/lib/api/define-operation";
import { eraseSubjectSchema } from "@/lib/data-protection/erase-subject";

// Data-protection operations of /api/v1 about one subject (a reference).

const referenceParams = z.object({ reference: z.string().meta({ description: "The subject's reference, percent-encoded.", maxLength: 200 }) });

export const eraseSubject = defineOperation({
  operationId: "eraseSubject",
  method: "delete",
  path: "/api/v1/subjects/{reference}",
  tag: "subjects",
  summary: "Erase a subject",
  description:
    "Every verification of the reference loses its media and personal fields now (admin only). Verifications under legal hold are listed in `held` and kept. Idempotent: a second call erases nothing more and says so.",
  access: { roles: [], apiKeys: true },
  pathParams: referenceParams,
  requestBody: { required: true, content: { "application/json": { schema: eraseSubjectSchema.pick({ reason: true }) } } },
  responses: {
    200: {
      description: "What was erased.",
      content: {
        "application/json": {
          schema: z
            .object({
              reference: z.string(),
              verifications: z.int().meta({ description: "Verifications with this reference." }),
              erased: z.int().meta({ description: "Erased by this call." }),
              alreadyErased: z.int(),
              media: z.int().meta({ description: "Media files destroyed by this call." }),
              bytes: z.int(),
              held: z.array(z.uuid()).meta({ description: "Verifications under legal hold, not erased." }),
              message: z.string(),
            })
            .meta({ id: "SubjectErasure" }),
        },
      },
    },
  },
  problems: ["invalid_request", "not_found"],
});

export const exportSubject = defineOperation({
  operationId: "exportSubject",
  method: "get",
  path: "/api/v1/subjects/{reference}/export",
  tag: "subjects",
  summary: "Everything Verdict holds about a reference, as a zip",
  description: "subject.json, access-log.json and the media files, streamed. Admins and reviewers; a reference on legal hold: admins only. Audited before the first byte.",
  access: { roles: ["admin", "reviewer"], apiKeys: true },
  pathParams: referenceParams,
  responses: { 200: { description: "The zip.", content: { "application/zip": { schema: z.string().meta({ format: "binary" }) } } } },
  problems: ["invalid_request", "not_found"],
});

// ---- Subject history (1:N face search and subjects) ----------------------------------------------

const outcome = z.enum(["pass", "fail", "review", "error"]).nullable();

export const getSubjectHistory = defineOperation({
  operationId: "getSubjectHistory",
  method: "get",
  path: "/api/v1/subjects/{reference}",
  tag: "subjects",
  summary: "A subject's history",
  description:
    "Every verification of the reference, oldest first: its media (role, purged, faces the engine found), each vendor's latest outcome, its cases with their rules and decisions; and the reference's legal holds. Any API key; no face leaves here. `truncated` when it has more than 500 verifications (the first 500 are listed).",
  access: { roles: [], apiKeys: true },
  pathParams: referenceParams,
  responses: {
    200: {
      description: "The subject.",
      content: {
        "application/json": {
          schema: z
            .object({
              reference: z.string(),
              truncated: z.boolean(),
              holds: z.array(z.object({ id: z.uuid(), scope: z.enum(["case", "reference"]), caseId: z.uuid().nullable(), reason: z.string(), createdBy: z.string(), createdAt: z.iso.datetime() })),
              verifications: z.array(
                z.object({
                  id: z.uuid(),
                  checkType: z.string(),
                  status: z.string(),
                  source: z.string(),
                  createdAt: z.iso.datetime(),
                  completedAt: z.iso.datetime().nullable(),
                  erased: z.boolean(),
                  outcome: z.enum(["pass", "fail", "review"]).nullable().meta({ description: "The vendors' combined verdict (latest run of each)." }),
                  runs: z.array(z.object({ vendor: z.string(), outcome, status: z.string(), sandbox: z.boolean().meta({ description: "Answered by a built-in vendor sandbox: a test answer, not a real check." }) })),
                  media: z.array(z.object({ id: z.uuid(), role: z.string(), mime: z.string(), purged: z.boolean(), faces: z.int() })),
                  cases: z.array(
                    z.object({
                      id: z.uuid(), status: z.string(), rules: z.array(z.string()), priority: z.int(), openedAt: z.iso.datetime(),
                      decision: z.string().nullable(), decidedAt: z.iso.datetime().nullable(),
                      decisions: z.array(z.object({ kind: z.string(), reasonCode: z.string(), at: z.iso.datetime(), by: z.string() })),
                    }),
                  ),
                }),
              ),
            })
            .meta({ id: "SubjectHistory" }),
        },
      },
    },
  },
  problems: ["invalid_request", "not_found"],
});
