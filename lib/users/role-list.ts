import { Role } from "@/lib/generated/prisma/enums";

// Safe for client components: the enum module has no server dependencies.
export const ROLES = Object.values(Role);

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: "Users, vendors, policies, API keys, webhooks",
  reviewer: "Works the review queue and decides cases",
  operator: "Uploads media, runs and reruns checks, test sets",
  viewer: "Reads verifications and dashboards",
};
