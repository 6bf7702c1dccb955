"use client";

import { functionalUpdate, type ColumnVisibilityState, type SortingState, type Updater } from "@tanstack/react-table";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";

// Table state kept in the URL (CONVENTIONS: "the URL holds table state"), so a shared link shows the
// same table. The page parses these parameters on the server with zod and passes them back in.

/**
 * `sort` and `dir` (only the sortable columns can ask, and the server's allow-list has the last
 * word); another sort is a new query, so it starts again from the first page.
 */
export function useUrlSorting({ sort, dir, defaultSort }: { sort: string; dir: "asc" | "desc"; defaultSort: { id: string; desc: boolean } }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const state: SortingState = [{ id: sort, desc: dir === "desc" }];

  function onChange(updater: Updater<SortingState>) {
    const next = functionalUpdate(updater, state)[0];
    const params = new URLSearchParams(searchParams.toString());
    params.delete("cursor");
    params.delete("before");
    if (!next || (next.id === defaultSort.id && next.desc === defaultSort.desc)) {
      params.delete("sort");
      params.delete("dir");
    } else {
      params.set("sort", next.id);
      params.set("dir", next.desc ? "desc" : "asc");
    }
    const query = params.toString();
    router.push(query ? `${pathname}?${query}` : pathname);
  }

  return { state, onChange };
}

/** `hide=a,b`: the columns a person hid, among those that may be hidden. */
export function useUrlColumnVisibility(hidden: readonly string[], hideable: readonly string[]) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [state, setState] = useState<ColumnVisibilityState>(() => Object.fromEntries(hidden.map((c) => [c, false])));

  function onChange(updater: Updater<ColumnVisibilityState>) {
    const next = functionalUpdate(updater, state);
    setState(next);
    const params = new URLSearchParams(searchParams.toString());
    const hide = hideable.filter((c) => next[c] === false);
    if (hide.length) params.set("hide", hide.join(","));
    else params.delete("hide");
    // No server round trip for a layout change: the App Router picks up the new URL as is.
    window.history.replaceState(null, "", `${pathname}?${params.toString()}`);
  }

  return { state, onChange };
}
