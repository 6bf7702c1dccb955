import type { VendorSandbox } from "@/lib/sandbox/sandbox-types";
import { biometricKzSandbox } from "@/lib/vendors/biometric-kz/biometric-kz-sandbox";
import { cvsSandbox } from "@/lib/vendors/cvs/cvs-sandbox";
import { fptSandbox } from "@/lib/vendors/fpt/fpt-sandbox";
import { kairosSandbox } from "@/lib/vendors/kairos/kairos-sandbox";

export const vendorSandboxes: readonly VendorSandbox[] = [cvsSandbox, fptSandbox, biometricKzSandbox, kairosSandbox];
