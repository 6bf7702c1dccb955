import { z } from "zod";

// Every environment variable Verdict reads, with its default: code reads configuration through
// `readEnv()`, never `process.env` directly. The README's configuration table lists exactly these
// names (tests/unit/config-env.test.ts checks both ways). `npm start` fills in the embedded-mode
// values (DATABASE_URL, secrets, NEXTAUTH_URL) before anything reads them.

const booleanString = z.enum(["true", "false", "1", "0"]).transform((value) => value === "true" || value === "1");
const port = z.coerce.number().int().min(1).max(65_535);

const server = {
  PORT: port.default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  // Comma-separated addresses/CIDRs of reverse proxies whose X-Forwarded-For is believed.
  TRUSTED_PROXIES: z.string().optional(),
  // Set by Next.js; `development` relaxes the content security policy for `next dev`.
  NODE_ENV: z.enum(["development", "production", "test"]).optional(),
};

const database = {
  DATABASE_URL: z.string().min(1).optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(1000).default(10),
  // A read replica streaming from DATABASE_URL: dashboards read from it (lib/db.ts readDb).
  DATABASE_READ_URL: z.string().min(1).optional(),
  // The connection migrations run on, when the app's own role may not change the schema.
  MIGRATION_DATABASE_URL: z.string().min(1).optional(),
  // Kept as text: unset means "the port of the embedded PostgreSQL already running on .data/".
  EMBEDDED_PG_PORT: z.string().regex(/^\d{1,5}$/, { error: "a port number" }).optional(),
  VERDICT_DATA_DIR: z.string().min(1).default(".data"),
};

const auth = {
  NEXTAUTH_URL: z.url().optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  // Checked where it is used (lib/crypto/secret-box.ts): base64 of exactly 32 bytes.
  VERDICT_MASTER_KEY: z.string().optional(),
  VERDICT_ADMIN_EMAIL: z.string().optional(),
  SESSION_MAX_AGE_SECONDS: z.coerce.number().int().min(300).max(30 * 24 * 3600).default(8 * 3600),
  // Failures allowed before sign-in back-off starts (lib/auth/login-throttle.ts).
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  LOGIN_MAX_FAILURES_PER_DEVICE: z.coerce.number().int().min(1).default(10),
  LOGIN_MAX_FAILURES_GLOBAL: z.coerce.number().int().min(1).default(200),
  LOGIN_BACKOFF_BASE_SECONDS: z.coerce.number().int().min(1).default(30),
  // The longest back-off; failures are forgotten after twice this long without one.
  LOGIN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).default(15 * 60),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("Single sign-on"),
  OIDC_DEFAULT_ROLE: z.enum(["reviewer", "operator", "viewer"]).optional(),
};

const sandbox = {
  // Unset: on when `npm start` runs its own embedded database, off otherwise.
  VERDICT_SANDBOX: booleanString.optional(),
  SANDBOX_PORT: port.default(4010),
  SANDBOX_HOST: z.string().min(1).default("127.0.0.1"),
  // JSON per vendor, parsed by the sandbox (lib/sandbox/faults.ts).
  SANDBOX_FAULTS: z.string().optional(),
};

const jobs = {
  VERDICT_WORKER: booleanString.default(true),
  // Queue names or prefixes ending in `*`, comma-separated; unset for every queue.
  VERDICT_WORKER_QUEUES: z.string().default(""),
  JOBS_POLL_SECONDS: z.coerce
    .number({ error: (issue) => `JOBS_POLL_SECONDS must be a number of seconds from 0.5 to 60 (got ${String(issue.input)}).` })
    .min(0.5, { error: (issue) => `JOBS_POLL_SECONDS must be a number of seconds from 0.5 to 60 (got ${String(issue.input)}).` })
    .max(60, { error: (issue) => `JOBS_POLL_SECONDS must be a number of seconds from 0.5 to 60 (got ${String(issue.input)}).` })
    .default(2),
  // Connections of pg-boss's own pool per process.
  JOBS_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(4),
  // A 5-field cron expression (UTC) or `off`; checked by lib/data-protection/retention-job.ts.
  RETENTION_PURGE_CRON: z.string().optional(),
  // Likewise, for the full check of the audit chain (lib/audit/audit-verify-job.ts).
  AUDIT_VERIFY_CRON: z.string().optional(),
};

const media = {
  // Looked up on PATH when not absolute; Debian installs them in /usr/bin.
  FFMPEG_PATH: z.string().min(1).default("ffmpeg"),
  FFPROBE_PATH: z.string().min(1).default("ffprobe"),
  // Child processes on untrusted media: killed after this long.
  MEDIA_PROBE_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  MEDIA_FRAME_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
  // The largest file the media layer accepts, whatever a vendor allows (vendor limits are stricter).
  MEDIA_MAX_BYTES: z.coerce.number().int().min(1).default(25 * 1024 * 1024),
  // Decompression-bomb guard for images: width × height.
  MEDIA_MAX_IMAGE_PIXELS: z.coerce.number().int().min(1).default(50_000_000),
  S3_BUCKET: z.string().min(1).optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: booleanString.default(true),
};

