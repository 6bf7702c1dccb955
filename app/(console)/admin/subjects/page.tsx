import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { z } from "zod";
import { subjectHref } from "@/components/subjects/reference-link";
import { inputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/current-user";
import { referenceOrErased } from "@/lib/data-protection/erased-reference";
import { db } from "@/lib/db";
import { cn } from "@/components/ui/cn";

export const metadata: Metadata = { title: "Subjects" };
export const dynamic = "force-dynamic";

const searchSchema = z.object({ reference: z.string().trim().max(200).optional().catch(undefined) });

// The admin's way in: a subject has one page (/subjects/[reference]) with its history and, for
// admins, export, legal hold and erasure.
export default async function AdminSubjectsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser(["admin"]);
  const { reference } = searchSchema.parse(await searchParams);
  // Erased verifications carry a keyed hash of the reference instead: typing the reference finds them.
  const exists = reference ? (await db.verification.count({ where: { reference: { in: referenceOrErased(reference) } }, take: 1 })) > 0 : false;
  if (reference && exists) redirect(subjectHref(reference));

  return (
    <>
      <PageHeader title="Subjects" description="A person, by the reference your backend gave their verifications: export what Verdict holds, erase it, or put it on legal hold." />
      <form className="mb-6 flex items-end gap-3" role="search">
        <label className="flex flex-col gap-1 text-sm">
          Reference
          <input name="reference" defaultValue={reference} className={cn(inputClass, "w-72")} maxLength={200} />
        </label>
        <button type="submit" className="h-9 rounded-md bg-sky-700 px-3 text-sm font-medium text-white hover:bg-sky-800">Find</button>
      </form>
      {reference && !exists ? <p className="text-sm text-zinc-600">No verification has the reference “{reference}”.</p> : null}
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        Or find a reference by part of it on <Link className="text-sky-700 underline dark:text-sky-400" href="/subjects">Subjects</Link>.
      </p>
    </>
  );
}
