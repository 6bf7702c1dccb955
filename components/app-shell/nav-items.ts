import type { Role } from "@/lib/generated/prisma/enums";
import { FACE_VIEWER_ROLES } from "@/lib/media/media-access";

export interface NavItem {
  href: string;
  label: string;
  icon: "queue" | "mentions" | "verifications" | "subjects" | "face-search" | "compare" | "dashboards" | "test-sets" | "admin";
  // Empty: every signed-in role.
  roles: Role[];
  /** A count shown beside the label (e.g. unread mentions); hidden when 0 or unset. */
  badge?: number;
}

export const NAV_ITEMS: NavItem[] = [
  { href: "/queue", label: "Queue", icon: "queue", roles: [] },
  { href: "/mentions", label: "Mentions", icon: "mentions", roles: [] },
  { href: "/verifications", label: "Verifications", icon: "verifications", roles: [] },
  { href: "/subjects", label: "Subjects", icon: "subjects", roles: [] },
  { href: "/face-search", label: "Search by face", icon: "face-search", roles: [...FACE_VIEWER_ROLES] },
  { href: "/compare", label: "Compare", icon: "compare", roles: [] },
  { href: "/dashboards", label: "Dashboards", icon: "dashboards", roles: [] },
  { href: "/test-sets", label: "Test sets", icon: "test-sets", roles: [] },
  { href: "/admin", label: "Admin", icon: "admin", roles: ["admin"] },
];
