import { recordAuditEvent, type Actor } from "@/lib/audit/record-audit-event";
import { decryptSecret, encryptSecret, maskSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { isSandboxBaseUrl } from "@/lib/vendor-settings/sandbox-base-url";
import type { VendorConfigInput } from "@/lib/vendor-settings/vendor-config-schemas";
import { sandboxBaseUrl, vendorRegistry } from "@/lib/vendors/vendor-registry";
import { vendorIds, type VendorCallConfig, type VendorId } from "@/lib/vendors/types";
import { readEnv } from "@/lib/config/env";

// Vendor connection settings: base URL, encrypted credentials, timeouts, concurrency and rate.
// Secrets are decrypted only here, only for the call that needs them, and never logged.

function maskCredentials(credentials: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(credentials).map(([k, v]) => [k, maskSecret(v)]));
}

async function readCredentials(vendor: VendorId): Promise<Record<string, string>> {
  const row = await db.vendorConfig.findUnique({ where: { vendor }, omit: { credentialsEncrypted: false } });
  if (!row?.credentialsEncrypted) return {};
  return JSON.parse(decryptSecret(row.credentialsEncrypted)) as Record<string, string>;
}

export async function listVendorConfigs() {
  const rows = await db.vendorConfig.findMany();
  return vendorIds.map((vendor) => ({ vendor, info: vendorRegistry[vendor], config: rows.find((r) => r.vendor === vendor) ?? null }));
}

export interface VendorRuntimeConfig {
  vendor: VendorId;
  enabled: boolean;
  concurrency: number;
  ratePerSecond: number | null;
  /** The base URL is the built-in sandbox's: runs sent with this config are sandbox answers. Never given to adapters. */
  sandbox: boolean;
  call: VendorCallConfig;
}

export async function getVendorRuntimeConfig(vendor: VendorId): Promise<VendorRuntimeConfig | null> {
  const row = await db.vendorConfig.findUnique({ where: { vendor }, omit: { credentialsEncrypted: false } });
  return row ? runtimeConfigOf(row) : null;
}

/** A VendorConfig row (read with its encrypted credentials) as the adapters use it: credentials decrypted. */
export function runtimeConfigOf(row: {
  vendor: VendorId;
  enabled: boolean;
  concurrency: number;
  ratePerSecond: number | null;
  baseUrl: string;
  credentialsEncrypted: string | null;
  timeoutMs: number;
  maxRetries: number;
  sandbox: boolean;
}): VendorRuntimeConfig {
  const credentials = row.credentialsEncrypted ? (JSON.parse(decryptSecret(row.credentialsEncrypted)) as Record<string, string>) : {};
  return {
    vendor: row.vendor,
    enabled: row.enabled,
    concurrency: row.concurrency,
    ratePerSecond: row.ratePerSecond,
    sandbox: row.sandbox,
    call: { baseUrl: row.baseUrl, credentials, timeoutMs: row.timeoutMs, maxRetries: row.maxRetries },
  };
}

export async function updateVendorConfig(actor: Actor, input: VendorConfigInput) {
  const info = vendorRegistry[input.vendor];
  const unknown = Object.keys(input.credentials).filter((k) => !info.credentialFields.includes(k));
  if (unknown.length) {
    throw new ValidationError(`Unknown credential field(s) for ${info.displayName}: ${unknown.join(", ")}.`, {
      credentials: [`Allowed: ${info.credentialFields.join(", ")}.`],
    });
  }
  const current = await readCredentials(input.vendor);
  const provided = Object.fromEntries(Object.entries(input.credentials).filter(([, v]) => v.trim() !== "").map(([k, v]) => [k, v.trim()]));
  const credentials = { ...current, ...provided };
  const missing = info.credentialFields.filter((f) => !credentials[f]);
  if (input.enabled && missing.length) {
    throw new ValidationError("Credentials are missing for an enabled vendor.", Object.fromEntries(missing.map((f) => [`credentials.${f}`, [`${f} is required while the vendor is enabled.`]])));
  }
  const data = {
    enabled: input.enabled,
    baseUrl: info.builtIn ? info.defaultBaseUrl : input.baseUrl,
    timeoutMs: input.timeoutMs,
    maxRetries: input.maxRetries,
    concurrency: input.concurrency,
    ratePerSecond: input.ratePerSecond,
    credentialsEncrypted: Object.keys(credentials).length ? encryptSecret(JSON.stringify(credentials)) : null,
    credentialsMasked: maskCredentials(credentials),
    updatedById: actor.kind === "user" ? actor.id : null,
  };
  return db.$transaction(async (tx) => {
    const before = await tx.vendorConfig.findUnique({ where: { vendor: input.vendor } });
    if (!before) throw new NotFoundError(`${info.displayName} is not configured yet; restart Verdict to create its defaults.`);
    // Recomputed with every save: a base URL typed by hand may still be the built-in sandbox's.
    const sandbox = isSandboxBaseUrl(input.baseUrl, before.sandboxBaseUrl);
    const updated = await tx.vendorConfig.update({ where: { vendor: input.vendor }, data: { ...data, sandbox } });
    const view = (r: typeof before) => ({
      enabled: r.enabled, baseUrl: r.baseUrl, sandbox: r.sandbox, timeoutMs: r.timeoutMs, maxRetries: r.maxRetries,
      concurrency: r.concurrency, ratePerSecond: r.ratePerSecond, credentials: r.credentialsMasked as Prisma.InputJsonValue,
    });
    // Only masked credentials reach the audit log.
    await recordAuditEvent(tx, actor, { action: "vendor_config.updated", targetType: "vendor", targetId: input.vendor, before: view(before), after: view(updated) });
    return updated;
  });
}

