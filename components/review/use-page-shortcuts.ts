"use client";

import { useEffect, useRef } from "react";

// Listens for page shortcuts on the window and says so on <body> (`data-shortcuts-<name>="ready"`),
// so that a person's first key press after a page load is not lost to a listener that is not there yet:
// browser tests wait for the mark instead of racing hydration.
export function usePageShortcuts(name: string, onKey: (event: KeyboardEvent) => void) {
  const latest = useRef(onKey);
  useEffect(() => {
    latest.current = onKey;
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => latest.current(event);
    const mark = `data-shortcuts-${name}`;
    window.addEventListener("keydown", listener);
    document.body.setAttribute(mark, "ready");
    return () => {
      window.removeEventListener("keydown", listener);
      document.body.removeAttribute(mark);
    };
  }, [name]);
}
