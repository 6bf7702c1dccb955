import { z } from "zod";
import { AppError, ValidationError } from "@/lib/errors";
import { fieldErrorsOf } from "@/lib/validation/field-errors";
import { isMediaRole, MEDIA_ROLES, verificationRequestSchema, type IncomingFile, type VerificationRequest } from "@/lib/verifications/verification-input";

// One verification's files together stay well under this; bigger bodies are refused before reading.
export const MAX_REQUEST_BYTES = 64 * 1024 * 1024;

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

const jsonBodySchema = z.object({
  checkType: z.string(),
  vendors: z.array(z.string()),
  reference: z.string().optional(),
  note: z.string().optional(),
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

async function parseMultipart(req: Request): Promise<ParsedVerificationRequest> {
  const form = await req.formData().catch(() => {
    throw new ValidationError("The multipart body could not be read.");
  });
  const vendors = form.getAll("vendors").flatMap((v) => (typeof v === "string" ? v.split(",").map((s) => s.trim()).filter(Boolean) : []));
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const request = parseRequestFields({ checkType: text("checkType"), vendors, reference: text("reference"), note: text("note") });
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
  return { request, files };
}

async function parseJson(req: Request): Promise<ParsedVerificationRequest> {
  const body: unknown = await req.json().catch(() => {
    throw new ValidationError("The body is not valid JSON.");
  });
  const shape = jsonBodySchema.safeParse(body);
  if (!shape.success) throw new ValidationError("Some fields are invalid.", fieldErrorsOf(shape.error));
  const request = parseRequestFields(shape.data);
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
  return { request, files };
}

// The body of POST /api/v1/verifications: multipart with one part per role, or JSON with base64.
export async function parseVerificationRequest(req: Request): Promise<ParsedVerificationRequest> {
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_REQUEST_BYTES) throw new AppError(`The request is larger than ${MAX_REQUEST_BYTES / 1024 / 1024} MB.`, 413);
  const type = req.headers.get("content-type") ?? "";
  if (type.startsWith("multipart/form-data")) return parseMultipart(req);
  if (type.startsWith("application/json")) return parseJson(req);
  throw new AppError("Send multipart/form-data (one part per media role) or application/json with base64 files.", 415);
}
