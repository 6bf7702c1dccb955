// OpenAPI of GET /api/v1/subjects/{reference} (subject history), kept apart from
// openapi-document.ts so that file's other paths can change independently; spread into its path.

const outcome = { type: "string", enum: ["pass", "fail", "review", "error"], nullable: true } as const;

export const subjectHistoryOperation = {
  get: {
    summary: "A subject's history: every verification of the reference over time (oldest first) with its media (and how many faces the engine found), each vendor's latest outcome, cases and decisions; any API key",
    parameters: [{ name: "reference", in: "path", required: true, schema: { type: "string", maxLength: 200 } }],
    responses: {
      "200": {
        description: "The subject; `truncated` when it has more than 500 verifications (the first 500 are listed)",
        content: {
          "application/json": {
            schema: {
              type: "object",
              properties: {
                reference: { type: "string" },
                truncated: { type: "boolean" },
                holds: { type: "array", items: { type: "object", properties: { id: { type: "string" }, scope: { type: "string", enum: ["case", "reference"] }, caseId: { type: "string", nullable: true }, reason: { type: "string" }, createdAt: { type: "string", format: "date-time" } } } },
                verifications: {
                  type: "array",
                  items: {
                    type: "object",
                    properties: {
                      id: { type: "string", format: "uuid" }, checkType: { type: "string" }, status: { type: "string" }, createdAt: { type: "string", format: "date-time" },
                      erased: { type: "boolean" }, outcome,
                      runs: { type: "array", items: { type: "object", properties: { vendor: { type: "string" }, outcome, status: { type: "string" } } } },
                      media: { type: "array", items: { type: "object", properties: { id: { type: "string", format: "uuid" }, role: { type: "string" }, purged: { type: "boolean" }, faces: { type: "integer" } } } },
                      cases: { type: "array", items: { type: "object", properties: { id: { type: "string", format: "uuid" }, status: { type: "string" }, rules: { type: "array", items: { type: "string" } }, decision: { type: "string", nullable: true }, decisions: { type: "array", items: { type: "object" } } } } },
                    },
                  },
                },
              },
            },
          },
        },
      },
      "404": { description: "No verification has this reference" },
    },
  },
} as const;
