"use client";

import { functionalUpdate, type ColumnVisibilityState, type SortingState, type Updater } from "@tanstack/react-table";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { hiddenColumnsOf } from "@/components/data-table/hidden-columns";

// Table state kept in the URL (CONVENTIONS: "the URL holds table state"), so a shared link shows the
// same table. The page parses sort and filters on the server with zod and passes them back in; the
// hidden columns are read from the URL here, as the browser has it now.

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

/**
 * `hide=a,b`: the columns a person hid, among those that may be hidden. The URL is the truth: a
 * change shows at once and replaces the URL (the App Router's `useSearchParams` follows a moment
 * later); when the URL moves otherwise (a link, back or forward), the table follows it.
 */
export function useUrlColumnVisibility(hideable: readonly string[]) {
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const inUrl = searchParams.toString();
  const [shown, setShown] = useState(() => ({ url: inUrl, state: visibilityOf(searchParams, hideable) }));
  if (shown.url !== inUrl) setShown({ url: inUrl, state: visibilityOf(searchParams, hideable) });
  const state = shown.url === inUrl ? shown.state : visibilityOf(searchParams, hideable);

  function onChange(updater: Updater<ColumnVisibilityState>) {
    const next = functionalUpdate(updater, state);
    setShown({ url: inUrl, state: next });
    const params = new URLSearchParams(inUrl);
    const hide = hideable.filter((c) => next[c] === false);
    if (hide.length) params.set("hide", hide.join(","));
    else params.delete("hide");
    // No server round trip for a layout change: the links to other views of the table read the
    // current URL (TableLink), and the filter form and sorting build theirs from it too.
    const query = params.toString();
    window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
  }

  return { state, onChange };
}

function visibilityOf(params: URLSearchParams, hideable: readonly string[]): ColumnVisibilityState {
  return Object.fromEntries(hiddenColumnsOf(params, hideable).map((c) => [c, false]));
}
