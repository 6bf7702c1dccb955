import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Admin" };

const SECTIONS = [
  { href: "/admin/users", title: "Users and roles", text: "Create users, change roles, disable accounts, reset passwords." },
  { href: "/admin/vendors", title: "Vendors and policies", text: "Base URLs, encrypted credentials, limits, and the thresholds that decide pass, fail or review." },
  { href: "/admin/api-keys", title: "API keys", text: "Keys for the customer's backend; shown once, stored as a hash, revocable." },
  { href: "/admin/jobs", title: "Jobs", text: "Queues of vendor calls and thumbnails, and the dead letters to retry." },
  { href: "/admin/audit", title: "Audit log", text: "Every change and every view of a face, append-only." },
  { href: "/admin/retention", title: "Data retention", text: "How long face media are kept, the purge that destroys them, and legal holds." },
  { href: "/admin/subjects", title: "Subjects", text: "Everything held about a reference: export it, erase it, hold it, and who looked at the faces." },
  { href: "/admin/review-rules", title: "Review rules", text: "Which verifications open a review case, their priority and SLA; versioned." },
  { href: "/admin/decision-reasons", title: "Decision reasons", text: "The reasons reviewers pick when they approve, reject or escalate." },
  { href: "/admin/webhooks", title: "Webhooks", text: "Signed callbacks to your backend, with their delivery log and redelivery." },
];

export default async function AdminPage() {
  await requirePageUser(["admin"]);
  return (
    <>
      <PageHeader title="Admin" description="Users, audit log and settings." />
      <div className="grid max-w-3xl gap-3 sm:grid-cols-2">
        {SECTIONS.map((s) => (
          <Link key={s.href} href={s.href} className="rounded-lg border border-zinc-200 bg-white p-4 hover:border-sky-500 dark:border-zinc-800 dark:bg-zinc-900">
            <p className="font-medium">{s.title}</p>
            <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">{s.text}</p>
          </Link>
        ))}
      </div>
    </>
  );
}
