import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";

export const metadata: Metadata = { title: "Compare" };

export default function Page() {
  return (
    <ComingSoon
      title="Compare"
      description="Vendors side by side on the same media."
      what={[
        "One column per vendor, disagreements highlighted, raw answers diffed",
      ]}
    />
  );
}
