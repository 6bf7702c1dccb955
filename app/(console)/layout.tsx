import Link from "next/link";
import { redirect } from "next/navigation";
import { NAV_ITEMS } from "@/components/app-shell/nav-items";
import { SidebarNav } from "@/components/app-shell/sidebar-nav";
import { SignOutButton } from "@/components/app-shell/sign-out-button";
import { ThemeToggle } from "@/components/app-shell/theme-toggle";
import { Badge } from "@/components/ui/badge";
import { hasRole, requirePageUser } from "@/lib/auth/current-user";
import { mustEnrollSecondFactor } from "@/lib/auth/second-factor";
import { countUnreadMentions } from "@/lib/review/mentions";

export default async function ConsoleLayout({ children }: { children: React.ReactNode }) {
  const user = await requirePageUser();
  // An admin requires a second factor for this role: no console until it is set up.
  if (await mustEnrollSecondFactor(user.id, user.role)) redirect("/settings/security");
  const unreadMentions = await countUnreadMentions(user.id);
  const items = NAV_ITEMS.filter((item) => hasRole(user, item.roles)).map((item) => (item.href === "/mentions" ? { ...item, badge: unreadMentions } : item));
  return (
    <div className="flex min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-zinc-900">
        Skip to content
      </a>
      <aside className="sticky top-0 flex h-screen w-56 shrink-0 flex-col border-r border-zinc-200 bg-zinc-100/70 p-3 dark:border-zinc-800 dark:bg-zinc-900/60">
        <Link href="/queue" className="mb-4 flex items-center gap-2 px-2.5 py-1 text-lg font-semibold tracking-tight">
          <img src="/favicon.svg" alt="" width={24} height={24} className="size-6" />
          Verdict
        </Link>
        <SidebarNav items={items} />
        <div className="mt-auto flex flex-col gap-2 border-t border-zinc-200 pt-3 dark:border-zinc-800">
          <div className="px-2" data-testid="current-user">
            <p className="truncate text-sm font-medium" title={user.email}>
              {user.name ?? user.email}
            </p>
            <p className="truncate text-xs text-zinc-500">{user.email}</p>
            <div className="mt-1 flex items-center gap-2">
              <Badge tone="info">{user.role}</Badge>
              <Link href="/settings/security" className="text-xs text-zinc-500 underline hover:text-zinc-800 dark:hover:text-zinc-200">
                Security
              </Link>
            </div>
          </div>
          <div className="flex items-center justify-between">
            <SignOutButton />
            <ThemeToggle />
          </div>
        </div>
      </aside>
      <main id="main" className="min-w-0 flex-1 p-8">
        {children}
      </main>
    </div>
  );
}
