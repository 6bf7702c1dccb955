// Services `npm start` runs beside the app: the vendor sandboxes (default mode, or
// VERDICT_SANDBOX=true) and the job worker (unless VERDICT_WORKER=false, e.g. when separate
// `npm run worker` processes do the work).
export interface LocalServices {
  /** Base URL of the vendor sandboxes when they run here. */
  sandboxUrl?: string;
  close(): Promise<void>;
}

export async function startLocalServices(options: { embedded: boolean; log: (line: string) => void }): Promise<LocalServices> {
  const closers: Array<() => Promise<void>> = [];
  let sandboxUrl: string | undefined;
  const sandboxWanted = process.env.VERDICT_SANDBOX ? process.env.VERDICT_SANDBOX === "true" : options.embedded;
  if (sandboxWanted) {
    const { startSandbox } = await import("@/lib/sandbox/start-sandbox");
    const port = Number(process.env.SANDBOX_PORT ?? 4010);
    const sandbox = await startSandbox({ port, host: "127.0.0.1" });
    options.log(`vendor sandboxes on ${sandbox.url}`);
    closers.push(() => sandbox.close());
    sandboxUrl = sandbox.url;
  }
  if (process.env.VERDICT_WORKER !== "false") {
    const { startInProcessWorker } = await import("@/lib/jobs/start-in-process-worker");
    const worker = await startInProcessWorker(options.log);
    closers.push(() => worker.stop());
  }
  return {
    sandboxUrl,
    async close() {
      for (const close of closers.reverse()) await close();
    },
  };
}
