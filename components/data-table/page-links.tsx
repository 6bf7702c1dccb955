import { TableLink } from "@/components/data-table/table-link";

// Keyset pages: first, previous and next, each a link (null when there is no such page), so the
// browser's own history and "open in new tab" work as with any link. They keep the hidden columns.
export function PageLinks({ first, previous, next }: { first: string | null; previous: string | null; next: string | null }) {
  if (!first && !previous && !next) return null;
  return (
    <nav aria-label="Pages" className="mt-4 flex gap-4 text-sm">
      {first ? (
        <TableLink href={first} className="underline">
          First page
        </TableLink>
      ) : null}
      {previous ? (
        <TableLink href={previous} className="underline" rel="prev">
          Previous page
        </TableLink>
      ) : null}
      {next ? (
        <TableLink href={next} className="underline" rel="next">
          Next page
        </TableLink>
      ) : null}
    </nav>
  );
}
