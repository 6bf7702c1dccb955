import { z } from "zod";
import { AppError, ValidationError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { isMediaRole, MEDIA_ROLES, verificationRequestSchema, type IncomingFile, type VerificationRequest } from "@/lib/verifications/verification-input";

// One verification's files together stay well under this; bigger bodies are refused before reading.
export const MAX_REQUEST_BYTES = 64 * 1024 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const jsonBodySchema = z.looseObject({
  // role → base64 of the file (a data: URL prefix is accepted and ignored).
  files: z.record(z.string(), z.string(), { error: "files must be an object of role → base64 content." }),
});

export interface ParsedVerificationRequest {
  request: VerificationRequest;
  files: IncomingFile[];
}

function parseRequestFields(fields: Record<string, unknown>): VerificationRequest {
  const parsed = verificationRequestSchema.safeParse(fields);
  if (!parsed.success) throw new ValidationError("Some fields are invalid.", fieldErrorsOf(parsed.error));
  return parsed.data;
}

function unknownRoleError(key: string) {
  return `${key} is not a media role; use one of: ${MEDIA_ROLES.join(", ")}.`;
}

interface RawBody {
  fields: (name: string) => string | undefined;
  list: (name: string) => string[];
  files: IncomingFile[];
}

async function readMultipart(req: Request): Promise<RawBody> {
  const form = await req.formData().catch(() => {
    throw new ValidationError("The multipart body could not be read.");
  });
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const list = (name: string) => form.getAll(name).flatMap((v) => (typeof v === "string" ? v.split(",").map((s) => s.trim()).filter(Boolean) : []));
  const files: IncomingFile[] = [];
  const errors: Record<string, string[]> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string") continue;
    if (!isMediaRole(key)) {
      errors[key] = [unknownRoleError(key)];
      continue;
    }
    files.push({ role: key, bytes: Buffer.from(await value.arrayBuffer()), filename: value.name || key });
  }
  if (Object.keys(errors).length) throw new ValidationError("Some files were sent under unknown names.", errors);
  return { fields: text, list, files };
}

async function readJson(req: Request): Promise<RawBody> {
  const body: unknown = await req.json().catch(() => {
    throw new ValidationError("The body is not valid JSON.");
  });
  const shape = jsonBodySchema.safeParse(body);
  if (!shape.success) throw new ValidationError("Some fields are invalid.", fieldErrorsOf(shape.error));
  const record = shape.data as Record<string, unknown>;
  const text = (name: string) => {
    const value = record[name];
    if (typeof value === "string") return value;
    // The vendor's answer may come as a JSON object: keep it as the text the vendor sent.
    return value !== undefined && value !== null && typeof value === "object" ? JSON.stringify(value) : typeof value === "number" || typeof value === "boolean" ? String(value) : undefined;
  };
  const list = (name: string) => {
    const value = record[name];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : typeof value === "string" ? [value] : [];
  };
  const errors: Record<string, string[]> = {};
  const files: IncomingFile[] = [];
  for (const [key, value] of Object.entries(shape.data.files)) {
    if (!isMediaRole(key)) {
      errors[key] = [unknownRoleError(key)];
      continue;
    }
    const content = value.replace(/^data:[^;,]*;base64,/, "").replace(/\s+/g, "");
    if (!BASE64.test(content) || content.length % 4 !== 0) {
      errors[key] = [`${key} is not valid base64.`];
      continue;
    }
    files.push({ role: key, bytes: Buffer.from(content, "base64"), filename: key });
  }
  if (Object.keys(errors).length) throw new ValidationError("Some files could not be read.", errors);
  return { fields: text, list, files };
}

async function readBody(req: Request): Promise<RawBody> {
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_REQUEST_BYTES) throw new AppError(`The request is larger than ${MAX_REQUEST_BYTES / 1024 / 1024} MB.`, 413);
  const type = req.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) return readMultipart(req);
  if (type.startsWith("application/json")) return readJson(req);
  throw new AppError("Send multipart/form-data (one part per media role) or application/json with base64 files.", 415);
}

// The body of POST /api/v1/verifications: multipart with one part per role, or JSON with base64.
export async function parseVerificationRequest(req: Request): Promise<ParsedVerificationRequest> {
  const body = await readBody(req);
  const request = parseRequestFields({ checkType: body.fields("checkType"), vendors: body.list("vendors"), reference: body.fields("reference"), note: body.fields("note"), manualReview: body.fields("manualReview") });
  return { request, files: body.files };
}

const ingestSchema = z.object({
  vendorHttpStatus: z.coerce.number({ error: "vendorHttpStatus must be the HTTP status the vendor answered with." }).int().min(100).max(599).default(200),
  vendorResponse: z.string({ error: "vendorResponse is required: the vendor's body exactly as received." }).min(1, "vendorResponse is required: the vendor's body exactly as received.").max(1_000_000),
});

// The body of POST /api/v1/verifications/ingest: like a verification, for one `vendor`, plus the
// vendor's answer (`vendorResponse`, and `vendorHttpStatus`, default 200).
export async function parseIngestRequest(req: Request): Promise<ParsedVerificationRequest & { ingested: { httpStatus: number; body: string } }> {
  const body = await readBody(req);
  const vendor = body.fields("vendor");
  const request = parseRequestFields({ checkType: body.fields("checkType"), vendors: vendor ? [vendor] : [], reference: body.fields("reference"), note: body.fields("note") });
  const answer = ingestSchema.safeParse({ vendorHttpStatus: body.fields("vendorHttpStatus") ?? undefined, vendorResponse: body.fields("vendorResponse") });
  if (!answer.success) throw new ValidationError("The vendor's answer is missing or invalid.", fieldErrorsOf(answer.error));
  return { request, files: body.files, ingested: { httpStatus: answer.data.vendorHttpStatus, body: answer.data.vendorResponse } };
}
