import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { sandboxScenarios } from "@/lib/vendors/sandbox-scenarios";
import { vendorIds } from "@/lib/vendors/types";
import { NewVerificationForm, type VendorAvailability } from "./_components/new-verification-form";
import { SandboxHelp } from "./_components/sandbox-help";

export const metadata: Metadata = { title: "New verification" };

export default async function NewVerificationPage() {
  await requirePageUser(["admin", "operator"]);
  const configs = await db.vendorConfig.findMany({ select: { vendor: true, enabled: true } });
  const availability = Object.fromEntries(
    vendorIds.map((vendor) => {
      const row = configs.find((c) => c.vendor === vendor);
      return [vendor, { configured: Boolean(row), enabled: row?.enabled ?? false }];
    }),
  ) as VendorAvailability;
  const scenarioLists = vendorIds.map((vendor) => ({
    vendor,
    scenarios: sandboxScenarios[vendor].map((s) => ({ name: s.name, description: s.description, appliesTo: s.appliesTo })),
  }));

  return (
    <>
      <nav aria-label="Breadcrumb" className="mb-2 text-sm">
        <Link href="/verifications" className="text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400">
          Verifications
        </Link>
      </nav>
      <PageHeader title="New verification" description="Upload test media and run them through one or several vendors. Files are checked here and again on the server." />
      <SandboxHelp lists={scenarioLists} />
      <NewVerificationForm availability={availability} />
    </>
  );
}
