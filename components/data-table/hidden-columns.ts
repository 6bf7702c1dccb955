import { z } from "zod";

// `hide=a,b` in a table's URL: the columns a person hid. Parsed on the server with the table's
// allow-list of columns that may be hidden; anything else in the parameter is dropped, and a
// hand-edited value never breaks the page.

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
