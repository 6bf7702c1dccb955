import pg from "pg";
import { RateLimiterPostgres, RateLimiterRes } from "rate-limiter-flexible";

// Per-queue rate limits (vendor calls per second), shared by every worker process through the
// "job_rate_limit" table (created by a migration).

export interface JobRateLimiter {
  // 0 when a call may start now; otherwise the milliseconds until the budget allows one.
  take(key: string, ratePerSecond: number): Promise<number>;
  close(): Promise<void>;
}

// A fixed window of `points` calls per `duration` seconds with the same average rate:
// 10/s → 10 per 1 s; 2.5/s → 2 per 0.8 s; 0.2/s → 1 per 5 s.
export function rateWindow(ratePerSecond: number) {
  const points = Math.max(1, Math.floor(ratePerSecond));
  return { points, duration: points / ratePerSecond };
}

export function createJobRateLimiter(databaseUrl: string): JobRateLimiter {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, application_name: "verdict-job-rate-limit" });
  const limiters = new Map<string, RateLimiterPostgres>();

  function limiterFor(ratePerSecond: number) {
    const window = rateWindow(ratePerSecond);
    const id = `${window.points}/${window.duration}`;
    let limiter = limiters.get(id);
    if (!limiter) {
      limiter = new RateLimiterPostgres({
        storeClient: pool,
        storeType: "pool",
        tableName: "job_rate_limit",
        tableCreated: true,
        keyPrefix: "job",
        ...window,
      });
      limiters.set(id, limiter);
    }
    return limiter;
  }

  return {
    async take(key, ratePerSecond) {
      try {
        await limiterFor(ratePerSecond).consume(key, 1);
        return 0;
      } catch (rejection) {
        // The library rejects with a RateLimiterRes when over budget, with an Error when the store fails.
        if (rejection instanceof RateLimiterRes) return Math.max(1, rejection.msBeforeNext);
        throw rejection;
      }
    },
    async close() {
      await pool.end();
    },
  };
}
