"use client";

import { AtSign, BarChart3, Columns2, FlaskConical, Inbox, ListChecks, ScanFace, Settings, UserSearch } from "lucide-react";
import Link from "next/link";
import { usePathname } from "next/navigation";
import type { NavItem } from "@/components/app-shell/nav-items";
import { cn } from "@/components/ui/cn";

const ICONS = {
  queue: Inbox,
  mentions: AtSign,
  verifications: ListChecks,
  subjects: UserSearch,
  "face-search": ScanFace,
  compare: Columns2,
  dashboards: BarChart3,
  "test-sets": FlaskConical,
  admin: Settings,
};

export function SidebarNav({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-0.5">
      {items.map((item) => {
        const Icon = ICONS[item.icon];
        const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
        return (
          <Link
            key={item.href}
            href={item.href}
            aria-current={active ? "page" : undefined}
            className={cn(
              "flex items-center gap-2.5 rounded-md px-2.5 py-2 text-sm font-medium",
              active
                ? "bg-zinc-200 text-zinc-900 dark:bg-zinc-800 dark:text-white"
                : "text-zinc-600 hover:bg-zinc-200/60 hover:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800/60 dark:hover:text-white",
            )}
          >
            <Icon className="size-4" aria-hidden />
            {item.label}
            {item.badge ? (
              <span className="ml-auto rounded-full bg-sky-700 px-1.5 text-xs font-semibold text-white dark:bg-sky-500" data-testid={`nav-badge-${item.icon}`}>
                {item.badge}
                <span className="sr-only"> unread</span>
              </span>
            ) : null}
          </Link>
        );
      })}
    </nav>
  );
}
