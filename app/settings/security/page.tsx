import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/current-user";
import { countUnusedRecoveryCodes, isTotpRequiredFor, offerTotpEnrollment } from "@/lib/auth/second-factor";
import { db } from "@/lib/db";
import { DisableTotpForm, EnableTotpForm } from "./_components/second-factor-forms";

export const metadata: Metadata = { title: "Security settings" };

// Outside the console layout on purpose: users whose role requires a second factor are sent here
// from every console page until they have one.
export default async function SecuritySettingsPage() {
  const me = await requirePageUser();
  const user = await db.user.findUniqueOrThrow({ where: { id: me.id }, select: { totpEnabledAt: true, passwordHash: true, oidcSubject: true } });
  const required = await isTotpRequiredFor(me.role);
  return (
    <main className="mx-auto max-w-2xl p-8">
      <PageHeader title="Security settings" description={`Signed in as ${me.email}.`} actions={<Link href="/queue" className="text-sm underline">Back to Verdict</Link>} />
      <section aria-labelledby="second-factor" className="rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
        <h2 id="second-factor" className="mb-3 font-medium">
          Second factor (authenticator app)
        </h2>
        {!user.passwordHash ? (
          <p className="text-sm">You sign in with single sign-on: your identity provider&apos;s second factor protects your account.</p>
        ) : user.totpEnabledAt ? (
          <div className="flex flex-col gap-4">
            <p className="text-sm">
              On since {user.totpEnabledAt.toISOString().slice(0, 10)}; {await countUnusedRecoveryCodes(me.id)} unused recovery codes.
              {required ? ` Your role (${me.role}) requires it.` : ""}
            </p>
            {required ? null : <DisableTotpForm />}
          </div>
        ) : (
          <div className="flex flex-col gap-4">
            {required ? (
              <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950 dark:text-amber-200">
                Your role ({me.role}) requires a second factor: set it up to continue.
              </p>
            ) : null}
            <EnableTotpForm {...await offerTotpEnrollment(me.email)} />
          </div>
        )}
      </section>
    </main>
  );
}
