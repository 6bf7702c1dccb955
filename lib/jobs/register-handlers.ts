import { runAuditVerifyJob } from "@/lib/audit/audit-verify-job";
import { runRetentionPurgeJob } from "@/lib/data-protection/retention-job";
import { registerJobHandler, registerVendorCallHandler } from "@/lib/jobs/handlers";
import { handleThumbnailJob } from "@/lib/media/generate-thumbnails";
import { runBulkRerunJob } from "@/lib/reruns/run-bulk-rerun-job";
import { runVendorCallJob } from "@/lib/verifications/run-vendor-call-job";
import { deliverWebhookJob } from "@/lib/webhooks/deliver-webhook-job";

// The real job handlers: imported for its side effects by `npm run worker` (scripts/worker.ts) and
// by startInProcessWorker (`npm start`). Handlers follow the idempotency contract in handlers.ts.
registerVendorCallHandler(runVendorCallJob);
registerJobHandler("thumbnails", async (payload) => {
  await handleThumbnailJob(payload);
});
registerJobHandler("webhook-delivery", deliverWebhookJob);
registerJobHandler("bulk-rerun", runBulkRerunJob);
registerJobHandler("retention-purge", runRetentionPurgeJob);
registerJobHandler("audit-verify", runAuditVerifyJob);
