import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageUser } from "@/lib/auth/current-user";
import { findDeadJobs, findQueueStats } from "@/lib/jobs/job-stats";
import { isQueueName } from "@/lib/jobs/queues";
import { DeadJobsTable } from "./_components/dead-jobs-table";
import { QueueStatsTable } from "./_components/queue-stats-table";

export const metadata: Metadata = { title: "Jobs" };

// A hand-edited URL never crashes the page: an unknown queue just shows every queue's dead letters.
const searchSchema = z.object({
  queue: z
    .string()
    .refine(isQueueName)
    .optional()
    .catch(undefined),
});

export default async function JobsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePageUser(["admin"]);
  const search = searchSchema.parse(await searchParams);
  const [stats, dead] = await Promise.all([findQueueStats(), findDeadJobs({ queue: search.queue, limit: 100 })]);
  return (
    <>
      <PageHeader title="Jobs" description="Vendor calls, thumbnails and other background work: what is queued, running, and what failed for good." />
      <div className="flex flex-col gap-8">
        <QueueStatsTable stats={stats} />
        <section aria-labelledby="dead-letters" className="flex flex-col gap-3">
          <div className="flex items-baseline justify-between gap-4">
            <h2 id="dead-letters" className="font-medium">
              Dead letters{search.queue ? ` in ${search.queue}` : ""}
            </h2>
            {search.queue ? (
              <Link href="/admin/jobs" className="text-sm underline">
                All queues
              </Link>
            ) : null}
          </div>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            Jobs that failed on their last attempt, or with an error not worth retrying. Retry sends the same payload again with fresh
            attempts; the job checks its own state first, so work already done is not repeated.
          </p>
          <DeadJobsTable
            jobs={dead.map((j) => ({
              id: j.id,
              queue: j.queue,
              payload: JSON.stringify(j.data),
              error: j.error,
              deadAt: j.deadAt.toISOString(),
            }))}
          />
        </section>
      </div>
    </>
  );
}
