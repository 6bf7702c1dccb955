import { registerJobHandler, registerVendorCallHandler } from "@/lib/jobs/handlers";
import { handleThumbnailJob } from "@/lib/media/generate-thumbnails";
import { runVendorCallJob } from "@/lib/verifications/run-vendor-call-job";

// The real job handlers: imported for its side effects by `npm run worker` (scripts/worker.ts) and
// by startInProcessWorker (`npm start`). Handlers follow the idempotency contract in handlers.ts.
registerVendorCallHandler(runVendorCallJob);
registerJobHandler("thumbnails", async (payload) => {
  await handleThumbnailJob(payload);
});
