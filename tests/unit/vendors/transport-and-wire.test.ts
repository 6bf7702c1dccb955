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

describe("waits between attempts", () => {
  it("jitter stays between half and all of the exponential backoff", async () => {
    const { jitteredBackoffMs } = await import("@/lib/vendors/http/send-with-retries");
    expect(jitteredBackoffMs(100, 3, () => 0)).toBe(200);
    expect(jitteredBackoffMs(100, 3, () => 1)).toBe(400);
    expect(jitteredBackoffMs(100, 3, () => 0.5)).toBe(300);
  });

  it("reads Retry-After as seconds or an HTTP date", async () => {
    const { parseRetryAfterMs } = await import("@/lib/vendors/http/send-with-retries");
    expect(parseRetryAfterMs("7")).toBe(7000);
    expect(parseRetryAfterMs(new Date(Date.UTC(2030, 0, 1, 0, 0, 30)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(30_000);
    expect(parseRetryAfterMs("soon")).toBeNull();
    expect(parseRetryAfterMs(null)).toBeNull();
  });

  it("honours a vendor's Retry-After on 429 and 503, and records each retry before sending it", async () => {
    const { sendWithRetries } = await import("@/lib/vendors/http/send-with-retries");
    const http = await import("node:http");
    let calls = 0;
    const server = http.createServer((_req, res) => {
      calls += 1;
      if (calls === 1) return void res.writeHead(429, { "retry-after": "3" }).end("{}");
      if (calls === 2) return void res.writeHead(503, { "retry-after": "2" }).end("{}");
      res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const waits: number[] = [];
    const recorded: number[] = [];
    try {
      const result = await sendWithRetries(() => ({ url: `http://127.0.0.1:${port}/`, method: "GET", headers: {} }), {
        timeoutMs: 2000, maxRetries: 3, backoffMs: 100, random: () => 0,
        sleep: async (ms) => void waits.push(ms),
        beforeRetry: async (n) => void recorded.push(n),
      });
      expect(result.kind).toBe("response");
      expect(result.attempts.map((a) => a.httpStatus)).toEqual([429, 503, 200]);
      expect(waits).toEqual([3000, 2000]);
      expect(recorded).toEqual([2, 3]);
    } finally {
      server.close();
    }
  });
});
