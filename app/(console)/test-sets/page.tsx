import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";

export const metadata: Metadata = { title: "Test sets" };

export default function Page() {
  return (
    <ComingSoon
      title="Test sets"
      description="Labelled media to measure vendors."
      what={[
        "APCER/BPCER/ACER, FMR/FNMR, agreement between vendors",
      ]}
    />
  );
}
