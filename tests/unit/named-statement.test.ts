import { describe, expect, it } from "vitest";
import { named } from "@/lib/db/named-statement";

describe("named statements", () => {
  it("give one name per text, the same every time, and a different one to a different text", () => {
    const first = named(`SELECT 1 FROM "Verification" WHERE "id" = $1::uuid`);
    expect(first.text).toBe(`SELECT 1 FROM "Verification" WHERE "id" = $1::uuid`);
    expect(first.name).toMatch(/^verdict_[0-9a-f]{24}$/);
    expect(named(`SELECT 1 FROM "Verification" WHERE "id" = $1::uuid`).name).toBe(first.name);
    expect(named(`SELECT 2 FROM "Verification" WHERE "id" = $1::uuid`).name).not.toBe(first.name);
  });
});
