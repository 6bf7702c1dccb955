import { biometricKzAdapter } from "@/lib/vendors/biometric-kz/biometric-kz-adapter";
import { cvsAdapter } from "@/lib/vendors/cvs/cvs-adapter";
import { fptAdapter } from "@/lib/vendors/fpt/fpt-adapter";
import { kairosAdapter } from "@/lib/vendors/kairos/kairos-adapter";
import { localAdapter } from "@/lib/vendors/local/local-adapter";
import type { VendorId } from "@/lib/vendors/types";
import type { VendorAdapter } from "@/lib/vendors/vendor-adapter";

export const vendorAdapters: Record<VendorId, VendorAdapter> = {
  cvs: cvsAdapter,
  fpt: fptAdapter,
  biometric_kz: biometricKzAdapter,
  kairos: kairosAdapter,
  local: localAdapter,
};
