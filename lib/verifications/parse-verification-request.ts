import { z } from "zod";
import { AppError, ValidationError } from "@/lib/errors";
import { readJsonBody, readMultipartBody } from "@/lib/http/request-body";
import { getMediaEnv } from "@/lib/media/media-env";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { describeUnsafeJson, findUnsafeJson, findUnsafeText } from "@/lib/validation/unsafe-input";
import { base64FilesSchema, ingestAnswerSchema, isMediaRole, MEDIA_ROLES, verificationRequestSchema, type IncomingFile, type VerificationRequest } from "@/lib/verifications/verification-input";

// One verification's files together stay well under this; reading stops at this many bytes (413).
export const MAX_REQUEST_BYTES = 64 * 1024 * 1024;
const MAX_TEXT_FIELD_BYTES = 2 * 1024 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const jsonBodySchema = z.looseObject({ files: base64FilesSchema });

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
  const form = await readMultipartBody(req, {
    maxRequestBytes: MAX_REQUEST_BYTES,
    maxFileBytes: getMediaEnv().MEDIA_MAX_BYTES,
    maxFiles: MEDIA_ROLES.length,
    maxFieldBytes: MAX_TEXT_FIELD_BYTES,
    maxFields: 50,
  });
  const text = (name: string) => form.fields.get(name)?.[0];
  const list = (name: string) => (form.fields.get(name) ?? []).flatMap((v) => v.split(",").map((s) => s.trim()).filter(Boolean));
  const files: IncomingFile[] = [];
  const errors: Record<string, string[]> = {};
  for (const file of form.files) {
    if (!isMediaRole(file.field)) {
      errors[file.field] = [unknownRoleError(file.field)];
      continue;
    }
    files.push({ role: file.field, bytes: file.bytes ?? Buffer.alloc(0), filename: file.filename || file.field });
  }
  if (Object.keys(errors).length) throw new ValidationError("Some files were sent under unknown names.", errors);
  return { fields: text, list, files };
}

async function readJson(req: Request): Promise<RawBody> {
  const body = await readJsonBody(req, MAX_REQUEST_BYTES);
  const unsafe = findUnsafeJson(body);
  if (unsafe) {
    const { field, message } = describeUnsafeJson(unsafe);
    throw new ValidationError(message, { [field]: [message] });
  }
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

// The vendor's answer is stored as jsonb when it is JSON: refuse what jsonb cannot hold or what is
// too deep to normalize, naming the field, before anything is written.
function checkVendorResponse(text: string | undefined) {
  if (text === undefined) return;
  const refuse = (message: string) => new ValidationError(message, { vendorResponse: [message] });
  if (findUnsafeText(text)) throw refuse("vendorResponse contains a NUL character, which cannot be stored.");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return;
  }
  const unsafe = findUnsafeJson(parsed);
  if (unsafe) throw refuse(`vendorResponse: ${describeUnsafeJson(unsafe, "vendorResponse").message}`);
}

// The body of POST /api/v1/verifications/ingest: like a verification, for one `vendor`, plus the
// vendor's answer (`vendorResponse`, and `vendorHttpStatus`, default 200).
export async function parseIngestRequest(req: Request): Promise<ParsedVerificationRequest & { ingested: { httpStatus: number; body: string } }> {
  const body = await readBody(req);
  const vendor = body.fields("vendor");
  const request = parseRequestFields({ checkType: body.fields("checkType"), vendors: vendor ? [vendor] : [], reference: body.fields("reference"), note: body.fields("note") });
  checkVendorResponse(body.fields("vendorResponse"));
  const answer = ingestAnswerSchema.safeParse({ vendorHttpStatus: body.fields("vendorHttpStatus") ?? undefined, vendorResponse: body.fields("vendorResponse") });
  if (!answer.success) throw new ValidationError("The vendor's answer is missing or invalid.", fieldErrorsOf(answer.error));
  return { request, files: body.files, ingested: { httpStatus: answer.data.vendorHttpStatus, body: answer.data.vendorResponse } };
}
