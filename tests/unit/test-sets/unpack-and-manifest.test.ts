import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/errors";
import { parseManifest } from "@/lib/test-sets/parse-manifest";
import { checkItemLabel } from "@/lib/test-sets/test-set-schemas";
import { unpackZip } from "@/lib/test-sets/unpack-zip";
import { makeZip } from "../../support/make-zip";

const limits = { maxEntries: 3, maxEntryBytes: 1000, maxTotalBytes: 1500 };

describe("unpacking a zip of test media", () => {
  it("reads stored and deflated entries, skipping folders and macOS/hidden files", async () => {
    const zip = makeZip([
      { name: "a/one.jpg", data: Buffer.from("one") },
      { name: "two.jpg", data: Buffer.alloc(500, 7), deflate: true },
      { name: "__MACOSX/a/._one.jpg", data: Buffer.from("x") },
    ]);
    const files = await unpackZip(zip, "media.zip", { ...limits, maxEntries: 5 });
    expect(files.map((f) => [f.name, "bytes" in f ? f.bytes.length : -1])).toEqual([
      ["a/one.jpg", 3],
      ["two.jpg", 500],
    ]);
  });

  it("refuses too many entries, an entry too large, and archives expanding past the total cap", async () => {
    const many = makeZip(["1", "2", "3", "4"].map((n) => ({ name: `${n}.jpg`, data: Buffer.from(n) })));
    await expect(unpackZip(many, "many.zip", limits)).rejects.toThrow(/4 entries; at most 3/);
    const big = makeZip([{ name: "big.jpg", data: Buffer.alloc(2000), deflate: true }]);
    await expect(unpackZip(big, "big.zip", limits)).rejects.toThrow(/at most 1000 per file/);
    const total = makeZip([
      { name: "a.jpg", data: Buffer.alloc(900), deflate: true },
      { name: "b.jpg", data: Buffer.alloc(900), deflate: true },
    ]);
    await expect(unpackZip(total, "total.zip", limits)).rejects.toThrow(/expands to more than 1500 bytes/);
  });

  it("streams entries to files in outDir and holds every zip of one upload to one budget", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "unpack-test-"));
    try {
      const zip = makeZip([{ name: "a.jpg", data: Buffer.alloc(800, 1), deflate: true }]);
      const budget = { remainingBytes: 1200, totalBytes: 1200 };
      const [entry] = await unpackZip(zip, "one.zip", limits, { outDir: dir, budget });
      expect(entry && "path" in entry ? (await readFile(entry.path)).equals(Buffer.alloc(800, 1)) : false).toBe(true);
      // Each zip is inside its own cap; together they pass the upload's budget.
      await expect(unpackZip(zip, "two.zip", limits, { outDir: dir, budget })).rejects.toThrow(/this upload expand to more than 1200 bytes together/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("refuses a zip bomb whose headers understate the inflated size", async () => {
    // 1 MB of zeros deflates to ~1 KB; the headers claim 100 bytes.
    const bomb = makeZip([{ name: "bomb.jpg", data: Buffer.alloc(1024 * 1024), deflate: true, declaredSize: 100 }]);
    await expect(unpackZip(bomb, "bomb.zip", limits)).rejects.toBeInstanceOf(ValidationError);
  });

  it("refuses bytes that are not a zip", async () => {
    await expect(unpackZip(Buffer.from("PK\x03\x04 not really"), "fake.zip", limits)).rejects.toThrow(/not a readable zip/);
  });
});

describe("the CSV manifest", () => {
  it("gives each row the line it is on, with lower-cased headers and a BOM tolerated", () => {
    const { columns, rows } = parseManifest("\uFEFFItem,Label,Attack_Type,Selfie\r\nalice,bona_fide,,alice.jpg\r\n\r\nprint-1,attack,print,\"p 1.jpg\"\n");
    expect(columns).toEqual(["item", "label", "attack_type", "selfie"]);
    expect(rows).toEqual([
      { line: 2, values: { item: "alice", label: "bona_fide", attack_type: "", selfie: "alice.jpg" } },
      { line: 4, values: { item: "print-1", label: "attack", attack_type: "print", selfie: "p 1.jpg" } },
    ]);
  });

  it("refuses a manifest without a label column, or that is not CSV", () => {
    expect(() => parseManifest("item,selfie\na,a.jpg\n")).toThrow(/label/);
    expect(() => parseManifest('label,selfie\n"bona_fide,a.jpg\n')).toThrow(/not valid CSV/);
  });

  it("checks labels against the check type", () => {
    expect(checkItemLabel("liveness_selfie", "attack", "mask")).toEqual({ ok: true, value: { label: "attack", attackType: "mask" } });
    expect(checkItemLabel("liveness_selfie", "attack", "")).toMatchObject({ ok: false, errors: [expect.stringMatching(/attack_type is required/)] });
    expect(checkItemLabel("liveness_selfie", "same_person", "")).toMatchObject({ ok: false });
    expect(checkItemLabel("face_match", "same_person", "")).toEqual({ ok: true, value: { label: "same_person", attackType: null } });
    expect(checkItemLabel("face_match", "different_person", "print")).toMatchObject({ ok: false, errors: [expect.stringMatching(/only for attacks/)] });
  });
});
