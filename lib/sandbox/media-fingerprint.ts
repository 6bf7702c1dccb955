import { createHash } from "node:crypto";
import type { Context } from "hono";
import type { SandboxEnv } from "@/lib/sandbox/sandbox-types";

// Which media a vendor request carried, as one short hash, so a log reader can tell that the same
// media reached the vendor twice (a call sent again) whatever the wire format: the files of a
// multipart body, or the long strings (base64 media, media URLs excluded) of a JSON body. The body
// is read through Hono's cache, so the vendor's own handler reads it again unchanged.

const MEDIA_STRING_MIN = 512;

function collectLongStrings(value: unknown, out: string[]) {
  if (typeof value === "string") {
    if (value.length >= MEDIA_STRING_MIN) out.push(value);
  } else if (Array.isArray(value)) for (const item of value) collectLongStrings(item, out);
  else if (typeof value === "object" && value !== null) for (const item of Object.values(value)) collectLongStrings(item, out);
}

const sha256 = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

/** The media fingerprint of the request, or null when its body carries none. */
export async function mediaFingerprint(c: Context<SandboxEnv>): Promise<string | null> {
  if (c.req.method !== "POST" && c.req.method !== "PUT") return null;
  const type = c.req.header("content-type") ?? "";
  const parts: string[] = [];
  try {
    if (type.startsWith("multipart/form-data")) {
      const form = await c.req.formData();
      for (const value of form.values()) if (typeof value !== "string") parts.push(sha256(new Uint8Array(await value.arrayBuffer())));
    } else if (type.includes("json")) {
      const strings: string[] = [];
      collectLongStrings(await c.req.json(), strings);
      for (const s of strings) parts.push(sha256(s.replace(/^data:[^,]*,/, "").replace(/\s+/g, "")));
    }
  } catch {
    return null;
  }
  return parts.length ? sha256(parts.sort().join(",")).slice(0, 32) : null;
}
