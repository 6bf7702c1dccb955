import { ArrowDown, ArrowUp, ArrowUpDown } from "lucide-react";
import type { ReactNode } from "react";

/** A column header that sorts the table: the arrow shows the current direction (the <th> carries aria-sort). */
export function SortableHeader({ sorted, onToggle, children }: { sorted: false | "asc" | "desc"; onToggle: ((event: unknown) => void) | undefined; children: ReactNode }) {
  return (
    <button type="button" onClick={onToggle} className="inline-flex items-center gap-1 uppercase hover:text-zinc-900 dark:hover:text-white">
      {children}
      {sorted === "asc" ? <ArrowUp className="size-3" aria-hidden /> : sorted === "desc" ? <ArrowDown className="size-3" aria-hidden /> : <ArrowUpDown className="size-3 opacity-40" aria-hidden />}
    </button>
  );
}
