import { cn } from "@/components/ui/cn";
import type { DiffRow } from "@/lib/compare/side-by-side-diff";

const SIDE_TONES = {
  same: "",
  changed: "bg-amber-50 dark:bg-amber-950/40",
  removed: "bg-red-50 dark:bg-red-950/40",
  added: "bg-emerald-50 dark:bg-emerald-950/40",
} as const;

// Two columns of numbered lines; a changed line is tinted on both sides, a line only one side has
// is tinted on that side and blank on the other.
export function JsonDiff({ leftLabel, rightLabel, rows }: { leftLabel: string; rightLabel: string; rows: DiffRow[] }) {
  const changed = rows.filter((r) => r.kind !== "same").length;
  return (
    <div className="overflow-x-auto rounded-md border border-zinc-200 dark:border-zinc-800" data-testid="json-diff">
      <table className="w-full table-fixed border-collapse font-mono text-xs">
        <caption className="sr-only">
          Raw answer of {leftLabel} against {rightLabel}: {changed} line(s) differ
        </caption>
        <thead className="bg-zinc-50 text-left dark:bg-zinc-900">
          <tr>
            <th scope="col" className="w-10 px-2 py-1 font-medium text-zinc-500">#</th>
            <th scope="col" className="px-2 py-1 font-sans font-medium">{leftLabel}</th>
            <th scope="col" className="w-10 px-2 py-1 font-medium text-zinc-500">#</th>
            <th scope="col" className="px-2 py-1 font-sans font-medium">{rightLabel}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} data-kind={row.kind}>
              <td className="select-none px-2 text-right text-zinc-400">{row.left?.number ?? ""}</td>
              <td className={cn("whitespace-pre-wrap break-all px-2", row.left && SIDE_TONES[row.kind === "added" ? "same" : row.kind])}>{row.left?.text ?? ""}</td>
              <td className="select-none px-2 text-right text-zinc-400">{row.right?.number ?? ""}</td>
              <td className={cn("whitespace-pre-wrap break-all px-2", row.right && SIDE_TONES[row.kind === "removed" ? "same" : row.kind])}>{row.right?.text ?? ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
