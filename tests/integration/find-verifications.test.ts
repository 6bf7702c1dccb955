import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import type { CheckType, Outcome, VendorRunStatus, VerificationSource, VerificationStatus } from "@/lib/generated/prisma/enums";
import { decodeCursor, findVerifications, verificationSearchSchema, type VerificationFilters } from "@/lib/verifications/find-verifications";
import type { VendorId } from "@/lib/vendors/types";

// Every test narrows to this file's rows with a unique reference prefix, so other files' rows never
// change the answers.
afterAll(() => disconnectDb());

const tag = `fv-${randomUUID().slice(0, 8)}`;

interface Seed {
  name: string;
  checkType: CheckType;
  source: VerificationSource;
  status: VerificationStatus;
  createdAt: string;
  runs: { vendor: VendorId; attempt: number; status: VendorRunStatus; outcome: Outcome | null }[];
}

const seeds: Seed[] = [
  { name: "a", checkType: "liveness_selfie", source: "upload", status: "completed", createdAt: "2024-03-09T23:59:59.999Z", runs: [{ vendor: "kairos", attempt: 1, status: "completed", outcome: "pass" }] },
  { name: "b", checkType: "liveness_selfie", source: "api", status: "completed", createdAt: "2024-03-10T00:00:00.000Z", runs: [{ vendor: "biometric_kz", attempt: 1, status: "completed", outcome: "fail" }] },
  { name: "c", checkType: "face_match", source: "api", status: "completed", createdAt: "2024-03-10T12:00:00.000Z", runs: [{ vendor: "cvs", attempt: 1, status: "completed", outcome: "review" }, { vendor: "fpt", attempt: 1, status: "completed", outcome: "pass" }] },
  // A failed first attempt and a passing rerun: the vendor's outcome is now pass.
  { name: "d", checkType: "face_match", source: "upload", status: "completed", createdAt: "2024-03-10T23:59:59.999Z", runs: [{ vendor: "cvs", attempt: 1, status: "completed", outcome: "fail" }, { vendor: "cvs", attempt: 2, status: "completed", outcome: "pass" }] },
  { name: "e", checkType: "liveness_video", source: "ingest", status: "running", createdAt: "2024-03-11T00:00:00.000Z", runs: [{ vendor: "fpt", attempt: 1, status: "running", outcome: null }] },
  { name: "f", checkType: "liveness_3angle", source: "upload", status: "failed", createdAt: "2024-03-12T08:00:00.000Z", runs: [{ vendor: "cvs", attempt: 1, status: "failed", outcome: "error" }] },
  { name: "g", checkType: "liveness_3angle", source: "upload", status: "queued", createdAt: "2024-03-12T08:00:00.000Z", runs: [] },
];

const idOf = new Map<string, string>();
const nameOf = new Map<string, string>();

beforeAll(async () => {
  for (const seed of seeds) {
    const v = await db.verification.create({
      data: {
        checkType: seed.checkType,
        source: seed.source,
        status: seed.status,
        reference: `${tag}-${seed.name}`,
        createdAt: new Date(seed.createdAt),
        runs: { create: seed.runs.map((r) => ({ ...r, checkType: seed.checkType })) },
      },
    });
    idOf.set(seed.name, v.id);
    nameOf.set(v.id, seed.name);
  }
});

async function names(filters: VerificationFilters): Promise<string[]> {
  const { rows } = await findVerifications({ reference: tag, limit: 100, ...filters });
  return rows.map((r) => nameOf.get(r.id) ?? "?");
}

/** g and f share a createdAt: the id decides between them, in the sort's direction. */
function byCreatedDesc(list: string[]): string[] {
  const rank = (n: string) => seeds.find((s) => s.name === n)!.createdAt;
  return [...list].sort((x, y) => (rank(y) > rank(x) ? 1 : rank(y) < rank(x) ? -1 : idOf.get(y)!.localeCompare(idOf.get(x)!)));
}

