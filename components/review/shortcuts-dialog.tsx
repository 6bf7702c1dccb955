"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";

export interface Shortcut {
  keys: string[];
  does: string;
}

function isTyping(target: EventTarget | null) {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

/** True when a key press is meant for the page (not typed into a field, no modifier). */
export function isPageShortcut(event: KeyboardEvent): boolean {
  return !event.defaultPrevented && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event.target);
}

// `?` opens the list of shortcuts of the current page (a native modal dialog: Esc closes it and
// focus returns where it was).
export function ShortcutsDialog({ shortcuts }: { shortcuts: Shortcut[] }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      if (event.key === "?" && isPageShortcut(event)) {
        event.preventDefault();
        setOpen(true);
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <>
      <Button variant="ghost" size="sm" onClick={() => setOpen(true)} aria-keyshortcuts="?">
        Keyboard shortcuts <kbd className="rounded border border-zinc-300 px-1 text-xs dark:border-zinc-600">?</kbd>
      </Button>
      <dialog ref={ref} aria-labelledby="shortcuts-title" onClose={() => setOpen(false)} className="m-auto w-full max-w-md rounded-lg bg-white p-5 text-zinc-900 backdrop:bg-black/50 dark:bg-zinc-900 dark:text-zinc-100">
        <h2 id="shortcuts-title" className="mb-3 font-medium">
          Keyboard shortcuts
        </h2>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          {shortcuts.map((s) => (
            <div key={s.does} className="contents">
              <dt className="flex gap-1">
                {s.keys.map((k) => (
                  <kbd key={k} className="rounded border border-zinc-300 px-1.5 font-mono text-xs dark:border-zinc-600">
                    {k}
                  </kbd>
                ))}
              </dt>
              <dd>{s.does}</dd>
            </div>
          ))}
        </dl>
        <div className="mt-4 flex justify-end">
          <Button variant="secondary" onClick={() => setOpen(false)} autoFocus>
            Close
          </Button>
        </div>
      </dialog>
    </>
  );
}
