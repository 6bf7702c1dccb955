-- Not in the Prisma schema: per-vendor job rate-limit counters kept by rate-limiter-flexible
-- (lib/jobs/job-rate-limit.ts), shared by every worker process. Same layout as "login_throttle".
CREATE TABLE "job_rate_limit" (
    "key" VARCHAR(255) NOT NULL,
    "points" INTEGER NOT NULL DEFAULT 0,
    "expire" BIGINT,
    CONSTRAINT "job_rate_limit_pkey" PRIMARY KEY ("key")
);
