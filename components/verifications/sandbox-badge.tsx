import { cn } from "@/components/ui/cn";

export const SANDBOX_ANSWER_TITLE = "Answered by a built-in vendor sandbox: a deterministic test answer chosen from the file, not a real vendor's check.";

/**
 * Marks an answer a built-in sandbox gave (VendorRun.sandbox). Never shown as a real answer:
 * full on run cards and pages, compact in list cells and table headers.
 */
export function SandboxBadge({ compact = false, className }: { compact?: boolean; className?: string }) {
  return (
    <span
      data-testid="sandbox-badge"
      title={SANDBOX_ANSWER_TITLE}
      className={cn(
        "inline-flex items-center gap-1 whitespace-nowrap rounded border border-dashed border-violet-400 bg-violet-50 px-1.5 py-0.5 text-xs font-medium text-violet-800 dark:border-violet-700 dark:bg-violet-950 dark:text-violet-300",
        className,
      )}
    >
      {compact ? (
        <>
          Sandbox<span className="sr-only"> answer: test answer — not a real vendor</span>
        </>
      ) : (
        <>
          Sandbox answer <span className="font-normal">· test answer — not a real vendor</span>
        </>
      )}
    </span>
  );
}

/** A page-level line over answers some built-in sandbox gave: which vendors, and what that means. */
export function SandboxAnswersNotice({ vendors }: { vendors: string[] }) {
  if (vendors.length === 0) return null;
  return (
    <p
      role="note"
      data-testid="sandbox-answers-notice"
      className="rounded-md border border-dashed border-violet-400 bg-violet-50 px-3 py-2 text-sm text-violet-900 dark:border-violet-700 dark:bg-violet-950 dark:text-violet-200"
    >
      <strong className="font-medium">Sandbox answer{vendors.length === 1 ? "" : "s"}:</strong> {vendors.join(", ")}{" "}
      {vendors.length === 1 ? "was" : "were"} answered by a built-in vendor sandbox. These are test answers chosen from the file, not a real
      vendor&apos;s check of these faces.
    </p>
  );
}
