import { vendorDisplayName } from "@/lib/verifications/verification-labels";
import type { VendorId } from "@/lib/vendors/types";

export interface SandboxScenarioList {
  vendor: VendorId;
  scenarios: { name: string; description: string; appliesTo?: readonly string[] }[];
}

// Without vendor contracts, test media carrying a `sandbox:<scenario>` marker make the local
// sandboxes give a chosen answer; this lists them with the command that makes such a file.
export function SandboxHelp({ lists }: { lists: SandboxScenarioList[] }) {
  return (
    <details className="mb-6 max-w-4xl rounded-lg border border-zinc-200 p-3 text-sm dark:border-zinc-800">
      <summary className="cursor-pointer font-medium">Testing against the vendor sandboxes</summary>
      <div className="mt-3 flex flex-col gap-3">
        <p className="text-zinc-600 dark:text-zinc-400">
          When a vendor points at its local sandbox, a file marked with a scenario gets that scenario&apos;s answer (unmarked files get a
          deterministic mix: mostly pass). Make a marked file with:
        </p>
        <pre className="overflow-x-auto rounded bg-zinc-50 p-2 font-mono text-xs dark:bg-zinc-950">npm run cli -- sandbox media --scenario &lt;name&gt; [--vendor &lt;id&gt;] [--from photo.jpg]</pre>
        {lists.map(({ vendor, scenarios }) => (
          <details key={vendor}>
            <summary className="cursor-pointer">
              {vendorDisplayName(vendor)} <span className="text-xs text-zinc-500">({scenarios.length} scenarios)</span>
            </summary>
            <ul className="mt-1 flex flex-col gap-0.5 pl-4">
              {scenarios.map((s) => (
                <li key={s.name}>
                  <code className="text-xs">sandbox:{s.name}</code> <span className="text-zinc-600 dark:text-zinc-400">— {s.description}</span>
                  {s.appliesTo ? <span className="text-xs text-zinc-500"> [{s.appliesTo.join(", ")}]</span> : null}
                </li>
              ))}
            </ul>
          </details>
        ))}
      </div>
    </details>
  );
}
