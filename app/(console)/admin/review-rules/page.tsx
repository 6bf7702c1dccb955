import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime } from "@/lib/verifications/verification-labels";
import { requirePageUser } from "@/lib/auth/current-user";
import { getActiveRuleSet, listRuleSetVersions } from "@/lib/review/review-rule-sets";
import { ReviewRulesForm } from "./_components/review-rules-form";

export const metadata: Metadata = { title: "Review rules" };

export default async function ReviewRulesPage() {
  await requirePageUser(["admin"]);
  const [active, versions] = await Promise.all([getActiveRuleSet(), listRuleSetVersions()]);
  return (
    <>
      <PageHeader
        title="Review rules"
        description="Which finished verifications open a review case, how urgent they are and their SLA. Every save is a new version, audited; it applies to verifications that finish from then on."
      />
      <p className="mb-4 text-sm">Active: {active.version === 0 ? "built-in defaults" : `version ${active.version}`}</p>
      <ReviewRulesForm settings={active.settings} />
      <section aria-labelledby="versions-heading" className="mt-8">
        <h2 id="versions-heading" className="mb-2 font-medium">
          Versions
        </h2>
        {versions.length === 0 ? <p className="text-sm text-zinc-500">No saved version yet; the built-in defaults apply.</p> : null}
        <ul className="text-sm">
          {versions.map((v) => (
            <li key={v.id}>
              v{v.version} · {formatDateTime(v.createdAt)}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
