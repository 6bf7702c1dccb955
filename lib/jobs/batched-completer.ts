// Jobs of one queue that finish within a few milliseconds of each other are completed by one
// statement rather than one each: at 100 jobs a second that is a handful of statements instead of
// a hundred. A job's promise settles when its batch is written (or fails with the batch), so the
// caller records a failure exactly as it would for a single completion. A crash before the flush
// leaves the job active until it expires; its handler then finds the work already done.
export function batchedCompleter(
  completeAll: (ids: string[]) => Promise<void>,
  { maxBatch = 32, waitMs = 10 }: { maxBatch?: number; waitMs?: number } = {},
): (id: string) => Promise<void> {
  let pending: Array<{ id: string; resolve: () => void; reject: (error: unknown) => void }> = [];
  let timer: NodeJS.Timeout | null = null;

  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batch = pending;
    pending = [];
    completeAll(batch.map((entry) => entry.id)).then(
      () => batch.forEach((entry) => entry.resolve()),
      (error: unknown) => batch.forEach((entry) => entry.reject(error)),
    );
  };

  return (id) =>
    new Promise<void>((resolve, reject) => {
      pending.push({ id, resolve, reject });
      if (pending.length >= maxBatch) flush();
      else timer ??= setTimeout(flush, waitMs);
    });
}
