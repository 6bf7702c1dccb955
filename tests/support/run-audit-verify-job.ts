import { runAuditVerifyJob } from "@/lib/audit/audit-verify-job";
import { findLastFullCheck } from "@/lib/audit/verify-audit-chain";
import { disconnectDb } from "@/lib/db";

// Runs the periodic audit-verify job once on DATABASE_URL and prints the full check it recorded
// (what the audit page shows), as JSON on the last line.
await runAuditVerifyJob();
console.log(JSON.stringify(await findLastFullCheck()));
await disconnectDb();
