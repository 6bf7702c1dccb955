import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { verifyApiKey, type ApiKeyPrincipal } from "@/lib/api-keys/verify-api-key";
import type { Actor } from "@/lib/audit/record-audit-event";
import { getCurrentUser, hasRole, type CurrentUser } from "@/lib/auth/current-user";
import { getEnv } from "@/lib/config/env";
import { clientAddressOf } from "@/lib/http/client-address";
import { PROBLEM_KINDS, problemCodeOf, problemTypeUri, type ProblemCode } from "@/lib/api/problem-kinds";
import { AppError, BusyError, ForbiddenError, UnauthorizedError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

// API answers (JSON, media) are never kept by a browser or a shared cache: they carry faces and PII.
export const NO_STORE = "private, no-store";

// Errors leave as RFC 9457 problem documents: a stable `type` and `code` for the kind of error
// (lib/api/problem-kinds.ts), status, title, detail, field errors. Never a stack.
export function problem(code: ProblemCode, detail?: string, errors?: Record<string, string[]>, extraHeaders: Record<string, string> = {}) {
  const { status, title } = PROBLEM_KINDS[code];
  return NextResponse.json(
    { type: problemTypeUri(code), code, title, status, ...(detail ? { detail } : {}), ...(errors ? { errors } : {}) },
    { status, headers: { "content-type": "application/problem+json", "cache-control": NO_STORE, ...extraHeaders } },
  );
}

export function problemFromError(error: unknown) {
  if (error instanceof BusyError) {
    return problem("busy", error.message, undefined, { "retry-after": String(error.retryAfterSeconds) });
  }
  if (error instanceof AppError) {
    // A refused body may still be arriving: lib/http/request-body.ts discards it for a while and then
    // cuts the connection. No `Connection: close` here: Node would cut it at once, and the client,
    // still sending, could lose this answer to the reset.
    return problem(problemCodeOf(error.status), error.message, error.fieldErrors);
  }
  if (error instanceof z.ZodError) {
    return problem("invalid_request", "Some fields are invalid.", fieldErrorsOf(error));
  }
  const errorId = randomUUID();
  console.error(`request failed (error id ${errorId})`, error);
  return problem("internal_error", `Something went wrong on our side (error id ${errorId}).`);
}

export type Principal =
  | { kind: "user"; user: CurrentUser; role: Role; actor: Actor }
  | { kind: "api-key"; key: ApiKeyPrincipal; role: Role; actor: Actor };

function clientIp(req: NextRequest) {
  return clientAddressOf(req.headers);
}

// A session cookie rides along with requests other sites make from the user's browser; those carry
// their own Origin. Server actions refuse them by themselves; route handlers do it here. Requests
// with an API key are not browser requests and are not affected.
function isForeignOrigin(req: NextRequest): boolean {
  const origin = req.headers.get("origin");
  if (origin === null) return false;
  const own = new Set([req.nextUrl.origin]);
  const configured = getEnv().NEXTAUTH_URL;
  if (configured) own.add(new URL(configured).origin);
  return !own.has(origin);
}

async function authenticate(req: NextRequest, allowApiKey: boolean): Promise<Principal | null> {
  const authorization = req.headers.get("authorization");
  if (authorization?.startsWith("Bearer ")) {
    if (!allowApiKey) return null;
    const key = await verifyApiKey(authorization.slice("Bearer ".length).trim());
    if (!key) return null;
    return { kind: "api-key", key, role: key.role, actor: { kind: "api-key", id: key.id, name: key.name, ip: clientIp(req) } };
  }
  if (isForeignOrigin(req)) throw new ForbiddenError("Requests from another site may not use your session.");
  const user = await getCurrentUser();
  if (!user) return null;
  return { kind: "user", user, role: user.role, actor: { kind: "user", id: user.id, email: user.email, ip: clientIp(req) } };
}

type RouteContext<P> = { params: Promise<P> };

// The one wrapper for route handlers: authenticates (session, or API key where allowed), checks
// the role, and maps every error to a problem document.
export function apiRoute<P = Record<string, string>>(
  options: { roles: readonly Role[]; apiKeys?: boolean },
  handler: (req: NextRequest, ctx: { principal: Principal; params: P }) => Promise<Response>,
) {
  return async (req: NextRequest, context: RouteContext<P>): Promise<Response> => {
    try {
      const principal = await authenticate(req, options.apiKeys ?? false);
      if (!principal) throw new UnauthorizedError("Sign in, or send a valid API key as 'Authorization: Bearer <key>'.");
      if (!hasRole(principal, options.roles)) throw new ForbiddenError();
      const response = await handler(req, { principal, params: await context.params });
      if (!response.headers.has("cache-control")) response.headers.set("cache-control", NO_STORE);
      return response;
    } catch (error) {
      return problemFromError(error);
    }
  };
}
