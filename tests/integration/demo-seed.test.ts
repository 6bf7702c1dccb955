import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { db, disconnectDb } from "@/lib/db";
import { readBlobBytes } from "@/lib/media/blob-store";
import { deleteDemoData, seedDemoData } from "@/lib/demo/seed-demo-data";

afterAll(() => disconnectDb());

describe("npm run db:seed", () => {
  it("creates demo verifications of every check type with real vendor answers, all marked demo", async () => {
    const seeded = { demo: true, reference: { startsWith: "DEMO-" } };
    const before = await db.verification.count({ where: seeded });
    const earlier = new Set((await db.verification.findMany({ where: seeded, select: { id: true } })).map((v) => v.id));
    const created = await seedDemoData({ count: 10 });
    expect(created).toBe(10);
    const demo = await db.verification.findMany({ where: seeded, include: { runs: true, media: true, cases: true }, orderBy: { createdAt: "asc" } });
    expect(demo.length - before).toBe(10);
    expect(new Set(demo.map((v) => v.checkType))).toEqual(new Set(["liveness_selfie", "face_match", "liveness_3angle", "liveness_video"]));
    // Every one finished with its vendors' answers (an unmarked file may draw a vendor error).
    expect(demo.every((v) => v.reference?.startsWith("DEMO-") && ["completed", "failed"].includes(v.status) && v.runs.length > 0)).toBe(true);
    // Answered by the in-process sandbox: every run is marked as a sandbox answer.
    expect(demo.every((v) => v.runs.every((r) => r.sandbox))).toBe(true);
    // The selfie videos are long enough for FPT (5 s): each gets a real answer.
    const seededNow = demo.filter((v) => !earlier.has(v.id));
    expect(seededNow).toHaveLength(10);
    expect(seededNow.filter((v) => v.checkType === "liveness_video").flatMap((v) => v.runs.map((r) => r.status))).not.toContain("failed");
    const outcomes = new Set(demo.flatMap((v) => v.runs.map((r) => r.outcome)));
    expect([...outcomes]).toEqual(expect.arrayContaining(["pass", "review", "fail"]));
    // One story in time order: created < queued ≤ started ≤ each HTTP attempt < finished ≤ completed ≤ case opened.
    for (const v of demo) {
      for (const run of v.runs) {
        expect(run.requestedAt.getTime()).toBeGreaterThan(v.createdAt.getTime());
        expect(run.startedAt!.getTime()).toBeGreaterThanOrEqual(run.requestedAt.getTime());
        for (const attempt of run.attempts as Array<{ startedAt: string }>) {
          expect(new Date(attempt.startedAt).getTime()).toBeGreaterThanOrEqual(run.startedAt!.getTime());
          expect(new Date(attempt.startedAt).getTime()).toBeLessThan(run.finishedAt!.getTime());
        }
        expect(run.finishedAt!.getTime()).toBeLessThanOrEqual(v.completedAt!.getTime());
      }
      for (const opened of v.cases) expect(opened.openedAt.getTime()).toBeGreaterThanOrEqual(v.completedAt!.getTime());
      expect(v.completedAt!.getTime()).toBeLessThan(Date.now() - 60_000);
    }
    expect(demo.some((v) => v.cases.length > 0)).toBe(true);
    // Real face portraits cut from the packages' photos, with none of their metadata (GPS EXIF).
    const selfie = demo.flatMap((v) => v.media).find((m) => m.role === "selfie")!;
    expect([selfie.width, selfie.height]).toEqual([480, 640]);
    const meta = await sharp((await readBlobBytes(selfie.sha256!))!.bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.xmp).toBeUndefined();
    const thumbs = await db.thumbnail.count({ where: { sha256: { in: demo.flatMap((v) => v.media.flatMap((m) => (m.sha256 ? [m.sha256] : []))) } } });
    expect(thumbs).toBeGreaterThan(0);
    expect(await deleteDemoData()).toBeGreaterThanOrEqual(10);
    expect(await db.verification.count({ where: { demo: true } })).toBe(0);
    // Ten verifications with real HTTP calls and two ffmpeg encodes: slow on a busy 2-core machine.
  }, 180_000);
});
