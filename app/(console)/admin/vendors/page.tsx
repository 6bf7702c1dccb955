import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { SANDBOX_ANSWER_TITLE } from "@/components/verifications/sandbox-badge";
import { requirePageUser } from "@/lib/auth/current-user";
import { listVendorConfigs } from "@/lib/vendor-settings/vendor-configs";
import { getActivePolicy, listPolicyVersions } from "@/lib/vendor-settings/vendor-policies";
import { checkTypes } from "@/lib/vendors/types";
import { PolicyForm } from "./_components/policy-form";
import { VendorConfigForm } from "./_components/vendor-config-form";

export const metadata: Metadata = { title: "Vendors" };

export default async function VendorsPage() {
  await requirePageUser(["admin"]);
  const vendors = await listVendorConfigs();
  const sections = await Promise.all(
    vendors.map(async ({ vendor, info, config }) => ({
      vendor,
      info,
      config,
      policies: await Promise.all(
        checkTypes
          .filter((checkType) => info.checks[checkType])
          .map(async (checkType) => {
            const [active, versions] = await Promise.all([getActivePolicy(vendor, checkType), listPolicyVersions(vendor, checkType)]);
            return { checkType, active, versions: versions.map((v) => ({ version: v.version, createdAt: v.createdAt.toISOString() })) };
          }),
      ),
    })),
  );
  return (
    <>
      <PageHeader
        title="Vendors"
        description="Where each vendor is reached, with which credentials, and the policy that turns its answers into pass, fail or review."
      />
      <div className="flex flex-col gap-8">
        {sections.map((s) => (
          <section key={s.vendor} aria-labelledby={`vendor-${s.vendor}`} className="rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
            <h2 id={`vendor-${s.vendor}`} className="text-lg font-medium">
              {s.info.displayName} <span className="font-mono text-sm text-zinc-500">{s.vendor}</span>
              {s.config?.sandbox ? (
                <span
                  data-testid={`vendor-sandbox-${s.vendor}`}
                  title={SANDBOX_ANSWER_TITLE}
                  className="ml-2 inline-flex items-center rounded border border-dashed border-violet-400 bg-violet-50 px-1.5 py-0.5 align-middle text-xs font-medium text-violet-800 dark:border-violet-700 dark:bg-violet-950 dark:text-violet-300"
                >
                  Built-in sandbox
                </span>
              ) : null}
            </h2>
            {s.config?.sandbox ? (
              <p className="mt-1 text-sm text-violet-900 dark:text-violet-200">
                This base URL is the built-in sandbox&apos;s: its answers are test answers (chosen from the file, not a real vendor&apos;s check) and are
                marked as such everywhere. Enter the vendor&apos;s own URL and credentials to call the real vendor.
              </p>
            ) : s.config?.sandboxBaseUrl ? (
              <p className="mt-1 text-xs text-zinc-500">
                The built-in sandbox serves this vendor at <code>{s.config.sandboxBaseUrl}</code>; runs sent there are marked as sandbox answers.
              </p>
            ) : null}
            {s.config ? (
              <VendorConfigForm
                vendor={s.vendor}
                credentialFields={[...s.info.credentialFields]}
                config={{
                  enabled: s.config.enabled,
                  baseUrl: s.config.baseUrl,
                  timeoutMs: s.config.timeoutMs,
                  maxRetries: s.config.maxRetries,
                  concurrency: s.config.concurrency,
                  ratePerSecond: s.config.ratePerSecond,
                  credentialsMasked: (s.config.credentialsMasked ?? {}) as Record<string, string>,
                }}
              />
            ) : (
              <p className="mt-2 text-sm text-zinc-600">Not configured yet: restart Verdict to create its defaults.</p>
            )}
            <div className="mt-6 flex flex-col gap-4">
              {s.policies.map((p) =>
                p.active ? (
                  <div key={p.checkType} className="flex flex-col gap-1">
                    <PolicyForm vendor={s.vendor} checkType={p.checkType} version={p.active.version} policy={p.active.policy} history={p.versions} />
                    <Link href={`/admin/vendors/${s.vendor}/${p.checkType}/what-if`} className="self-start text-sm text-sky-700 underline dark:text-sky-400">
                      Threshold what-if for {p.checkType}…
                    </Link>
                  </div>
                ) : null,
              )}
            </div>
          </section>
        ))}
      </div>
    </>
  );
}
