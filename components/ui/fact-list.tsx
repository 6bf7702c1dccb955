import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";

// Facts of a record (reference, source, created, status…) as a description list: each label above
// its value, in a grid. The page sets the grid's columns and text size through `className`.

export interface Fact {
  label: string;
  value: ReactNode;
  /** Classes of the value, e.g. "font-mono text-xs" for a date. */
  valueClassName?: string;
  /** data-testid of the value. */
  testId?: string;
}

/** `valueClassName` applies to every value, before an item's own. */
export function FactList({ items, className, valueClassName }: { items: Fact[]; className?: string; valueClassName?: string }) {
  return (
    <dl className={cn("grid grid-cols-2 gap-3", className)}>
      {items.map((item) => (
        // dt/dd grouped in a div, as HTML allows, so each pair is one cell of the grid.
        <div key={item.label}>
          <dt className="text-xs text-zinc-500">{item.label}</dt>
          <dd className={cn(valueClassName, item.valueClassName) || undefined} data-testid={item.testId}>
            {item.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
