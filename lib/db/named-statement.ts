import { createHash } from "node:crypto";

// A statement sent with a name is parsed and planned once per pooled connection, then only bound and
// executed; one sent without a name is parsed and planned again on every call. For the statements that
// every verification sends (creating it, claiming and settling its vendor calls, the job queue's), the
// planning alone was ~5–6 ms of PostgreSQL's CPU per verification (pg_stat_statements, track_planning).
// Only for fixed texts (or a few shapes): each distinct text stays prepared on every connection that
// ran it, for the connection's life. Statements that return `*` are not named: a cached plan refuses
// to run once a migration changed the row it returns.

const names = new Map<string, string>();

/** `{ name, text }` for pg's query config: the name is derived from the text, so equal texts share it. */
export function named(text: string): { name: string; text: string } {
  let name = names.get(text);
  if (name === undefined) {
    name = `verdict_${createHash("sha1").update(text).digest("hex").slice(0, 24)}`;
    names.set(text, name);
  }
  return { name, text };
}
