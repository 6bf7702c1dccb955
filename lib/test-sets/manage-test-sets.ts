import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { startBulkRerun } from "@/lib/reruns/start-bulk-rerun";
import { createTestSetSchema } from "@/lib/test-sets/test-set-schemas";
import type { VendorId } from "@/lib/vendors/types";
import { z as zod, type z } from "zod";

export async function createTestSet(actor: Actor, raw: z.input<typeof createTestSetSchema>) {
  const input = createTestSetSchema.parse(raw);
  return db.$transaction(async (tx) => {
    const testSet = await tx.testSet.create({
      data: { name: input.name, checkType: input.checkType, description: input.description, createdById: actor.kind === "user" ? actor.id : null },
    });
    await recordAuditEvent(tx, actor, { action: "test_set.created", targetType: "test_set", targetId: testSet.id, after: { name: input.name, checkType: input.checkType } });
    return testSet;
  });
}

/** Runs every item of the test set on the chosen vendors, as a bulk-rerun batch. */
export async function runTestSet(actor: Actor, input: { testSetId: string; vendors: VendorId[] }) {
  const testSet = await db.testSet.findUnique({ where: { id: input.testSetId }, include: { items: { select: { verificationId: true }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] } } });
  if (!testSet) throw new NotFoundError("That test set does not exist.");
  if (testSet.items.length === 0) throw new ValidationError("The test set has no items yet: import media first.", { vendors: ["Nothing to run."] });
  return startBulkRerun(actor, {
    selection: { kind: "ids", ids: testSet.items.map((i) => i.verificationId) },
    vendors: input.vendors,
    reason: `Test set “${testSet.name}”`,
    testSetId: testSet.id,
  });
}

export async function listTestSets() {
  const sets = await db.testSet.findMany({ orderBy: { createdAt: "desc" }, take: 200, include: { _count: { select: { items: true } } } });
  return sets.map((s) => ({ id: s.id, name: s.name, checkType: s.checkType, description: s.description, createdAt: s.createdAt, items: s._count.items }));
}

export async function getTestSet(id: string) {
  if (!zod.uuid().safeParse(id).success) return null;
  const testSet = await db.testSet.findUnique({
    where: { id },
    include: {
      items: {
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 500,
        include: {
          verification: {
            select: { id: true, reference: true, status: true, media: { select: { id: true, role: true } }, runs: { select: { vendor: true, attempt: true, status: true, outcome: true } } },
          },
        },
      },
      batches: { orderBy: { createdAt: "desc" }, take: 10, select: { id: true, status: true, vendors: true, createdAt: true, plannedRuns: true } },
      _count: { select: { items: true } },
    },
  });
  return testSet;
}
