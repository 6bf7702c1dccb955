import { describe, expect, it } from "vitest";
import { FaultRegistry } from "@/lib/sandbox/faults";
import { parseLenientJson } from "@/lib/vendors/http/lenient-json";
import { readBody } from "@/lib/vendors/http/read-body";
import { computeBackoffMs } from "@/lib/vendors/http/send-with-retries";
import { wireBoolean, wireCode, wireNumber } from "@/lib/vendors/wire-values";

describe("wire values as vendors send them", () => {
  it("booleans: true/True/\"true\"/\"True\", N/A → null, garbage rejected", () => {
    expect(["true", "True", "TRUE", true, "1"].map((v) => wireBoolean.parse(v))).toEqual([true, true, true, true, true]);
    expect(["false", "False", false, "0"].map((v) => wireBoolean.parse(v))).toEqual([false, false, false, false]);
    expect(["N/A", "", null, "None"].map((v) => wireBoolean.parse(v))).toEqual([null, null, null, null]);
    expect(wireBoolean.safeParse("perhaps").success).toBe(false);
  });

  it("numbers: \"0.0015\", 0.0, \"N/A\" → null, garbage rejected", () => {
    expect(wireNumber.parse("0.0015")).toBe(0.0015);
    expect(wireNumber.parse(0)).toBe(0);
    expect(wireNumber.parse("18.45")).toBe(18.45);
    expect(wireNumber.parse("N/A")).toBeNull();
    expect(wireNumber.safeParse("high").success).toBe(false);
  });

  it("codes: 200, \"200\", \"N/A\"", () => {
    expect(wireCode.parse(200)).toBe("200");
    expect(wireCode.parse(" 303 ")).toBe("303");
    expect(wireCode.parse("N/A")).toBeNull();
  });
});

describe("lenient JSON (only for documents printing Python)", () => {
  it("repairs None/True/False and missing commas", () => {
    expect(parseLenientJson('{"a": None "b": True\n "c": [1 2] "d": {"e": False}}')).toEqual({ ok: true, value: { a: null, b: true, c: [1, 2], d: { e: false } } });
    expect(parseLenientJson('{"a": "unterminated}')).toEqual({ ok: false });
    expect(parseLenientJson("{\"a\": undefined}")).toEqual({ ok: false });
  });

  it("readBody keeps strict JSON parsed, other text as text", () => {
    expect(readBody('{"a":1}')).toEqual({ kind: "json", value: { a: 1 }, raw: { a: 1 }, lenient: false });
    expect(readBody('{"a": None}')).toEqual({ kind: "text", raw: '{"a": None}' });
    expect(readBody('{"a": None}', { allowLenient: true })).toEqual({ kind: "json", value: { a: null }, raw: '{"a": None}', lenient: true });
    expect(readBody("")).toEqual({ kind: "text", raw: null });
  });
});

describe("backoff and fault counters (deterministic)", () => {
  it("exponential backoff, capped", () => {
    expect([1, 2, 3, 4].map((n) => computeBackoffMs(100, n))).toEqual([100, 200, 400, 800]);
    expect(computeBackoffMs(1000, 10)).toBe(10_000);
    expect(computeBackoffMs(0, 3)).toBe(0);
  });

  it("remaining counts down and clears; rate faults by counter", () => {
    const faults = new FaultRegistry();
    faults.set("fpt", { status5xx: 503, remaining: 2 });
    expect([faults.take("fpt"), faults.take("fpt"), faults.take("fpt")].map((f) => f !== null)).toEqual([true, true, false]);
    expect(faults.get("fpt")).toBeNull();
    faults.set("cvs", { htmlError: true, rate: 1 / 3 });
    expect(Array.from({ length: 6 }, () => faults.take("cvs") !== null)).toEqual([false, false, true, false, false, true]);
    faults.clear();
    expect(faults.list()).toEqual({});
  });
});
