import { biometricKzScenarios } from "@/lib/vendors/biometric-kz/biometric-kz-scenarios";
import { cvsScenarios } from "@/lib/vendors/cvs/cvs-scenarios";
import { fptScenarios } from "@/lib/vendors/fpt/fpt-scenarios";
import { kairosScenarios } from "@/lib/vendors/kairos/kairos-scenarios";
import type { VendorId } from "@/lib/vendors/types";

// What each vendor's sandbox can be asked to answer: shown on the new-verification page, served by
// the sandbox and listed by the CLI. Data only: the sandbox itself (lib/sandbox) is test tooling.
export type ScenarioInfo = {
  name: string;
  description: string;
  /** The vendor code or HTTP status this scenario makes the sandbox answer with. */
  vendorCode: string;
  /** For vendors with several APIs (CVS): which ones honour it. */
  appliesTo?: readonly string[];
};

/**
 * Every sandbox scenario per vendor, for the UI, docs and the CLI. A media file marked
 * `sandbox:<name>` gets that answer; unmarked media follow the hash mix (see lib/sandbox/scenario-selection.ts).
 */
export const sandboxScenarios: Record<VendorId, readonly ScenarioInfo[]> = {
  cvs: cvsScenarios,
  fpt: fptScenarios,
  biometric_kz: biometricKzScenarios,
  kairos: kairosScenarios,
  // Verdict's own engine has no sandbox: it always looks at the real picture.
  local: [],
};

export function listScenarioNames(vendor?: VendorId): string[] {
  const lists = vendor ? [sandboxScenarios[vendor]] : Object.values(sandboxScenarios);
  return [...new Set(lists.flatMap((list) => list.map((s) => s.name)))];
}
