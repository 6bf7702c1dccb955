import type { VendorId } from "@/lib/vendors/types";

// Mid-tone colours that keep their contrast on the light and the dark background.
export const OUTCOME_COLORS = { pass: "#10b981", review: "#f59e0b", fail: "#f43f5e", error: "#8b5cf6" } as const;
export const VENDOR_COLORS: Record<VendorId, string> = { cvs: "#0ea5e9", fpt: "#f97316", biometric_kz: "#14b8a6", kairos: "#d946ef", local: "#64748b" };
export const SERIES_COLORS = ["#0ea5e9", "#f97316", "#10b981", "#f43f5e", "#8b5cf6"] as const;
