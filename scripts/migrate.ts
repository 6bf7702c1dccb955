import { readEnv } from "@/lib/config/env";
import { applyMigrations, MigrationError } from "@/lib/db/migrate";

// `npm run db:migrate`: applies pending migrations to MIGRATION_DATABASE_URL (the owner role, when
// the app runs as a role without DDL rights), else DATABASE_URL.
const env = readEnv();
const url = env.MIGRATION_DATABASE_URL ?? env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set. (npm start sets it for the embedded database.)");
  process.exit(2);
}
try {
  const result = await applyMigrations(url, { log: (line) => console.log(line) });
  console.log(`${result.applied.length} applied, ${result.alreadyApplied.length} already up to date`);
} catch (error) {
  console.error(error instanceof MigrationError ? error.message : error);
  process.exit(1);
}