describe("findVerifications filters", () => {
  it("lists newest first by default, ties broken by id", async () => {
    expect(await names({})).toEqual(byCreatedDesc(seeds.map((s) => s.name)));
  });

  it("filters by check type", async () => {
    expect(await names({ checkType: "face_match" })).toEqual(["d", "c"]);
    expect(await names({ checkType: "liveness_3angle" })).toEqual(byCreatedDesc(["f", "g"]));
  });

  it("filters by source", async () => {
    expect(await names({ source: "api" })).toEqual(["c", "b"]);
    expect(await names({ source: "ingest" })).toEqual(["e"]);
  });

  it("filters by vendor: any run of that vendor", async () => {
    expect(await names({ vendor: "cvs" })).toEqual(byCreatedDesc(["c", "d", "f"]));
    expect(await names({ vendor: "fpt" })).toEqual(["e", "c"]);
    expect(await names({ vendor: "kairos" })).toEqual(["a"]);
  });

  it("filters by outcome of each vendor's latest attempt", async () => {
    expect(await names({ outcome: "pass" })).toEqual(["d", "c", "a"]);
    // d's cvs failure was superseded by a passing rerun.
    expect(await names({ outcome: "fail" })).toEqual(["b"]);
    expect(await names({ outcome: "review" })).toEqual(["c"]);
    expect(await names({ outcome: "error" })).toEqual(["f"]);
  });

  it("combines vendor and outcome on the same run", async () => {
    expect(await names({ vendor: "cvs", outcome: "review" })).toEqual(["c"]);
    expect(await names({ vendor: "fpt", outcome: "review" })).toEqual([]);
    expect(await names({ vendor: "cvs", outcome: "pass" })).toEqual(["d"]);
  });

  it("matches the reference as a case-insensitive substring, with LIKE wildcards taken literally", async () => {
    expect(await names({ reference: `${tag.toUpperCase()}-C` })).toEqual(["c"]);
    expect(await names({ reference: `${tag}-%` })).toEqual([]);
    expect(await names({ reference: `${tag}-_` })).toEqual([]);
  });

  it("takes the date range as whole UTC days, both ends inclusive", async () => {
    expect(await names({ from: "2024-03-10", to: "2024-03-10" })).toEqual(["d", "c", "b"]);
    expect(await names({ from: "2024-03-10" })).toEqual(byCreatedDesc(["b", "c", "d", "e", "f", "g"]));
    expect(await names({ to: "2024-03-09" })).toEqual(["a"]);
    expect(await names({ from: "2024-03-11", to: "2024-03-11" })).toEqual(["e"]);
    expect(await names({ from: "2024-03-13", to: "2024-03-01" })).toEqual([]);
  });

  it("returns the latest attempt per vendor and the creator", async () => {
    const { rows } = await findVerifications({ reference: `${tag}-d` });
    expect(rows).toHaveLength(1);
    expect(rows[0].runs).toEqual([{ vendor: "cvs", attempt: 2, status: "completed", outcome: "pass", sandbox: false }]);
  });
});

describe("findVerifications sorting", () => {
  it("sorts by an allow-listed column with createdAt and id as tie-breakers", async () => {
    const asc = await names({ sort: "checkType", dir: "asc" });
    // Enum order: liveness_3angle, liveness_video, face_match, liveness_selfie; then createdAt asc.
    const g = idOf.get("g")!;
    const f = idOf.get("f")!;
    expect(asc).toEqual([...(f < g ? ["f", "g"] : ["g", "f"]), "e", "c", "d", "a", "b"]);
    expect(await names({ sort: "source", dir: "desc" })).toEqual(["e", "c", "b", ...byCreatedDesc(["a", "d", "f", "g"])]);
  });

  it("falls back to newest first for an unknown sort column or direction", () => {
    const parsed = verificationSearchSchema.parse({ sort: "reference; DROP TABLE", dir: "sideways", limit: "9999", checkType: "nope", from: "2024-02-30" });
    expect(parsed).toMatchObject({ sort: "createdAt", dir: "desc", limit: 25, checkType: undefined, from: undefined });
  });

  it("treats empty and repeated URL values as absent", () => {
    const parsed = verificationSearchSchema.parse({ reference: "  ", vendor: ["cvs", "fpt"], cursor: "" });
    expect(parsed.reference).toBeUndefined();
    expect(parsed.vendor).toBeUndefined();
    expect(decodeCursor(parsed.cursor, parsed.sort, parsed.dir)).toBeNull();
  });
});

