import { describe, expect, it } from "vitest";
import { createUserSchema, emailSchema, roleSchema } from "@/lib/users/user-schemas";
import { generatePassword } from "@/lib/auth/passwords";

describe("user input", () => {
  it("normalises emails and rejects malformed or over-long ones with a clear message", () => {
    expect(emailSchema.parse("  Ada@Example.COM ")).toBe("ada@example.com");
    for (const bad of ["", "ada", "ada@", "@example.com", "a b@example.com"]) {
      const result = emailSchema.safeParse(bad);
      expect(result.success).toBe(false);
    }
    const long = emailSchema.safeParse(`${"a".repeat(250)}@example.com`);
    expect(long.success).toBe(false);
    expect(long.error?.issues[0]?.message).toBe("Email must be at most 254 characters.");
  });

  it("names the allowed roles when given one that does not exist", () => {
    const result = roleSchema.safeParse("superuser");
    expect(result.error?.issues[0]?.message).toBe("Role must be one of: admin, reviewer, operator, viewer.");
  });

  it("limits names and turns an empty name into none", () => {
    expect(createUserSchema.parse({ email: "a@b.co", role: "viewer", name: "  " }).name).toBeNull();
    const long = createUserSchema.safeParse({ email: "a@b.co", role: "viewer", name: "x".repeat(101) });
    expect(long.error?.issues[0]?.path).toEqual(["name"]);
  });

  it("generates long, distinct passwords from an unambiguous alphabet", () => {
    const passwords = new Set(Array.from({ length: 50 }, generatePassword));
    expect(passwords.size).toBe(50);
    for (const p of passwords) expect(p).toMatch(/^[a-km-zA-HJ-NP-Z2-9]{5}(-[a-km-zA-HJ-NP-Z2-9]{5}){3}$/);
  });
});
