import { z } from "zod";

// Every environment variable Verdict reads, with its default. The README's configuration table
// mirrors this schema; scripts/start.ts fills in the embedded-mode values before the app starts.
const envSchema = z.object({
  DATABASE_URL: z.string().min(1).optional(),
  NEXTAUTH_URL: z.url().optional(),
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  SESSION_MAX_AGE_SECONDS: z.coerce.number().int().min(300).max(30 * 24 * 3600).default(8 * 3600),
  // Failures allowed before sign-in back-off starts (lib/auth/login-throttle.ts).
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).default(5),
  LOGIN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().min(1).default(20),
  LOGIN_MAX_FAILURES_PER_DEVICE: z.coerce.number().int().min(1).default(10),
  LOGIN_MAX_FAILURES_GLOBAL: z.coerce.number().int().min(1).default(200),
  LOGIN_BACKOFF_BASE_SECONDS: z.coerce.number().int().min(1).default(30),
  // The longest back-off; failures are forgotten after twice this long without one.
  LOGIN_LOCKOUT_SECONDS: z.coerce.number().int().min(1).default(15 * 60),
  // Comma-separated addresses/CIDRs of reverse proxies whose X-Forwarded-For is believed.
  TRUSTED_PROXIES: z.string().optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_NAME: z.string().min(1).default("Single sign-on"),
  OIDC_DEFAULT_ROLE: z.enum(["reviewer", "operator", "viewer"]).optional(),
  VERDICT_MASTER_KEY: z.string().optional(),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  cached = parsed.data;
  return cached;
}

export function isOidcConfigured(env = getEnv()) {
  return Boolean(env.OIDC_ISSUER && env.OIDC_CLIENT_ID && env.OIDC_CLIENT_SECRET);
}
