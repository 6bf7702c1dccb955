import type { z } from "zod";
import type { ZodOpenApiRequestBodyObject, ZodOpenApiResponseObject } from "zod-openapi";
import type { ProblemCode } from "@/lib/api/problem-kinds";
import type { Role } from "@/lib/generated/prisma/enums";

// One declaration per API operation: where it lives, who may call it, what it reads and what it
// answers. The route handler parses and answers through it (lib/api/operation-route.ts) and the
// OpenAPI document is generated from the list of them (lib/api/openapi-document.ts).

export const API_TAGS = {
  verifications: "Start verifications, read their results, post vendor answers you already have.",
  "review-cases": "Verifications flagged for a person, and their decisions.",
  subjects: "Data-protection requests about one subject (a reference).",
  exports: "CSV exports of the dashboards and the audit log.",
  media: "The original files of a verification.",
  meta: "This description of the API.",
} as const;
export type ApiTag = keyof typeof API_TAGS;

/** A response; its content's schemas are zod schemas, so handlers can type their answers from them. */
interface ApiResponseSpec extends ZodOpenApiResponseObject {
  content?: { [mediaType: string]: { schema: z.ZodType } };
}

export interface ApiOperation {
  operationId: string;
  method: "get" | "post" | "delete";
  /** The OpenAPI path template, e.g. /api/v1/verifications/{id}. */
  path: `/api/${string}`;
  tag: ApiTag;
  summary: string;
  description?: string;
  /** Who may call it: roles ([] = any role), and whether API keys may; null: public, no authentication. */
  access: { roles: readonly Role[]; apiKeys: boolean } | null;
  /** Path parameters; a value that does not parse answers 404 with `notFound`, or 400 without it. */
  pathParams?: z.ZodObject;
  notFound?: string;
  query?: z.ZodObject;
  /** Request headers the operation reads (documentation; the handler reads them). */
  headers?: z.ZodObject;
  requestBody?: ZodOpenApiRequestBodyObject;
  responses: { [status: number]: ApiResponseSpec };
  /** Error kinds it answers besides 401/403 (added from `access`). */
  problems: readonly ProblemCode[];
}

export function defineOperation<const O extends ApiOperation>(operation: O): O {
  return operation;
}

/** Every error kind an operation is documented to answer. */
export function problemsOf(operation: ApiOperation): ProblemCode[] {
  const auth: ProblemCode[] = operation.access ? ["unauthenticated", "forbidden"] : [];
  return [...new Set<ProblemCode>([...auth, ...operation.problems])];
}

type Schema<S> = S extends z.ZodType ? S : never;
export type ParamsOf<O extends ApiOperation> = O["pathParams"] extends z.ZodType ? z.output<Schema<O["pathParams"]>> : Record<string, never>;
export type QueryOf<O extends ApiOperation> = O["query"] extends z.ZodType ? z.output<Schema<O["query"]>> : Record<string, never>;

/** The JSON body an operation answers with a status, typed from its declared schema. */
export type JsonAnswerOf<O extends ApiOperation, S extends keyof O["responses"]> = O["responses"][S] extends { content: { "application/json": { schema: infer Z } } }
  ? z.output<Schema<Z>>
  : never;
