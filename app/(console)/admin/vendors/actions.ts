"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/actions/safe-action";
import { testVendorConnection } from "@/lib/vendor-settings/test-vendor-connection";
import { vendorConfigInputSchema } from "@/lib/vendor-settings/vendor-config-schemas";
import { updateVendorConfig } from "@/lib/vendor-settings/vendor-configs";
import { savePolicy } from "@/lib/vendor-settings/vendor-policies";
import { checkTypeSchema, vendorIdSchema } from "@/lib/vendors/types";
import { qualityGateInputSchema, saveQualityGateSetting } from "@/lib/quality-gate/quality-gate-settings";

const ADMIN = ["admin"] as const;

export const updateVendorConfigAction = authedAction({ roles: ADMIN, schema: vendorConfigInputSchema }, async (input, { actor }) => {
  await updateVendorConfig(actor, input);
  revalidatePath("/admin/vendors");
  return { vendor: input.vendor };
});

export const savePolicyAction = authedAction(
  { roles: ADMIN, schema: z.object({ vendor: vendorIdSchema, checkType: checkTypeSchema, settings: z.record(z.string(), z.unknown()) }) },
  async (input, { actor }) => {
    const saved = await savePolicy(actor, input.vendor, input.checkType, input.settings);
    revalidatePath("/admin/vendors");
    return { version: saved.version };
  },
);

export const testConnectionAction = authedAction({ roles: ADMIN, schema: z.object({ vendor: vendorIdSchema }) }, async (input, { actor }) =>
  testVendorConnection(actor, input.vendor),
);

export const saveQualityGateAction = authedAction({ roles: ADMIN, schema: qualityGateInputSchema }, async (input, { actor }) => {
  await saveQualityGateSetting(actor, input);
  revalidatePath("/admin/vendors");
  return { checkType: input.checkType };
});
