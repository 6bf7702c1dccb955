"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import { cn } from "@/components/ui/cn";
import type { ActionResult } from "@/lib/actions/safe-action";

type Submission<I> = { input: I | FormData; form: HTMLFormElement | null } | "reset";

interface ServerActionOptions<I, T> {
  /**
   * Runs after the action succeeded, with its data, the input sent and the form (when a form sent
   * it); while a promise it returns runs, the action still counts as pending.
   */
  onSuccess?: (data: T, sent: { input: I | FormData; form: HTMLFormElement | null }) => void | Promise<void>;
  /** Builds the action's input from a submitted form; without it the form's FormData is sent. */
  fromForm?: (data: FormData, form: HTMLFormElement) => I;
  /**
   * The fields the form shows an error beside (a name also covers "name.child" keys). Errors of
   * any other field join the form-level error, so no message is lost.
   */
  fields?: readonly string[];
  /** Long forms, whose field errors may be out of view: say the general error at the form level too. */
  summary?: boolean;
}

const UNREACHABLE = "Verdict did not answer; check the connection and try again.";

/**
 * The one way a client component calls a server action built with authedAction, for forms and
 * for buttons alike: React's useActionState keeps the last result and whether one is running.
 * `onSubmit` sends a form (the submit button should be disabled while `pending`), `run` sends any
 * input; `fieldErrors` go beside their fields and `formError` holds the rest.
 */
export function useServerAction<I, T>(action: (input: I | FormData) => Promise<ActionResult<T>>, options: ServerActionOptions<I, T> = {}) {
  const [result, dispatch, pending] = useActionState<ActionResult<T> | null, Submission<I>>(async (_previous, submission) => {
    if (submission === "reset") return null;
    let answer: ActionResult<T>;
    try {
      answer = await action(submission.input);
    } catch {
      // The request itself failed (network, server restarting): say so instead of crashing the page.
      answer = { ok: false, error: UNREACHABLE };
    }
    if (answer.ok) await options.onSuccess?.(answer.data, submission);
    return answer;
  }, null);

  function send(submission: Submission<I>) {
    startTransition(() => dispatch(submission));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    send({ input: options.fromForm ? options.fromForm(data, form) : data, form });
  }

  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return {
    pending,
    /** The data of the last call, when it succeeded. */
    data: result?.ok ? result.data : undefined,
    fieldErrors,
    formError: result && !result.ok ? formErrorOf(result.error, fieldErrors, options) : null,
    onSubmit,
    run: (input: I) => send({ input, form: null }),
    /** Forgets the last result (e.g. when a dialog opens again). */
    reset: () => send("reset"),
  };
}

// With every field error beside its field, the general "Some fields need attention." would only
// repeat them; errors of fields the form does not show are said at the form level.
function formErrorOf(error: string, fieldErrors: Record<string, string[]>, { fields = [], summary = false }: { fields?: readonly string[]; summary?: boolean }) {
  const keys = Object.keys(fieldErrors);
  if (keys.length === 0) return error;
  const shown = (key: string) => fields.some((f) => key === f || key.startsWith(`${f}.`));
  const unshown = keys.filter((k) => !shown(k)).flatMap((k) => fieldErrors[k]);
  if (unshown.length) return [error, ...unshown].join(" ");
  return summary ? error : null;
}

/** The error of a form (or an action button) as a whole; `className` places it in the layout. */
export function FormError({ error, className }: { error: string | null; className?: string }) {
  return error ? (
    <p role="alert" className={cn("text-sm text-red-700 dark:text-red-400", className)}>
      {error}
    </p>
  ) : null;
}
