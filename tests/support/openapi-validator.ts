import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";

// Checks a real answer (status, content type, headers, body) against a served OpenAPI 3.1 document
// with ajv (JSON Schema 2020-12, formats checked). Each schema is read from the document by JSON
// pointer, so its $refs resolve inside the document as any OpenAPI tool resolves them.

type Json = Record<string, unknown>;

export interface ObservedAnswer {
  method: string;
  /** The OpenAPI path template the request was sent to. */
  path: string;
  status: number;
  headers: Headers;
  body: Buffer;
}

const escape = (segment: string) => segment.replaceAll("~", "~0").replaceAll("/", "~1");

function at(doc: Json, pointer: string): unknown {
  return pointer
    .replace(/^#\//, "")
    .split("/")
    .reduce<unknown>((node, segment) => (node as Json | undefined)?.[segment.replaceAll("~1", "/").replaceAll("~0", "~")], doc);
}

function mediaTypeMatches(documented: string, actual: string) {
  if (documented === actual) return true;
  const [type, subtype] = documented.split("/");
  return subtype === "*" && actual.startsWith(`${type}/`);
}

export function createOpenApiValidator(doc: Json) {
  // Not strict: the whole OpenAPI document is added as one schema, and its own keywords (openapi,
  // paths, responses…) are not JSON Schema's. The schemas inside are still checked in full.
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  // OpenAPI's `format: binary` marks file bodies, which are never validated as JSON here.
  ajv.addFormat("binary", true);
  ajv.addSchema(doc, "openapi.json");

  /** What is wrong with the answer, by the document: an empty list when it conforms. */
  function problemsOf(answer: ObservedAnswer): string[] {
    const operationPointer = `#/paths/${escape(answer.path)}/${answer.method.toLowerCase()}`;
    if (!at(doc, operationPointer)) return [`${answer.method} ${answer.path} is not in the document`];
    let responsePointer = `${operationPointer}/responses/${answer.status}`;
    let response = at(doc, responsePointer) as Json | undefined;
    if (!response) return [`status ${answer.status} is not documented`];
    if (typeof response.$ref === "string") {
      responsePointer = response.$ref;
      response = at(doc, responsePointer) as Json;
    }
    const errors: string[] = [];
    for (const [name, header] of Object.entries((response.headers ?? {}) as Record<string, Json>)) {
      if (header.required && !answer.headers.has(name)) errors.push(`header ${name} is missing`);
    }
    const content = response.content as Record<string, Json> | undefined;
    const contentType = (answer.headers.get("content-type") ?? "").split(";")[0].trim();
    if (!content) {
      if (answer.body.length > 0) errors.push(`a body was sent (${contentType}) where none is documented`);
      return errors;
    }
    const mediaType = Object.keys(content).find((documented) => mediaTypeMatches(documented, contentType));
    if (!mediaType) return [...errors, `content type ${contentType || "(none)"} is not documented (documented: ${Object.keys(content).join(", ")})`];
    const schemaPointer = `${responsePointer}/content/${escape(mediaType)}/schema`;
    const isJson = mediaType === "application/json" || mediaType.endsWith("+json");
    if (!isJson) {
      if (answer.body.length === 0) errors.push(`the ${mediaType} body is empty`);
      return errors;
    }
    let body: unknown;
    try {
      body = JSON.parse(answer.body.toString("utf8"));
    } catch {
      return [...errors, `the ${mediaType} body is not JSON`];
    }
    const validate = ajv.getSchema(`openapi.json${schemaPointer}`);
    if (!validate) return [...errors, `no schema at ${schemaPointer}`];
    if (!validate(body)) errors.push(...(validate.errors ?? []).map((e) => `body${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`));
    return errors;
  }

  /** What is wrong with a JSON request body, by the operation's documented request schema. */
  function requestProblemsOf(method: string, path: string, body: unknown): string[] {
    const pointer = `#/paths/${escape(path)}/${method.toLowerCase()}/requestBody/content/application~1json/schema`;
    if (!at(doc, pointer)) return [`${method} ${path} documents no JSON request body`];
    const validate = ajv.getSchema(`openapi.json${pointer}`);
    if (!validate) return [`no schema at ${pointer}`];
    return validate(body) ? [] : (validate.errors ?? []).map((e) => `request${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
  }

  return { problemsOf, requestProblemsOf };
}
