import Link from "next/link";
import { cn } from "@/components/ui/cn";

/** The subject page of a reference: every verification of that person over time. */
export function subjectHref(reference: string) {
  return `/subjects/${encodeURIComponent(reference)}`;
}

/** A reference, shown wherever one appears, linking to its subject page. */
export function ReferenceLink({ reference, className }: { reference: string | null | undefined; className?: string }) {
  if (!reference) return <span className="text-zinc-400">—</span>;
  return (
    <Link href={subjectHref(reference)} className={cn("underline-offset-2 hover:underline", className)} title={`Subject ${reference}: every verification`} data-testid="reference-link">
      {reference}
    </Link>
  );
}
