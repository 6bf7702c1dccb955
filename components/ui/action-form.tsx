"use client";

import { startTransition, useActionState, type FormEvent, type ReactNode } from "react";
import { Button, type ButtonProps } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { formErrorOf } from "@/components/ui/form-error-of";
import type { ActionResult } from "@/lib/actions/safe-action";

type Call<T> = { call: () => Promise<ActionResult<T>>; form: HTMLFormElement | null } | "reset";

interface ServerActionOptions<I, T> {
  /**
   * Runs after the action succeeded, with its data and the form that sent it (null for `run`);
   * while a promise it returns runs, the action still counts as pending.
   */
  onSuccess?: (data: T, form: HTMLFormElement | null) => void | Promise<void>;
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

interface ServerActionHandle<I, T> {
  pending: boolean;
  /** The data of the last call, when it succeeded. */
  data: T | undefined;
  fieldErrors: Record<string, string[]>;
  formError: string | null;
  /** A form's onSubmit: sends the form (as FormData, or what `fromForm` makes of it). */
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Calls the action with this input (buttons, controlled inputs). */
  run: (input: I) => void;
  /** Forgets the last result (e.g. when the user starts over). */
  reset: () => void;
}

const UNREACHABLE = "Verdict did not answer; check the connection and try again.";

/**
 * The one way a client component calls a server action, for forms and for buttons alike: React's
 * useActionState keeps the last result and whether a call is running (disable the submit button
 * while `pending`). `fieldErrors` go beside their fields, `formError` holds the rest.
 *
 * Actions built with authedAction take any input, so a form may send its FormData as is. A
 * client-side function with a typed input (several actions behind one set of buttons) gets `run`
 * only.
 */
export function useServerAction<T>(action: (input: unknown) => Promise<ActionResult<T>>, options?: ServerActionOptions<unknown, T>): ServerActionHandle<unknown, T>;
export function useServerAction<I, T>(action: (input: I) => Promise<ActionResult<T>>, options?: Omit<ServerActionOptions<I, T>, "fromForm">): Omit<ServerActionHandle<I, T>, "onSubmit">;
export function useServerAction<I, T>(action: (input: I | FormData) => Promise<ActionResult<T>>, options: ServerActionOptions<I, T> = {}): ServerActionHandle<I, T> {
  const [result, dispatch, pending] = useActionState<ActionResult<T> | null, Call<T>>(async (_previous, submission) => {
    if (submission === "reset") return null;
    let answer: ActionResult<T>;
    try {
      answer = await submission.call();
    } catch {
      // The request itself failed (network, server restarting): say so instead of crashing the page.
      answer = { ok: false, error: UNREACHABLE };
    }
    if (answer.ok) await options.onSuccess?.(answer.data, submission.form);
    return answer;
  }, null);

  function send(submission: Call<T>) {
    startTransition(() => dispatch(submission));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = options.fromForm ? options.fromForm(data, form) : data;
    send({ call: () => action(input), form });
  }

  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};
  return {
    pending,
    data: result?.ok ? result.data : undefined,
    fieldErrors,
    formError: result && !result.ok ? formErrorOf(result.error, fieldErrors, options) : null,
    onSubmit,
    run: (input) => send({ call: () => action(input), form: null }),
    reset: () => send("reset"),
  };
}

/**
 * The error of a form (or an action button) as a whole; `className` places it in the layout, and
 * `banner` sets it apart above a table whose rows have the buttons.
 */
export function FormError({ error, className, banner = false }: { error: string | null; className?: string; banner?: boolean }) {
  return error ? (
    <p role="alert" className={cn("text-sm text-red-700 dark:text-red-400", banner && "rounded-md bg-red-50 px-3 py-2 text-red-800 dark:bg-red-950 dark:text-red-300", className)}>
      {error}
    </p>
  ) : null;
}

/** A form's submit button: disabled while its action runs, and saying so with `pendingLabel`. */
export function SubmitButton({ pending, pendingLabel, disabled, children, ...props }: Omit<ButtonProps, "type"> & { pending: boolean; pendingLabel?: ReactNode }) {
  return (
    <Button {...props} type="submit" disabled={pending || disabled}>
      {pending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
