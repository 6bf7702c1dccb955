import "server-only";
import type { z } from "zod";
import { userActor, requireUser, type CurrentUser } from "@/lib/auth/current-user";
import type { Actor } from "@/lib/audit/record-audit-event";
import { AppError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { describeUnsafeJson, findUnsafeJson } from "@/lib/validation/unsafe-input";
import type { Role } from "@/lib/generated/prisma/enums";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

function toObject(input: unknown): unknown {
  if (input instanceof FormData) {
    const out: Record<string, FormDataEntryValue> = {};
    for (const [key, value] of input.entries()) if (!key.startsWith("$ACTION")) out[key] = value;
    return out;
  }
  return input;
}

interface ActionContext {
  user: CurrentUser;
  actor: Actor;
}

// The one way to build a server action: check the session, check the role, parse the input, and
// answer with a result the form can show — never a thrown error with a stack trace.
export function authedAction<S extends z.ZodType, T>(
  options: { roles: readonly Role[]; schema: S },
  handler: (input: z.output<S>, ctx: ActionContext) => Promise<T>,
) {
  return async (input: unknown): Promise<ActionResult<T>> => {
    try {
      const user = await requireUser(options.roles);
      const object = toObject(input);
      // PostgreSQL cannot store NUL characters; say which field has one instead of failing later.
      const unsafe = findUnsafeJson(object);
      if (unsafe) {
        const { field, message } = describeUnsafeJson(unsafe, "input");
        return { ok: false, error: "Some fields need attention.", fieldErrors: { [field]: [message] } };
      }
      const parsed = options.schema.safeParse(object);
      if (!parsed.success) {
        return { ok: false, error: "Some fields need attention.", fieldErrors: fieldErrorsOf(parsed.error) };
      }
      const data = await handler(parsed.data, { user, actor: await userActor(user) });
      return { ok: true, data };
    } catch (error) {
      if (error instanceof AppError) return { ok: false, error: error.message, fieldErrors: error.fieldErrors };
      console.error("action failed", error);
      return { ok: false, error: "Something went wrong on our side; nothing was changed." };
    }
  };
}
