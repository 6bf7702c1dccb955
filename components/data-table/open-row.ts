import type { KeyboardEvent, MouseEvent } from "react";

// Links and controls inside a row do their own thing; a click anywhere else opens the row.
const OWN_CLICK = "a,button,input,select,label,summary";

/** Props that make a table row focusable and open it on click or Enter. */
export function openRowProps(open: () => void) {
  return {
    tabIndex: 0,
    onClick: (e: MouseEvent<HTMLElement>) => {
      if ((e.target as HTMLElement).closest(OWN_CLICK)) return;
      open();
    },
    onKeyDown: (e: KeyboardEvent<HTMLElement>) => {
      // Only the row itself: Enter on a link or checkbox inside it keeps its own meaning.
      if (e.key === "Enter" && e.target === e.currentTarget) open();
    },
  };
}
