import { findCheckSpec } from "@/lib/vendors/vendor-registry";
import type { CheckType, MediaRole, VendorId } from "@/lib/vendors/types";

// The files a verification needs: the union of what each chosen vendor requires for the check
// type (face_match on cvs needs image1 + image2; on fpt, a video + an ID image).
export function mediaRolesFor(checkType: CheckType, vendors: readonly VendorId[]) {
  const required = new Set<MediaRole>();
  const optional = new Set<MediaRole>();
  for (const vendor of vendors) {
    const spec = findCheckSpec(vendor, checkType);
    spec?.requiredRoles.forEach((r) => required.add(r));
    spec?.optionalRoles.forEach((r) => optional.add(r));
  }
  for (const role of required) optional.delete(role);
  return { required: [...required], optional: [...optional] };
}

export function vendorsNeedingRole(checkType: CheckType, vendors: readonly VendorId[], role: MediaRole): VendorId[] {
  return vendors.filter((v) => findCheckSpec(v, checkType)?.requiredRoles.includes(role));
}
