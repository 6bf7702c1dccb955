import { disconnectDb } from "@/lib/db";
import { seedDemoData } from "@/lib/demo/seed-demo-data";
import { resolveDatabaseUrlForCli } from "@/lib/runtime/cli-database";

// `npm run db:seed [-- --count N]`: demo verifications (marked demo, references DEMO-…), run for
// real against an in-process vendor sandbox. Uses DATABASE_URL, or the embedded database of npm start.
const countArg = process.argv.indexOf("--count");
const count = countArg > 0 ? Number(process.argv[countArg + 1]) : 40;
if (!Number.isInteger(count) || count < 1 || count > 10_000) {
  console.error("--count must be a whole number from 1 to 10000");
  process.exit(2);
}
const stopDatabase = await resolveDatabaseUrlForCli(["seed"]).catch((error: unknown) => {
  console.error(`[seed] cannot reach the database: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
try {
  await seedDemoData({ count, log: (line) => console.log(`[seed] ${line}`) });
} catch (error) {
  console.error(`[seed] failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await disconnectDb();
  await stopDatabase();
}
