import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { deleteDemoData, seedDemoData } from "@/lib/demo/seed-demo-data";

afterAll(() => disconnectDb());

describe("npm run db:seed", () => {
  it("creates demo verifications of every check type with real vendor answers, all marked demo", async () => {
    const seeded = { demo: true, reference: { startsWith: "DEMO-" } };
    const before = await db.verification.count({ where: seeded });
    const created = await seedDemoData({ count: 10 });
    expect(created).toBe(10);
    const demo = await db.verification.findMany({ where: seeded, include: { runs: true, media: true }, orderBy: { createdAt: "asc" } });
    expect(demo.length - before).toBe(10);
    expect(new Set(demo.map((v) => v.checkType))).toEqual(new Set(["liveness_selfie", "face_match", "liveness_3angle", "liveness_video"]));
    // Every one finished with its vendors' answers (an unmarked file may draw a vendor error).
    expect(demo.every((v) => v.reference?.startsWith("DEMO-") && ["completed", "failed"].includes(v.status) && v.runs.length > 0)).toBe(true);
    // Answered by the in-process sandbox: every run is marked as a sandbox answer.
    expect(demo.every((v) => v.runs.every((r) => r.sandbox))).toBe(true);
    const outcomes = new Set(demo.flatMap((v) => v.runs.map((r) => r.outcome)));
    expect([...outcomes]).toEqual(expect.arrayContaining(["pass", "review", "fail"]));
    const thumbs = await db.thumbnail.count({ where: { sha256: { in: demo.flatMap((v) => v.media.flatMap((m) => (m.sha256 ? [m.sha256] : []))) } } });
    expect(thumbs).toBeGreaterThan(0);
    expect(await deleteDemoData()).toBeGreaterThanOrEqual(10);
    expect(await db.verification.count({ where: { demo: true } })).toBe(0);
    // Ten verifications with real HTTP calls and two ffmpeg encodes: slow on a busy 2-core machine.
  }, 180_000);
});
