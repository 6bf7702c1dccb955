import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import { readEnv } from "@/lib/config/env";

// AES-256-GCM for secrets at rest (vendor credentials, webhook signing secrets). The key is
// VERDICT_MASTER_KEY (base64 of 32 bytes); npm start generates one under .data/ when unset.
// Format: "v1.<iv>.<tag>.<ciphertext>", each base64url, so a future key rotation can add "v2".

const VERSION = "v1";

export class SecretBoxError extends Error {}

function masterKey(): Buffer {
  const raw = readEnv().VERDICT_MASTER_KEY;
  if (!raw) throw new SecretBoxError("VERDICT_MASTER_KEY is not set: it is needed to encrypt and decrypt stored secrets.");
  const key = Buffer.from(raw, "base64");
  if (key.length !== 32) throw new SecretBoxError("VERDICT_MASTER_KEY must be the base64 encoding of exactly 32 bytes.");
  return key;
}

export function encryptSecret(plaintext: string, key = masterKey()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

export function decryptSecret(sealed: string, key = masterKey()): string {
  const [version, iv, tag, ciphertext] = sealed.split(".");
  if (version !== VERSION || !iv || !tag || ciphertext === undefined) throw new SecretBoxError("Stored secret has an unknown format.");
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    throw new SecretBoxError("Stored secret could not be decrypted: VERDICT_MASTER_KEY differs from the one it was encrypted with.");
  }
}

// For the admin UI: enough to recognise a value, never enough to use it.
export function maskSecret(value: string): string {
  if (value.length <= 4) return "••••";
  if (value.length <= 10) return `${value.slice(0, 2)}••••`;
  return `${value.slice(0, 4)}••••${value.slice(-2)}`;
}