const testSets = {
  TEST_SET_MAX_UNPACKED_BYTES: z.coerce.number().int().min(1).default(512 * 1024 * 1024),
  TEST_SET_MAX_CONCURRENT_IMPORTS: z.coerce.number().int().min(1).default(2),
};

const vendorCalls = {
  // HTTP attempts per run, across every job attempt (the one budget).
  VENDOR_CALL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(4),
  VENDOR_CALL_HEARTBEAT_SECONDS: z.coerce.number().min(0.2).max(60).default(5),
  VENDOR_CALL_STALE_SECONDS: z.coerce.number().min(1).max(3600).default(20),
  VENDOR_CALL_UNKNOWN_FATE: z.enum(["fail", "retry"]).default("fail"),
};

// First-start vendor settings (`<VENDOR>_BASE_URL` and one variable per credential field of
// lib/vendors/vendor-registry.ts; a unit test keeps the two in step). Later changes: Admin → Vendors.
const vendorFirstStart = {
  CVS_BASE_URL: z.url().optional(),
  CVS_API_KEY: z.string().optional(),
  CVS_API_SECRET: z.string().optional(),
  FPT_BASE_URL: z.url().optional(),
  FPT_API_KEY: z.string().optional(),
  BIOMETRIC_KZ_BASE_URL: z.url().optional(),
  BIOMETRIC_KZ_API_KEY: z.string().optional(),
  KAIROS_BASE_URL: z.url().optional(),
  KAIROS_APP_ID: z.string().optional(),
  KAIROS_APP_KEY: z.string().optional(),
};

// 1:N face search, plain-PostgreSQL path (lib/face-search): IVF lists probed and faces reranked;
// pgvector's hnsw.ef_search where the extension exists. More: better recall, slower.
const faceSearch = {
  FACE_SEARCH_PROBES: z.coerce.number().int().min(1).max(1024).default(160),
  FACE_SEARCH_SHORTLIST: z.coerce.number().int().min(10).max(20000).default(3000),
  FACE_SEARCH_EF_SEARCH: z.coerce.number().int().min(10).max(1000).default(200),
};

const cli = {
  // Who ran the CLI, for its audit rows (SUDO_USER under sudo).
  USER: z.string().optional(),
  SUDO_USER: z.string().optional(),
};

export const envSchema = z.object({ ...server, ...database, ...auth, ...sandbox, ...jobs, ...media, ...testSets, ...vendorCalls, ...vendorFirstStart, ...faceSearch, ...cli });

export type Env = z.infer<typeof envSchema>;

const ENV_KEYS = Object.keys(envSchema.shape);
let cached: { key: string; env: Env } | undefined;

// A long-running process fixes its environment once it is complete (`freezeEnv`): readEnv() then
// returns it without reading every variable again, which cost ~0.1 ms a call, several calls per
// request. Kept on globalThis so that the Next.js bundle's own copy of this module sees it too.
const FROZEN_ENV = Symbol.for("verdict.env.frozen");
type WithFrozenEnv = typeof globalThis & { [FROZEN_ENV]?: Env };

/** For `npm start`, the app server and `npm run worker`, once they have set what they set. */
export function freezeEnv(): Env {
  const env = readEnv();
  (globalThis as WithFrozenEnv)[FROZEN_ENV] = env;
  return env;
}

/** Back to reading on every call (the benchmark freezes for its ingest as the app would, then thaws). */
export function thawEnv(): void {
  delete (globalThis as WithFrozenEnv)[FROZEN_ENV];
}

/**
 * The parsed environment. Until the process freezes it, read on every call, so tests see the current
 * values; parsed again only when one of them changed. A blank value counts as unset. Throws naming
 * every variable that is wrong.
 */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  if (source === process.env) {
    const frozen = (globalThis as WithFrozenEnv)[FROZEN_ENV];
    if (frozen) return frozen;
  }
  const values = ENV_KEYS.map((k) => (source[k] === "" ? undefined : source[k]));
  const key = JSON.stringify(values);
  if (cached?.key === key) return cached.env;
  const parsed = envSchema.safeParse(Object.fromEntries(ENV_KEYS.flatMap((k, i) => (values[i] === undefined ? [] : [[k, values[i]]]))));
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  cached = { key, env: parsed.data };
  return parsed.data;
}

/** The same as `readEnv()`: the name the web app's modules use. */
export const getEnv = (): Env => readEnv();

export function isOidcConfigured(env = getEnv()) {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}
