import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";

export const metadata: Metadata = { title: "Dashboards" };

export default function Page() {
  return (
    <ComingSoon
      title="Dashboards"
      description="Pass, fail and review rates per vendor and check type."
      what={[
        "Rates over time, vendor health, queue health",
      ]}
    />
  );
}
