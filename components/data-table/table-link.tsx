"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import type { ComponentProps } from "react";
import { withHiddenColumns } from "@/components/data-table/hidden-columns";

/**
 * A link to another view of the table on this page (a page, a status tab, a saved view). The server
 * renders its href from the URL of the request; hiding a column only replaces the URL in the
 * browser, so the link takes the columns hidden now from the current URL.
 */
export function TableLink({ href, ...props }: Omit<ComponentProps<typeof Link>, "href"> & { href: string }) {
  const searchParams = useSearchParams();
  return <Link href={withHiddenColumns(href, searchParams)} {...props} />;
}
