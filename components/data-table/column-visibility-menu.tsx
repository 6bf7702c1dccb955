"use client";

import { Columns3 } from "lucide-react";
import { Popover } from "@/components/ui/popover";

export interface HideableColumnChoice {
  id: string;
  label: string;
  visible: boolean;
  setVisible: (visible: boolean) => void;
}

/** The "Columns" button of a table: a popover of labelled checkboxes, one per column that may be hidden. */
export function ColumnVisibilityMenu({ columns }: { columns: HideableColumnChoice[] }) {
  return (
    <Popover
      title="Visible columns"
      trigger={
        <>
          <Columns3 className="size-4" aria-hidden /> Columns
        </>
      }
      className="w-48"
    >
      <div className="flex flex-col gap-1">
        {columns.map((column) => (
          <label key={column.id} className="flex items-center gap-2">
            <input type="checkbox" checked={column.visible} onChange={(e) => column.setVisible(e.target.checked)} />
            {column.label}
          </label>
        ))}
      </div>
    </Popover>
  );
}
