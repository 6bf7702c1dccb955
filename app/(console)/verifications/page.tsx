import type { Metadata } from "next";
import { ComingSoon } from "@/components/ui/coming-soon";

export const metadata: Metadata = { title: "Verifications" };

export default function Page() {
  return (
    <ComingSoon
      title="Verifications"
      description="Every check run through Verdict, with its media and vendor answers."
      what={[
        "Upload media and run them through one or several vendors",
        "Filterable list and detail pages with every vendor run",
      ]}
    />
  );
}
