import type { Role } from "@/lib/generated/prisma/enums";

export interface NavItem {
  href: string;
  label: string;
  icon: "queue" | "verifications" | "compare" | "dashboards" | "test-sets" | "admin";
  // Empty: every signed-in role.
  roles: Role[];
}

export const NAV_ITEMS: NavItem[] = [
  { href: "/queue", label: "Queue", icon: "queue", roles: [] },
  { href: "/verifications", label: "Verifications", icon: "verifications", roles: [] },
  { href: "/compare", label: "Compare", icon: "compare", roles: [] },
  { href: "/dashboards", label: "Dashboards", icon: "dashboards", roles: [] },
  { href: "/test-sets", label: "Test sets", icon: "test-sets", roles: [] },
  { href: "/admin", label: "Admin", icon: "admin", roles: ["admin"] },
];
