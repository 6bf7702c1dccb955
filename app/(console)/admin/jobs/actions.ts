"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { authedAction } from "@/lib/actions/safe-action";
import { retryDeadJob } from "@/lib/jobs/job-stats";

const retrySchema = z.object({ jobId: z.uuid({ error: "Unknown job." }) });

// Sends a dead-lettered job's payload to its queue again; audited as job.retried.
export const retryDeadJobAction = authedAction({ roles: ["admin"], schema: retrySchema }, async (input, { actor }) => {
  const retried = await retryDeadJob(actor, input.jobId);
  revalidatePath("/admin/jobs");
  return retried;
});