describe("findVerifications keyset pagination", () => {
  async function walk(filters: VerificationFilters): Promise<string[][]> {
    const pages: string[][] = [];
    let cursor: string | undefined;
    for (let i = 0; i < 10; i++) {
      const { rows, nextCursor } = await findVerifications({ reference: tag, limit: 5, ...filters, cursor });
      pages.push(rows.map((r) => nameOf.get(r.id) ?? "?"));
      if (!nextCursor) break;
      cursor = nextCursor;
    }
    return pages;
  }

  it("pages newest first without duplicates or gaps", async () => {
    const everything = await names({});
    // Page size has a floor of 5; seven rows give pages of 5 and 2.
    const pages = await walk({});
    expect(pages.map((p) => p.length)).toEqual([5, 2]);
    expect(pages.flat()).toEqual(everything);
  });

  it("pages through a sort on another column, including rows sharing its value and createdAt", async () => {
    for (const dir of ["asc", "desc"] as const) {
      for (const sort of ["checkType", "status", "source", "createdAt"] as const) {
        const everything = await names({ sort, dir });
        const pages = await walk({ sort, dir });
        expect(pages.flat()).toEqual(everything);
        expect(new Set(pages.flat()).size).toBe(seeds.length);
      }
    }
  });

  it("ignores a cursor made for another sort or a tampered cursor, starting again at the first page", async () => {
    const first = await findVerifications({ reference: tag, limit: 5 });
    expect(first.nextCursor).not.toBeNull();
    const other = await findVerifications({ reference: tag, limit: 5, sort: "checkType", cursor: first.nextCursor! });
    const firstOfOther = await findVerifications({ reference: tag, limit: 5, sort: "checkType" });
    expect(other.rows.map((r) => r.id)).toEqual(firstOfOther.rows.map((r) => r.id));
    const tampered = await findVerifications({ reference: tag, limit: 5, cursor: "not-base64-json" });
    expect(tampered.rows.map((r) => r.id)).toEqual(first.rows.map((r) => r.id));
  });

  it("walks back with Previous page to the same pages, in the same order, for every sort", async () => {
    for (const dir of ["asc", "desc"] as const) {
      for (const sort of ["checkType", "createdAt"] as const) {
        const forward: Array<{ ids: string[]; prevCursor: string | null }> = [];
        let cursor: string | undefined;
        for (;;) {
          const page = await findVerifications({ reference: tag, limit: 5, sort, dir, cursor });
          forward.push({ ids: page.rows.map((r) => r.id), prevCursor: page.prevCursor });
          if (!page.nextCursor) break;
          cursor = page.nextCursor;
        }
        expect(forward.length).toBeGreaterThan(1);
        expect(forward[0].prevCursor).toBeNull();
        // From the last page back to the first: each Previous page is the page seen before it.
        let before = forward[forward.length - 1].prevCursor;
        for (let i = forward.length - 2; i >= 0; i--) {
          expect(before).not.toBeNull();
          const page = await findVerifications({ reference: tag, limit: 5, sort, dir, before: before! });
          expect(page.rows.map((r) => r.id)).toEqual(forward[i].ids);
          expect(page.nextCursor).not.toBeNull();
          before = page.prevCursor;
        }
        expect(before).toBeNull();
      }
    }
  });

  it("gives no next cursor on the last page", async () => {
    const { nextCursor } = await findVerifications({ reference: `${tag}-a` });
    expect(nextCursor).toBeNull();
  });
});
