import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/current-user";
import { listDecisionReasons } from "@/lib/review/decision-reasons";
import { ReasonForm } from "./_components/reason-form";

export const metadata: Metadata = { title: "Decision reasons" };

export default async function DecisionReasonsPage() {
  await requirePageUser(["admin"]);
  const reasons = await listDecisionReasons();
  return (
    <>
      <PageHeader title="Decision reasons" description="The reasons reviewers pick from when they approve, reject or escalate, and the check types each applies to. Deactivate a reason rather than delete it: past decisions keep their code." />
      <div className="flex max-w-4xl flex-col gap-3">
        {reasons.map((r) => (
          <ReasonForm key={`${r.code}-${r.label}-${r.kinds.join()}-${r.checkTypes.join()}-${r.active}`} reason={{ code: r.code, label: r.label, kinds: r.kinds, checkTypes: r.checkTypes, active: r.active }} />
        ))}
        <h2 className="mt-4 font-medium">Add a reason</h2>
        <ReasonForm reason={null} />
      </div>
    </>
  );
}
