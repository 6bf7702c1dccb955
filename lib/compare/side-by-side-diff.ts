import { diffJson, diffLines, type Change } from "diff";

// A side-by-side diff of two raw vendor answers: rows of (left line, right line), unchanged lines
// on both sides, removed lines paired with the added lines that replace them. JSON is compared
// canonically (keys sorted, jsdiff's diffJson) so key order never shows as a difference.

export interface DiffCell {
  number: number;
  text: string;
}

export interface DiffRow {
  kind: "same" | "changed" | "removed" | "added";
  left: DiffCell | null;
  right: DiffCell | null;
}

function splitLines(value: string): string[] {
  const lines = value.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

function isJsonObject(value: unknown): value is object {
  return typeof value === "object" && value !== null;
}

function toText(value: unknown): string {
  if (value === null || value === undefined) return "(no body)";
  if (typeof value === "string") return value;
  return JSON.stringify(value, null, 2);
}

export function buildSideBySideDiff(left: unknown, right: unknown): DiffRow[] {
  const changes: Change[] = isJsonObject(left) && isJsonObject(right) ? diffJson(left, right) : diffLines(toText(left), toText(right));
  const rows: DiffRow[] = [];
  let l = 0;
  let r = 0;
  for (let i = 0; i < changes.length; i++) {
    const change = changes[i];
    const lines = splitLines(change.value);
    if (!change.added && !change.removed) {
      for (const text of lines) rows.push({ kind: "same", left: { number: ++l, text }, right: { number: ++r, text } });
      continue;
    }
    if (change.removed) {
      const next = changes[i + 1];
      const added = next?.added ? splitLines(next.value) : [];
      if (next?.added) i++;
      const n = Math.max(lines.length, added.length);
      for (let k = 0; k < n; k++) {
        const leftText = lines[k];
        const rightText = added[k];
        rows.push({
          kind: leftText !== undefined && rightText !== undefined ? "changed" : leftText !== undefined ? "removed" : "added",
          left: leftText !== undefined ? { number: ++l, text: leftText } : null,
          right: rightText !== undefined ? { number: ++r, text: rightText } : null,
        });
      }
      continue;
    }
    for (const text of lines) rows.push({ kind: "added", left: null, right: { number: ++r, text } });
  }
  return rows;
}
