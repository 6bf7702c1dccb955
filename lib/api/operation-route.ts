import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { ApiOperation, JsonAnswerOf, ParamsOf, QueryOf } from "@/lib/api/define-operation";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { apiRoute, type Principal } from "@/lib/http/api-route";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

// The route handler of a declared operation: authenticates and checks the role (apiRoute), parses
// the path parameters (404 when they cannot name anything) and the query string (400 naming each
// parameter) with the operation's own schemas, and hands the parsed values to the handler.

interface OperationContext<O extends ApiOperation> {
  principal: Principal;
  params: ParamsOf<O>;
  query: QueryOf<O>;
}

export function operationRoute<const O extends ApiOperation>(operation: O, handler: (req: NextRequest, ctx: OperationContext<O>) => Promise<Response>) {
  if (!operation.access) throw new Error(`${operation.operationId} is public: it needs no operationRoute.`);
  return apiRoute<Record<string, string>>(operation.access, async (req, { principal, params: rawParams }) => {
    const params = operation.pathParams ? operation.pathParams.safeParse(rawParams) : null;
    // An id that cannot name anything is simply not found, where the operation says so.
    if (params && !params.success) throw operation.notFound ? new NotFoundError(operation.notFound) : params.error;
    const query = operation.query ? operation.query.safeParse(Object.fromEntries(req.nextUrl.searchParams)) : null;
    if (query && !query.success) throw new ValidationError("Some query parameters are invalid.", fieldErrorsOf(query.error));
    return handler(req, { principal, params: (params?.data ?? {}) as ParamsOf<O>, query: (query?.data ?? {}) as QueryOf<O> });
  });
}

/** A JSON answer of an operation, its body typed from the schema declared for that status. */
export function answer<const O extends ApiOperation, S extends keyof O["responses"] & number>(
  _operation: O,
  status: S,
  body: JsonAnswerOf<O, S>,
  headers?: Record<string, string>,
): NextResponse {
  return NextResponse.json(body, { status, headers });
}
