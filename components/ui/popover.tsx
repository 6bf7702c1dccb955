"use client";

import { useEffect, useId, useRef, useState, useSyncExternalStore, type KeyboardEvent, type ReactNode } from "react";
import { cn } from "@/components/ui/cn";

const noSubscription = () => () => {};

const FOCUSABLE = "input:not([disabled]),button:not([disabled]),select:not([disabled]),a[href],[tabindex]:not([tabindex='-1'])";

// A non-modal popover (WAI-ARIA disclosure of a dialog): the button says whether it is open and
// which panel it controls, opening moves focus to the panel's first control, Escape closes it and
// gives focus back to the button, and a click or Tab outside closes it.
export function Popover({ trigger, title, children, className }: { trigger: ReactNode; title: string; children: ReactNode; className?: string }) {
  const [open, setOpen] = useState(false);
  const rootRef = useRef<HTMLDivElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  // False in the server's HTML and while hydrating: until the click handler is there the button is
  // disabled, rather than a button that does nothing (browser tests wait for it to be enabled).
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);

  useEffect(() => {
    if (!open) return;
    const panel = panelRef.current;
    (panel?.querySelector<HTMLElement>(FOCUSABLE) ?? panel)?.focus();
    function onPointerDown(event: PointerEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== "Escape" || !open) return;
    // Handled here, so page-wide Escape handlers do not act on it too.
    event.preventDefault();
    event.stopPropagation();
    setOpen(false);
    triggerRef.current?.focus();
  }

  return (
    <div
      ref={rootRef}
      className="relative"
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        // Focus moved to something outside (Tab past the last control): close, leave focus there.
        if (event.relatedTarget && !event.currentTarget.contains(event.relatedTarget)) setOpen(false);
      }}
    >
      <button
        ref={triggerRef}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-controls={panelId}
        disabled={!hydrated}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
        className="inline-flex h-8 items-center gap-1.5 rounded-md border border-zinc-300 px-2.5 text-sm hover:bg-zinc-100 focus-visible:outline-2 disabled:cursor-wait focus-visible:outline-sky-600 dark:border-zinc-700 dark:hover:bg-zinc-800"
      >
        {trigger}
      </button>
      <div
        ref={panelRef}
        id={panelId}
        role="dialog"
        aria-label={title}
        tabIndex={-1}
        hidden={!open}
        className={cn("absolute right-0 z-10 mt-1 rounded-md border border-zinc-200 bg-white p-3 text-sm shadow-lg dark:border-zinc-700 dark:bg-zinc-900", className)}
      >
        {children}
      </div>
    </div>
  );
}
