import { z } from "zod";

// Every error of the API is an RFC 9457 problem document whose `type` and `code` name its kind, so a
// client branches on them instead of on words. The type is a URN: an identifier, not a page to fetch
// (RFC 9457 §3.1.1 allows that); the kinds are listed in the OpenAPI document (components.responses).

export const PROBLEM_KINDS = {
  invalid_request: { status: 400, title: "Bad request", description: "A field, parameter or header is invalid; `errors` names each one with its messages." },
  unauthenticated: { status: 401, title: "Unauthorized", description: "No session and no valid API key (`Authorization: Bearer vdk_…`)." },
  forbidden: { status: 403, title: "Forbidden", description: "The role of the key or account does not allow this, or a browser request came from another site." },
  not_found: { status: 404, title: "Not found", description: "Nothing has this id or reference." },
  conflict: { status: 409, title: "Conflict", description: "The resource changed meanwhile; nothing was changed." },
  gone: { status: 410, title: "Gone", description: "It existed and was deleted on purpose (purged media); `detail` says when and why." },
  payload_too_large: { status: 413, title: "Payload too large", description: "The body, a file or a field is over its limit; reading stopped there. `errors` names the file's role when one file was too large." },
  unsupported_media_type: { status: 415, title: "Unsupported media type", description: "The body is neither of the content types the operation reads." },
  unprocessable: { status: 422, title: "Unprocessable content", description: "The request is well formed but cannot be carried out." },
  internal_error: { status: 500, title: "Internal server error", description: "Something failed on Verdict's side; `detail` carries an error id for the logs." },
  busy: { status: 503, title: "Service unavailable", description: "At its limit for this kind of work; retry after `Retry-After` seconds. Nothing was done." },
} as const;

export type ProblemCode = keyof typeof PROBLEM_KINDS;
const PROBLEM_CODES = Object.keys(PROBLEM_KINDS) as ProblemCode[];

export function problemTypeUri(code: ProblemCode): string {
  return `urn:verdict:problem:${code.replaceAll("_", "-")}`;
}

/** The kind of an error status; one kind per status (an unlisted status is reported as internal). */
export function problemCodeOf(status: number): ProblemCode {
  return PROBLEM_CODES.find((code) => PROBLEM_KINDS[code].status === status) ?? "internal_error";
}

const fieldErrorsSchema = z
  .record(z.string(), z.array(z.string()))
  .meta({ description: "Each invalid field, parameter, header or media role, with messages that name it." });

/** The problem document of one kind, with its `type`, `code` and `status` fixed. */
function buildProblemSchema(code: ProblemCode) {
  const kind = PROBLEM_KINDS[code];
  return z
    .object({
      type: z.literal(problemTypeUri(code)),
      code: z.literal(code),
      title: z.string(),
      status: z.literal(kind.status),
      detail: z.string().optional(),
      errors: fieldErrorsSchema.optional(),
    })
    .meta({ id: `Problem_${code}`, description: `RFC 9457 problem document: ${kind.description}` });
}

function buildProblemResponse(code: ProblemCode) {
  const kind = PROBLEM_KINDS[code];
  return {
    id: `problem_${code}`,
    description: `${kind.title} (\`${code}\`, type \`${problemTypeUri(code)}\`): ${kind.description}`,
    content: { "application/problem+json": { schema: buildProblemSchema(code) } },
  };
}

// Built once: the document registers each under components.responses and refers to it by identity.
const PROBLEM_RESPONSES = Object.fromEntries(PROBLEM_CODES.map((code) => [code, buildProblemResponse(code)])) as Record<ProblemCode, ReturnType<typeof buildProblemResponse>>;

/** The OpenAPI response of one problem kind (components.responses.problem_<code>). */
export function problemResponseOf(code: ProblemCode) {
  return PROBLEM_RESPONSES[code];
}
