import pg from "pg";
import { RateLimiterPostgres, type RateLimiterRes } from "rate-limiter-flexible";
import { getEnv } from "@/lib/config/env";

// Brute-force protection for the password sign-in, shared by every app instance through
// PostgreSQL: consecutive failures per account, and failures per client address.

interface Limiters {
  byAccount: RateLimiterPostgres;
  byAddress: RateLimiterPostgres;
}

const globalForThrottle = globalThis as unknown as { verdictLoginLimiters?: Limiters };

function getLimiters(): Limiters {
  if (globalForThrottle.verdictLoginLimiters) return globalForThrottle.verdictLoginLimiters;
  const env = getEnv();
  const pool = new pg.Pool({ connectionString: env.DATABASE_URL, max: 2 });
  const common = {
    storeClient: pool,
    storeType: "pool",
    tableName: "login_throttle",
    tableCreated: true,
    duration: env.LOGIN_LOCKOUT_SECONDS,
    blockDuration: env.LOGIN_LOCKOUT_SECONDS,
  };
  globalForThrottle.verdictLoginLimiters = {
    byAccount: new RateLimiterPostgres({ ...common, keyPrefix: "account", points: env.LOGIN_MAX_FAILURES_PER_ACCOUNT }),
    byAddress: new RateLimiterPostgres({ ...common, keyPrefix: "address", points: env.LOGIN_MAX_FAILURES_PER_ADDRESS }),
  };
  return globalForThrottle.verdictLoginLimiters;
}

function isExhausted(res: RateLimiterRes | null, limit: number) {
  return res !== null && res.consumedPoints >= limit;
}

// Seconds until the caller may try again, or 0 when not locked out.
export async function getLockoutSeconds(email: string, address: string): Promise<number> {
  const env = getEnv();
  const { byAccount, byAddress } = getLimiters();
  const [account, addr] = await Promise.all([byAccount.get(email), byAddress.get(address)]);
  const locked = [
    isExhausted(account, env.LOGIN_MAX_FAILURES_PER_ACCOUNT) ? account : null,
    isExhausted(addr, env.LOGIN_MAX_FAILURES_PER_ADDRESS) ? addr : null,
  ].filter((r): r is RateLimiterRes => r !== null);
  if (locked.length === 0) return 0;
  return Math.ceil(Math.max(...locked.map((r) => r.msBeforeNext)) / 1000);
}

export async function recordLoginFailure(email: string, address: string) {
  const { byAccount, byAddress } = getLimiters();
  // consume() rejects once the limit is passed; the lockout is read by getLockoutSeconds.
  await Promise.allSettled([byAccount.consume(email), byAddress.consume(address)]);
}

export async function clearLoginFailures(email: string) {
  await getLimiters().byAccount.delete(email);
}
