import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { getDefaultPolicy } from "@/lib/policy/default-policies";
import { findPolicyKind, policySchema, type Policy } from "@/lib/policy/policy-schemas";
import type { CheckType, VendorId } from "@/lib/vendors/types";

// Decision policies are versioned: saving never edits a version, it adds the next one, and each
// vendor run records the version (row id) it was judged with.

export interface ActivePolicy {
  policy: Policy;
  /** The VendorPolicy row; null while the built-in default applies. */
  policyId: string | null;
  version: number;
}

function settingsOf(policy: Policy): Prisma.InputJsonValue {
  const { kind: _kind, version: _version, ...settings } = policy;
  return settings;
}

export async function getActivePolicy(vendor: VendorId, checkType: CheckType): Promise<ActivePolicy | null> {
  if (!getDefaultPolicy(vendor, checkType)) return null;
  const row = await db.vendorPolicy.findFirst({ where: { vendor, checkType, active: true }, orderBy: { version: "desc" } });
  return activePolicyOf(vendor, checkType, row);
}

/** The policy that applies, given the newest active VendorPolicy row (or none): the row parsed, else the built-in defaults. */
export function activePolicyOf(vendor: VendorId, checkType: CheckType, row: { id: string; version: number; settings: unknown } | null): ActivePolicy | null {
  const fallback = getDefaultPolicy(vendor, checkType);
  if (!fallback) return null;
  if (!row) return { policy: fallback, policyId: null, version: 0 };
  const parsed = policySchema.safeParse({ ...(row.settings as object), kind: fallback.kind, version: `v${row.version}` });
  // A stored policy that no longer parses (e.g. after a schema change) must not silently pass
  // checks: fall back to the vendor's documented defaults.
  if (!parsed.success) return { policy: fallback, policyId: null, version: 0 };
  return { policy: parsed.data, policyId: row.id, version: row.version };
}

export async function listPolicyVersions(vendor: VendorId, checkType: CheckType) {
  return db.vendorPolicy.findMany({ where: { vendor, checkType }, orderBy: { version: "desc" }, take: 50 });
}

export async function savePolicy(actor: Actor, vendor: VendorId, checkType: CheckType, settings: Record<string, unknown>) {
  const kind = findPolicyKind(vendor, checkType);
  if (!kind) throw new ValidationError(`${vendor} does not serve ${checkType}.`);
  return db.$transaction(async (tx) => {
    // Serialise saves of one policy so two admins cannot both create version N.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`policy:${vendor}:${checkType}`}))`;
    const latest = await tx.vendorPolicy.findFirst({ where: { vendor, checkType }, orderBy: { version: "desc" } });
    const version = (latest?.version ?? 0) + 1;
    const parsed = policySchema.safeParse({ ...settings, kind, version: `v${version}` });
    if (!parsed.success) throw new ValidationError("The policy has invalid values.", fieldErrorsOf(parsed.error));
    const created = await tx.vendorPolicy.create({
      data: { vendor, checkType, version, settings: settingsOf(parsed.data), createdById: actor.kind === "user" ? actor.id : null },
    });
    await recordAuditEvent(tx, actor, {
      action: "vendor_policy.saved",
      targetType: "vendor_policy",
      targetId: `${vendor}.${checkType}`,
      before: latest ? { version: latest.version, settings: latest.settings as Prisma.InputJsonValue } : null,
      after: { version, settings: settingsOf(parsed.data) },
    });
    return created;
  });
}
