import { describe, expect, it } from "vitest";
import { batchedCompleter } from "@/lib/jobs/batched-completer";

describe("completing finished jobs in batches", () => {
  it("writes jobs that finish together in one call, and a full batch at once", async () => {
    const calls: string[][] = [];
    const complete = batchedCompleter(async (ids) => void calls.push(ids), { maxBatch: 3, waitMs: 5 });
    await Promise.all(["a", "b", "c", "d"].map((id) => complete(id)));
    expect(calls).toEqual([["a", "b", "c"], ["d"]]);
  });

  it("settles each job's promise only once its batch is written", async () => {
    let release: () => void = () => {};
    const written = new Promise<void>((resolve) => (release = resolve));
    const sent: string[][] = [];
    const complete = batchedCompleter((ids) => (sent.push(ids), written), { maxBatch: 2, waitMs: 5 });
    let settled = false;
    const pending = Promise.all([complete("a"), complete("b")]).then(() => (settled = true));
    // A whole turn of the event loop: the batch has gone out, its write has not finished.
    await new Promise((resolve) => setImmediate(resolve));
    expect(sent).toEqual([["a", "b"]]);
    expect(settled).toBe(false);
    release();
    await pending;
    expect(settled).toBe(true);
  });

  it("fails every job of a batch that could not be written, and goes on with the next", async () => {
    let attempt = 0;
    const complete = batchedCompleter(async () => {
      if (++attempt === 1) throw new Error("connection lost");
    }, { maxBatch: 2, waitMs: 5 });
    const results = await Promise.allSettled([complete("a"), complete("b")]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    await expect(complete("c")).resolves.toBeUndefined();
  });
});
