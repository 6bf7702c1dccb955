import Link from "next/link";
import { vendorDisplayName } from "@/lib/verifications/verification-labels";
import type { SandboxVendors } from "@/lib/vendor-settings/find-sandbox-vendors";

// On the first page after sign-in: says plainly when the enabled vendors still point at a built-in
// sandbox, so nobody reads its deterministic test answers as real checks of a face.
export function SandboxVendorsNotice({ vendors, isAdmin }: { vendors: SandboxVendors; isAdmin: boolean }) {
  if (vendors.sandbox.length === 0) return null;
  const every = vendors.sandbox.length === vendors.enabled.length;
  const names = vendors.sandbox.map(vendorDisplayName).join(", ");
  const where = isAdmin ? (
    <Link href="/admin/vendors" className="font-medium underline">
      Admin → Vendors
    </Link>
  ) : (
    <>Admin → Vendors (ask an admin)</>
  );
  return (
    <div
      role="note"
      data-testid="sandbox-vendors-notice"
      className="mb-6 rounded-lg border border-dashed border-violet-400 bg-violet-50 px-4 py-3 text-sm text-violet-950 dark:border-violet-700 dark:bg-violet-950 dark:text-violet-100"
    >
      <p className="font-medium">
        {every ? `Every enabled vendor still points at a built-in sandbox: ${names}.` : `${names} still ${vendors.sandbox.length === 1 ? "points" : "point"} at a built-in sandbox.`}
      </p>
      <p className="mt-1">
        Their answers are test answers chosen from each file, not real checks of a face; they are marked “Sandbox answer” wherever they show. Connect the real
        vendors under {where}.
      </p>
    </div>
  );
}