// `<VENDOR>_BASE_URL` and `<VENDOR>_<FIELD>`: declared one by one in lib/config/env.ts.
function envText(name: string): string | undefined {
  const value: unknown = (readEnv() as Record<string, unknown>)[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function envCredentials(vendor: VendorId): Record<string, string> {
  const prefix = vendor.toUpperCase();
  const fromEnv: Record<string, string> = {};
  for (const field of vendorRegistry[vendor].credentialFields) {
    const name = `${prefix}_${field.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`; // apiKey → CVS_API_KEY
    const value = envText(name);
    if (value) fromEnv[field] = value;
  }
  return fromEnv;
}

// First start: one row per vendor from the environment (`<VENDOR>_BASE_URL`, `<VENDOR>_API_KEY`…),
// else the local sandbox with its documented credentials when it runs, else the real vendor
// URL, disabled until an admin enters credentials. Existing rows keep their settings; when the
// sandbox runs, each row learns where it serves that vendor and whether its base URL points there
// (a start without the sandbox leaves both as they were: a base URL that pointed at it still does).
export async function ensureDefaultVendorConfigs(options: { sandboxUrl?: string }) {
  for (const vendor of vendorIds) {
    const info = vendorRegistry[vendor];
    if (info.builtIn) {
      // Verdict's own engine: on by default, nothing to configure; one analysis at a time per worker
      // process (the WASM backend is single-threaded, and each one holds a picture in memory).
      await db.vendorConfig.upsert({ where: { vendor }, update: {}, create: { vendor, baseUrl: info.defaultBaseUrl, enabled: true, concurrency: 1, maxRetries: 0, timeoutMs: 120_000, credentialsMasked: {} } });
      continue;
    }
    const fromEnv = envCredentials(vendor);
    const envBaseUrl = envText(`${vendor.toUpperCase()}_BASE_URL`);
    const sandboxUrl = options.sandboxUrl ? sandboxBaseUrl(options.sandboxUrl, vendor) : null;
    const useSandbox = !envBaseUrl && !Object.keys(fromEnv).length && sandboxUrl;
    const credentials = useSandbox ? { ...info.sandboxCredentials } : fromEnv;
    const baseUrl = envBaseUrl ?? (useSandbox ? sandboxUrl : info.defaultBaseUrl);
    const complete = info.credentialFields.every((f) => credentials[f]);
    const existing = await db.vendorConfig.findUnique({ where: { vendor }, select: { baseUrl: true } });
    await db.vendorConfig.upsert({
      where: { vendor },
      update: sandboxUrl && existing ? { sandboxBaseUrl: sandboxUrl, sandbox: isSandboxBaseUrl(existing.baseUrl, sandboxUrl) } : {},
      create: {
        vendor,
        baseUrl,
        sandboxBaseUrl: sandboxUrl,
        sandbox: isSandboxBaseUrl(baseUrl, sandboxUrl),
        enabled: complete,
        credentialsEncrypted: Object.keys(credentials).length ? encryptSecret(JSON.stringify(credentials)) : null,
        credentialsMasked: maskCredentials(credentials),
      },
    });
  }
}
