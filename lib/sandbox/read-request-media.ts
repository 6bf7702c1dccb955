import type { Context } from "hono";
import type { SandboxEnv } from "@/lib/sandbox/sandbox-types";

export type UploadedFile = { bytes: Buffer; filename: string; type: string };

/** Multipart form of the request, or null when the body is not multipart/urlencoded. */
export async function readForm(c: Context<SandboxEnv>): Promise<FormData | null> {
  try {
    return await c.req.formData();
  } catch {
    return null;
  }
}

export async function readFormFile(form: FormData | null, field: string): Promise<UploadedFile | null> {
  const value = form?.get(field);
  if (!value || typeof value === "string") return null;
  return { bytes: Buffer.from(await value.arrayBuffer()), filename: value.name, type: value.type };
}

export function readFormText(form: FormData | null, field: string): string | null {
  const value = form?.get(field);
  return typeof value === "string" ? value : null;
}

export async function readJsonObject(c: Context<SandboxEnv>): Promise<Record<string, unknown> | null> {
  try {
    const value: unknown = await c.req.json();
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Base64 as Python's base64.encodebytes writes it (newlines every 76 chars), with or without a data: prefix. */
export function decodeBase64Field(value: unknown): Buffer | null {
  if (typeof value !== "string") return null;
  const payload = value.replace(/^data:[^,]*,/, "").replace(/\s+/g, "");
  if (payload === "" || !/^[A-Za-z0-9+/_-]+=*$/.test(payload)) return null;
  return Buffer.from(payload, "base64");
}

/** Fetches an image URL the way a vendor would, bounded in time and size; null when unavailable. */
export async function fetchRemoteMedia(url: string): Promise<Buffer | null> {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
    const response = await fetch(parsed, { signal: AbortSignal.timeout(5_000) });
    if (!response.ok) return null;
    const bytes = Buffer.from(await response.arrayBuffer());
    return bytes.length > 0 && bytes.length <= 20 * 1024 * 1024 ? bytes : null;
  } catch {
    return null;
  }
}
