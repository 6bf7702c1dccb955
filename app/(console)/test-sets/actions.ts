"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/actions/safe-action";
import { rerunVendorsSchema } from "@/lib/reruns/rerun-selection";
import { createTestSet, runTestSet } from "@/lib/test-sets/manage-test-sets";
import { createTestSetSchema } from "@/lib/test-sets/test-set-schemas";

const OPERATORS = ["admin", "operator"] as const;

export const createTestSetAction = authedAction({ roles: OPERATORS, schema: createTestSetSchema }, async (input, { actor }) => {
  const testSet = await createTestSet(actor, input);
  revalidatePath("/test-sets");
  return { id: testSet.id };
});

export const runTestSetAction = authedAction({ roles: OPERATORS, schema: z.object({ testSetId: z.uuid(), vendors: rerunVendorsSchema }) }, async (input, { actor }) => {
  const batch = await runTestSet(actor, input);
  revalidatePath(`/test-sets/${input.testSetId}`);
  return batch;
});
