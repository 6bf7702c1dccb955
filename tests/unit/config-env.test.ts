import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { envSchema, freezeEnv, readEnv, thawEnv } from "@/lib/config/env";
import { vendorIds } from "@/lib/vendors/types";
import { vendorRegistry } from "@/lib/vendors/vendor-registry";

// The README's configuration table and lib/config/env.ts name the same variables, both ways.
function readmeVariables(): Set<string> {
  const readme = readFileSync(path.resolve(import.meta.dirname, "../../README.md"), "utf8");
  const section = readme.split(/^## Configuration$/m)[1]?.split(/^## /m)[0] ?? "";
  const names = section
    .split("\n")
    .filter((line) => line.startsWith("| `"))
    .flatMap((line) => [...(line.split("|")[1] ?? "").matchAll(/`([A-Z][A-Z0-9_]+)`/g)].map((m) => m[1] ?? ""));
  return new Set(names);
}

describe("configuration", () => {
  const schemaNames = new Set(Object.keys(envSchema.shape));

  it("documents every variable of the schema in the README's table", () => {
    const documented = readmeVariables();
    expect(documented.size).toBeGreaterThan(40);
    expect([...schemaNames].filter((name) => !documented.has(name))).toEqual([]);
  });

  it("declares every variable of the README's table in the schema", () => {
    expect([...readmeVariables()].filter((name) => !schemaNames.has(name))).toEqual([]);
  });

  it("declares the first-start variables of every vendor (base URL and each credential field)", () => {
    const expected = vendorIds
      .filter((vendor) => !vendorRegistry[vendor].builtIn)
      .flatMap((vendor) => {
        const prefix = vendor.toUpperCase();
        return [`${prefix}_BASE_URL`, ...vendorRegistry[vendor].credentialFields.map((field) => `${prefix}_${field.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`)];
      });
    expect(expected.filter((name) => !schemaNames.has(name))).toEqual([]);
  });

  it("applies the defaults, treats a blank value as unset, and names a wrong variable", () => {
    const env = readEnv({ JOBS_POOL_SIZE: "", DATABASE_POOL_SIZE: "7" });
    expect(env.JOBS_POOL_SIZE).toBe(4);
    expect(env.DATABASE_POOL_SIZE).toBe(7);
    expect(env.VERDICT_WORKER).toBe(true);
    expect(readEnv({ VERDICT_WORKER: "false" }).VERDICT_WORKER).toBe(false);
    expect(() => readEnv({ JOBS_POOL_SIZE: "many" })).toThrow(/^Invalid environment: JOBS_POOL_SIZE: /);
    expect(() => readEnv({ TEST_SET_MAX_CONCURRENT_IMPORTS: "0" })).toThrow("TEST_SET_MAX_CONCURRENT_IMPORTS");
  });

  it("a frozen environment keeps the values it had; thawed, it reads them again", () => {
    const before = process.env.OIDC_NAME;
    process.env.OIDC_NAME = "Before the freeze";
    try {
      expect(freezeEnv().OIDC_NAME).toBe("Before the freeze");
      process.env.OIDC_NAME = "After the freeze";
      expect(readEnv().OIDC_NAME).toBe("Before the freeze");
      // An explicit source is always read.
      expect(readEnv({ OIDC_NAME: "Given" }).OIDC_NAME).toBe("Given");
      thawEnv();
      expect(readEnv().OIDC_NAME).toBe("After the freeze");
    } finally {
      thawEnv();
      if (before === undefined) delete process.env.OIDC_NAME;
      else process.env.OIDC_NAME = before;
    }
  });
});

