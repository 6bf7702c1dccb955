import { defineConfig } from "prisma/config";

// Used by `prisma generate` (and by `prisma migrate deploy` where Prisma's native engine exists).
// Verdict applies migrations itself with scripts/migrate.ts, which needs no native engine.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/verdict" },
});
