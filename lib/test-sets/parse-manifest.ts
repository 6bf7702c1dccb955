import { parse } from "csv-parse/sync";
import { ValidationError } from "@/lib/errors";

// The CSV manifest of a test set upload: one row per item, with its name, ground truth and one
// column per media role naming an uploaded file, e.g.
//
//   item,label,attack_type,selfie
//   alice-1,bona_fide,,alice.jpg
//   print-7,attack,print,print-7.jpg
//
// `file` stands for the only role of a single-media check type. Rows come back with the line they
// start on, so problems are reported by line.

export interface ManifestRow {
  line: number;
  values: Record<string, string>;
}

export const MAX_MANIFEST_ROWS = 5000;

export function parseManifest(text: string): { columns: string[]; rows: ManifestRow[] } {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse<{ record: Record<string, string>; info: { lines: number } }>(text.replace(/^\uFEFF/, ""), {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      info: true,
      relax_column_count: true,
    });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new ValidationError(`The manifest is not valid CSV: ${message}`, { manifest: [`Not valid CSV: ${message}`] });
  }
  const firstLine = text.split(/\r?\n/, 1)[0] ?? "";
  const columns = firstLine.split(",").map((h) => h.trim().replace(/^"|"$/g, "").toLowerCase()).filter(Boolean);
  if (!columns.includes("label")) throw new ValidationError("The manifest needs a header row with a `label` column.", { manifest: ["Missing the `label` column in the header row."] });
  if (records.length > MAX_MANIFEST_ROWS) throw new ValidationError(`The manifest has ${records.length} rows; at most ${MAX_MANIFEST_ROWS}.`, { manifest: [`At most ${MAX_MANIFEST_ROWS} rows.`] });
  // info.lines is the line the record ends on; records here are single-line unless a field is quoted over lines.
  return { columns, rows: records.map((r) => ({ line: r.info.lines, values: r.record })) };
}
