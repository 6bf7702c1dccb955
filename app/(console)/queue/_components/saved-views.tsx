"use client";

import { useState } from "react";
import { TableLink } from "@/components/data-table/table-link";
import { FormError, SubmitButton, useServerAction } from "@/components/ui/action-form";
import { FieldError, fieldErrorProps, inputClass } from "@/components/ui/field";
import { deleteViewAction, saveViewAction } from "../actions";
import { cn } from "@/components/ui/cn";

// The signed-in user's saved filters: a link each (keeping the columns hidden now), and "save these filters as…".
export function SavedViews({ views, currentQuery }: { views: { id: string; name: string; query: string }[]; currentQuery: string }) {
  const [name, setName] = useState("");
  const save = useServerAction(saveViewAction, { fields: ["name"], fromForm: () => ({ name, query: currentQuery }), onSuccess: () => setName("") });
  const remove = useServerAction(deleteViewAction);

  return (
    <section aria-label="Saved views" className="mb-4 flex flex-wrap items-center gap-2 text-sm">
      <span className="text-zinc-500">Saved views:</span>
      {views.length === 0 ? <span className="text-zinc-500">none yet</span> : null}
      {views.map((v) => (
        <span key={v.id} className="inline-flex items-center gap-1 rounded-full border border-zinc-300 pl-2.5 dark:border-zinc-700">
          <TableLink href={v.query ? `/queue?${v.query}` : "/queue"} aria-current={v.query === currentQuery ? "true" : undefined} className="underline-offset-2 hover:underline aria-[current]:font-medium">
            {v.name}
          </TableLink>
          <button
            type="button"
            aria-label={`Delete saved view ${v.name}`}
            disabled={remove.pending}
            className="rounded-full px-1.5 text-zinc-500 hover:text-red-700 focus-visible:outline-2 focus-visible:outline-sky-600"
            onClick={() => remove.run({ viewId: v.id })}
          >
            ×
          </button>
        </span>
      ))}
      <FormError error={remove.formError} />
      <form onSubmit={save.onSubmit} className="ml-auto flex items-center gap-2" noValidate>
        <label className="sr-only" htmlFor="saved-view-name">
          Name for these filters
        </label>
        <input
          id="saved-view-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          maxLength={60}
          placeholder="Name these filters"
          className={cn(inputClass, "h-8 w-44")}
          {...fieldErrorProps("saved-view-name-error", save.fieldErrors.name)}
        />
        <SubmitButton size="sm" variant="secondary" pending={save.pending} disabled={!name.trim()}>
          Save view
        </SubmitButton>
        <FieldError id="saved-view-name-error" error={save.fieldErrors.name} className="text-sm" />
        <FormError error={save.formError} />
      </form>
    </section>
  );
}
