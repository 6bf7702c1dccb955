"use client";

import Link from "next/link";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { deleteViewAction, saveViewAction } from "../actions";

// The signed-in user's saved filters: a link each, and "save these filters as…".
export function SavedViews({ views, currentQuery }: { views: { id: string; name: string; query: string }[]; currentQuery: string }) {
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [name, setName] = useState("");

  function save(event: React.FormEvent) {
    event.preventDefault();
    startTransition(async () => {
      const result = await saveViewAction({ name, query: currentQuery });
      if (result.ok) {
        setName("");
        setError(null);
      } else setError(result.fieldErrors?.name?.join(" ") ?? result.error);
    });
  }

  return (
    <section aria-label="Saved views" className="mb-4 flex flex-wrap items-center gap-2 text-sm">
      <span className="text-zinc-500">Saved views:</span>
      {views.length === 0 ? <span className="text-zinc-500">none yet</span> : null}
      {views.map((v) => (
        <span key={v.id} className="inline-flex items-center gap-1 rounded-full border border-zinc-300 pl-2.5 dark:border-zinc-700">
          <Link href={v.query ? `/queue?${v.query}` : "/queue"} aria-current={v.query === currentQuery ? "true" : undefined} className="underline-offset-2 hover:underline aria-[current]:font-medium">
            {v.name}
          </Link>
          <button
            type="button"
            aria-label={`Delete saved view ${v.name}`}
            className="rounded-full px-1.5 text-zinc-500 hover:text-red-700 focus-visible:outline-2 focus-visible:outline-sky-600"
            onClick={() => startTransition(async () => void (await deleteViewAction({ viewId: v.id })))}
          >
            ×
          </button>
        </span>
      ))}
      <form onSubmit={save} className="ml-auto flex items-center gap-2">
        <label className="sr-only" htmlFor="saved-view-name">
          Name for these filters
        </label>
        <input id="saved-view-name" value={name} onChange={(e) => setName(e.target.value)} maxLength={60} placeholder="Name these filters" className={`${inputClass} h-8 w-44`} aria-invalid={Boolean(error)} />
        <Button type="submit" size="sm" variant="secondary" disabled={pending || !name.trim()}>
          Save view
        </Button>
        {error ? (
          <span role="alert" className="text-red-700 dark:text-red-400">
            {error}
          </span>
        ) : null}
      </form>
    </section>
  );
}
