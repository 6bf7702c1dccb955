import { getCurrentUser, hasRole } from "@/lib/auth/current-user";
import { getRerunOptions } from "@/lib/reruns/get-rerun-options";
import { RerunDialog } from "./rerun-dialog";

export const RERUN_ROLES = ["admin", "operator", "reviewer"] as const;

// Server component: `<RerunButton verificationId={id} />` anywhere a verification is shown (the
// verification page, a review case). Renders nothing for roles that may not rerun.
export async function RerunButton({ verificationId, buttonLabel }: { verificationId: string; buttonLabel?: string }) {
  const user = await getCurrentUser();
  if (!user || !hasRole(user, RERUN_ROLES)) return null;
  const options = await getRerunOptions(verificationId);
  if (!options) return null;
  return <RerunDialog options={options} buttonLabel={buttonLabel} />;
}
