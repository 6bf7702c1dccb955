-- Sessions that end: each signed-in browser has a row; sign-out revokes it, and every request
-- checks it (a copied cookie stops working once its session is revoked).
CREATE TABLE "UserSession" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "userId" UUID NOT NULL,
    "method" TEXT NOT NULL,
    "ip" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "revokedAt" TIMESTAMPTZ(3),
    CONSTRAINT "UserSession_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "UserSession_userId_createdAt_idx" ON "UserSession"("userId", "createdAt");
ALTER TABLE "UserSession" ADD CONSTRAINT "UserSession_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Not in the Prisma schema: sign-in back-off counters (lib/auth/login-throttle.ts), replacing the
-- hard lockout's "login_throttle". Keys: account:<email>, address:<ip>, device:<id>, global.
DROP TABLE "login_throttle";
CREATE TABLE "login_backoff" (
    "key" TEXT NOT NULL,
    "failures" INTEGER NOT NULL DEFAULT 0,
    "lastFailureAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "login_backoff_pkey" PRIMARY KEY ("key")
);
CREATE INDEX "login_backoff_lastFailureAt_idx" ON "login_backoff"("lastFailureAt");
