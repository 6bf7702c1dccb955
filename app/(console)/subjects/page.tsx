import type { Metadata } from "next";
import Link from "next/link";
import { SimpleTable } from "@/components/ui/simple-table";
import { z } from "zod";
import { subjectHref } from "@/components/subjects/reference-link";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/lib/format/date-time";
import { requirePageUser } from "@/lib/auth/current-user";
import { canViewFaces } from "@/lib/media/media-access";
import { searchReferences } from "@/lib/subjects/get-subject";
import { cn } from "@/components/ui/cn";

export const metadata: Metadata = { title: "Subjects" };
export const dynamic = "force-dynamic";

const searchSchema = z.object({ q: z.string().trim().max(200).optional().catch(undefined) });

export default async function SubjectsSearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePageUser();
  const { q } = searchSchema.parse(await searchParams);
  const found = q ? await searchReferences(q) : [];
  return (
    <>
      <PageHeader title="Subjects" description="A person, by the reference your backend gave their verifications: their whole history in one place." />
      <div className="mb-6 flex flex-wrap items-end gap-6">
        <form className="flex items-end gap-3" role="search" aria-label="Find a reference">
          <label className="flex flex-col gap-1 text-sm">
            Reference
            <input name="q" defaultValue={q} className={cn(inputClass, "w-72")} maxLength={200} placeholder="Whole or part of a reference" />
          </label>
          <button type="submit" className="h-9 rounded-md bg-sky-700 px-3 text-sm font-medium text-white hover:bg-sky-800">Find</button>
        </form>
        {canViewFaces(user.role) ? (
          <Link href="/face-search" className="text-sm font-medium text-sky-700 underline dark:text-sky-400">Search by face</Link>
        ) : null}
      </div>
      {q && found.length === 0 ? <p className="text-sm text-zinc-600">No reference contains “{q}”.</p> : null}
      {found.length ? (
        <SimpleTable
          label="References found"
          className="max-w-3xl"
          rows={found}
          rowKey={(r) => r.reference}
          columns={[
            { header: "Reference", cell: (r) => <Link className="font-mono text-xs underline" href={subjectHref(r.reference)}>{r.reference}</Link> },
            { header: "Verifications", className: "tabular-nums", cell: (r) => r.verifications },
            { header: "Latest", className: "font-mono text-xs", cell: (r) => formatDateTime(r.lastAt) },
          ]}
        />
      ) : null}
    </>
  );
}
