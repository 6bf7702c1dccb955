import { stringify } from "csv-stringify/sync";

// CSV for the exports (RFC 4180, CRLF line ends), written by csv-stringify. Text cells that a
// spreadsheet would run as a formula (= + - @, tab, CR, and their full-width forms) get a leading
// apostrophe (CSV injection); numbers never do, negative ones included. Empty for null/undefined.

export type CsvCell = string | number | null | undefined;

export function toCsv(rows: readonly (readonly CsvCell[])[], formatNumber: (value: number) => string = String): string {
  return stringify(rows as CsvCell[][], {
    record_delimiter: "\r\n",
    escape_formulas: true,
    // A lone LF or CR inside a cell is quoted too, not only a CRLF.
    quoted_match: /[\r\n]/,
    cast: { number: formatNumber },
  });
}
