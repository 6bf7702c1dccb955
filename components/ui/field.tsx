import { useId } from "react";
import { cn } from "@/components/ui/cn";

export const inputClass =
  "h-9 w-full rounded-md border border-zinc-300 bg-white px-2.5 text-sm text-zinc-900 placeholder:text-zinc-400 " +
  "aria-invalid:border-red-600 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100";

/** What an input (or fieldset) carries when FieldError shows its error under `errorId`. */
export function fieldErrorProps(errorId: string, error?: string[]) {
  return { "aria-invalid": Boolean(error?.length), "aria-describedby": error?.length ? errorId : undefined };
}

/** A field's error message, beside the field; the field names it with aria-describedby (fieldErrorProps). */
export function FieldError({ id, error, className }: { id: string; error?: string[]; className?: string }) {
  return error?.length ? (
    <p id={id} role="alert" className={cn("text-xs text-red-700 dark:text-red-400", className)}>
      {error.join(" ")}
    </p>
  ) : null;
}

/** Renders a Field's input, given the id and aria attributes that tie it to its label and error. */
export type FieldControl = (props: { id: string; "aria-invalid": boolean; "aria-describedby"?: string }) => React.ReactNode;

// A labelled input with its error message wired up for screen readers.
export function Field({
  label,
  error,
  hint,
  children,
}: {
  label: string;
  error?: string[];
  hint?: string;
  children: FieldControl;
}) {
  const id = useId();
  const invalid = fieldErrorProps(`${id}-error`, error);
  const describedBy = invalid["aria-describedby"] ?? (hint ? `${id}-hint` : undefined);
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium text-zinc-700 dark:text-zinc-300">
        {label}
      </label>
      {children({ id, "aria-invalid": invalid["aria-invalid"], "aria-describedby": describedBy })}
      {hint && !error?.length ? (
        <p id={`${id}-hint`} className="text-xs text-zinc-500">
          {hint}
        </p>
      ) : null}
      <FieldError id={`${id}-error`} error={error} />
    </div>
  );
}
