import { z } from "zod";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { buildWhere, verificationSearchSchema } from "@/lib/verifications/find-verifications";
import type { RerunSelection, VerificationFilter } from "@/lib/reruns/rerun-selection";
import type { CheckType } from "@/lib/vendors/types";

// Paging through a batch's selection, resumably: the position is a plain string stored on the batch
// (an index into an id list, or a keyset position in the verifications list's newest-first order).
// A filter only ever sees verifications created before the batch: later ones are not its business.

const MAX_UUID = "ffffffff-ffff-ffff-ffff-ffffffffffff";
const keysetSchema = z.object({ c: z.iso.datetime(), i: z.uuid() });

function searchOf(filter: VerificationFilter) {
  return verificationSearchSchema.parse({ ...filter, sort: "createdAt", dir: "desc" });
}

function keysetWhere(filter: VerificationFilter, position: { c: string; i: string }): Prisma.Sql {
  return buildWhere(searchOf(filter), { s: "createdAt", d: "desc", v: null, c: position.c, i: position.i });
}

/** How many verifications the selection holds, per check type (for the batch's planned total). */
export async function countSelection(selection: RerunSelection, asOf: Date): Promise<{ checkType: CheckType; count: number }[]> {
  if (selection.kind === "ids") {
    const rows = await db.verification.groupBy({ by: ["checkType"], where: { id: { in: selection.ids } }, _count: { _all: true } });
    return rows.map((r) => ({ checkType: r.checkType, count: r._count._all }));
  }
  return db.$queryRaw<{ checkType: CheckType; count: number }[]>`
    SELECT v."checkType"::text AS "checkType", count(*)::int AS "count" FROM "Verification" v
    ${keysetWhere(selection.filter, { c: asOf.toISOString(), i: MAX_UUID })}
    GROUP BY v."checkType"`;
}

export interface SelectionPage {
  ids: string[];
  /** Where the next page starts. */
  nextPosition: string;
  /** True when this page is the last one. */
  exhausted: boolean;
}

export async function readSelectionPage(selection: RerunSelection, position: string | null, size: number, asOf: Date): Promise<SelectionPage> {
  if (selection.kind === "ids") {
    const from = position === null ? 0 : Number(position);
    const start = Number.isInteger(from) && from >= 0 ? from : 0;
    const ids = selection.ids.slice(start, start + size);
    return { ids, nextPosition: String(start + ids.length), exhausted: start + size >= selection.ids.length };
  }
  let keyset = { c: asOf.toISOString(), i: MAX_UUID };
  if (position !== null) {
    const parsed = keysetSchema.safeParse(JSON.parse(position));
    if (!parsed.success) throw new Error(`unreadable batch position: ${position}`);
    keyset = parsed.data;
  }
  const rows = await db.$queryRaw<{ id: string; createdAt: Date }[]>`
    SELECT v."id", v."createdAt" FROM "Verification" v
    ${keysetWhere(selection.filter, keyset)}
    ORDER BY v."createdAt" DESC, v."id" DESC
    LIMIT ${size + 1}`;
  const page = rows.slice(0, size);
  const last = page[page.length - 1];
  return {
    ids: page.map((r) => r.id),
    nextPosition: last ? JSON.stringify({ c: last.createdAt.toISOString(), i: last.id }) : (position ?? JSON.stringify(keyset)),
    exhausted: rows.length <= size,
  };
}
