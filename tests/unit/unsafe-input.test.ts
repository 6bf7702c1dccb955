import { describe, expect, it } from "vitest";
import { describeUnsafeJson, findUnsafeJson, MAX_JSON_DEPTH } from "@/lib/validation/unsafe-input";

describe("input PostgreSQL cannot store, or too deep to walk", () => {
  it("finds a NUL character in a value or a key, with its path", () => {
    expect(findUnsafeJson({ reference: "ok", note: "a\u0000b" })).toEqual({ path: "note", problem: "nul" });
    expect(findUnsafeJson({ files: { ["sel\u0000fie"]: "AAAA" } })).toEqual({ path: "files.sel\u0000fie", problem: "nul" });
    expect(findUnsafeJson({ a: [1, "x", { b: null }] })).toBeNull();
  });

  it("finds JSON nested 100,000 levels deep without overflowing, naming the top-level field", () => {
    const depth = 100_000;
    const deep: unknown = JSON.parse(`{"vendorResponse":${"[".repeat(depth)}${"]".repeat(depth)}}`);
    const found = findUnsafeJson(deep);
    expect(found?.problem).toBe("depth");
    expect(describeUnsafeJson(found!)).toMatchObject({ field: "vendorResponse", message: expect.stringContaining(`more than ${MAX_JSON_DEPTH} levels`) });
  });
});
