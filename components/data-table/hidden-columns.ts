import { z } from "zod";

// `hide=a,b` in a table's URL: the columns a person hid. Read with the table's allow-list of
// columns that may be hidden; anything else in the parameter is dropped, and a hand-edited value
// never breaks the page.

/** The listed columns that may be hidden, each once, in the order given; none when `hide` is absent or unreadable. */
export function parseHiddenColumns<C extends string>(value: unknown, hideable: readonly C[]): C[] {
  if (value === undefined) return [];
  return z
    .string()
    .max(300)
    .transform((text) => [...new Set(text.split(",").filter((c): c is C => (hideable as readonly string[]).includes(c)))])
    .catch([])
    .parse(value);
}

/** The hidden columns of a URL's search params (a repeated `hide` reads as nothing hidden, as on the server). */
export function hiddenColumnsOf<C extends string>(params: URLSearchParams, hideable: readonly C[]): C[] {
  const values = params.getAll("hide");
  return parseHiddenColumns(values.length > 1 ? values : values[0], hideable);
}

/**
 * `href` (a path with its query) carrying the `hide` of the current URL instead of its own: a link
 * to another page, tab or sort of the table keeps the columns hidden since the link was rendered.
 */
export function withHiddenColumns(href: string, current: URLSearchParams): string {
  const url = new URL(href, "http://verdict.invalid");
  url.searchParams.delete("hide");
  for (const value of current.getAll("hide")) url.searchParams.append("hide", value);
  return `${url.pathname}${url.search}${url.hash}`;
}
