import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";

export const metadata: Metadata = { title: "Review queue" };

export default function Page() {
  return (
    <ComingSoon
      title="Review queue"
      description="Flagged cases waiting for a reviewer."
      what={[
        "Cases flagged by vendor verdicts, borderline scores, vendor disagreement and errors",
        "Claim next, filters, SLA countdown, keyboard shortcuts",
      ]}
    />
  );
}
