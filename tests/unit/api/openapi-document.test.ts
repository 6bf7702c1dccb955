import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "@/lib/api/openapi-document";

// The generated OpenAPI document: Redocly's linter (recommended rules, run offline) finds no error
// in it, and the defects it once had by hand stay fixed.

type Json = Record<string, unknown>;
const doc = buildOpenApiDocument() as unknown as Json;
const paths = doc.paths as Record<string, Record<string, Json>>;
/** The node at a JSON pointer (without its leading "#/"). */
const at = (pointer: string) => pointer.split("/").reduce<unknown>((node, key) => (node as Json | undefined)?.[key.replaceAll("~1", "/").replaceAll("~0", "~")], doc);

describe("the OpenAPI document", () => {
  it("passes `redocly lint` with the recommended rules: no error, and no warning but the public document's lack of 4XX answers", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "verdict-openapi-"));
    try {
      await writeFile(path.join(dir, "openapi.json"), JSON.stringify(doc));
      const cli = path.resolve("node_modules/.bin/redocly");
      // Exit code 1 means errors were found: the report is read either way.
      const { stdout } = await promisify(execFile)(cli, ["lint", "openapi.json", "--format=json"], {
        cwd: dir,
        env: { ...process.env, REDOCLY_TELEMETRY: "off", REDOCLY_SUPPRESS_UPDATE_NOTICE: "true", NO_COLOR: "1" },
      }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? "" }));
      const report = JSON.parse(stdout) as { totals: { errors: number }; problems: Array<{ ruleId: string; severity: string; location: Array<{ pointer: string }> }> };
      expect(report.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(report.totals.errors).toBe(0);
      expect(report.problems.map((p) => `${p.ruleId} ${p.location[0]?.pointer}`)).toEqual(["operation-4xx-response #/paths/~1api~1v1~1openapi.json/get/responses"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it("names every operation once, with a tag", () => {
    const ids = Object.values(paths).flatMap((item) => Object.values(item).map((operation) => operation.operationId));
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of Object.values(paths)) for (const operation of Object.values(item)) expect(operation.tags).toHaveLength(1);
  });

  it("documents a queued run's normalized as null, manualReview and note, and the ingest endpoint's JSON body", () => {
    const normalized = at("components/schemas/Verification/properties/runs/items/properties/normalized") as Json;
    expect(JSON.stringify(normalized)).toContain('"type":"null"');
    const create = paths["/api/v1/verifications"].post.requestBody as { content: Record<string, { schema: { properties: Json } }> };
    for (const mediaType of ["multipart/form-data", "application/json"]) expect(Object.keys(create.content[mediaType].schema.properties)).toEqual(expect.arrayContaining(["manualReview", "note"]));
    const ingest = paths["/api/v1/verifications/ingest"].post.requestBody as { content: Record<string, { schema: { properties: Json } }> };
    expect(Object.keys(ingest.content)).toEqual(["multipart/form-data", "application/json"]);
    expect(Object.keys(ingest.content["application/json"].schema.properties)).toEqual(expect.arrayContaining(["vendorResponse", "note", "files"]));
  });

  it("types the list parameters and gives every answer a content schema; errors are problem documents with a type and code", () => {
    const parameters = paths["/api/v1/verifications"].get.parameters as Array<{ name: string; schema: Json }>;
    expect(parameters.find((p) => p.name === "limit")!.schema).toMatchObject({ type: "integer", minimum: 1, maximum: 100 });
    expect(parameters.find((p) => p.name === "outcome")!.schema).toMatchObject({ enum: ["pass", "fail", "review", "error"] });
    expect(at("paths/~1api~1v1~1verifications/get/responses/200/content/application~1json/schema")).toEqual({ $ref: "#/components/schemas/VerificationPage" });
    const problems = (doc.components as { responses: Record<string, { content: Record<string, { schema: Json }> }> }).responses;
    for (const code of ["not_found", "payload_too_large", "unsupported_media_type"]) {
      const schema = problems[`problem_${code}`].content["application/problem+json"].schema;
      const properties = (at(`${(schema.$ref as string).slice(2)}/properties`) ?? {}) as Record<string, { const?: string }>;
      expect(properties.code?.const).toBe(code);
      expect(properties.type?.const).toBe(`urn:verdict:problem:${code.replaceAll("_", "-")}`);
    }
  });
});
