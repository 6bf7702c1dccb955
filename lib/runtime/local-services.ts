import { readEnv } from "@/lib/config/env";

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
  const env = readEnv();
  const sandboxWanted = env.VERDICT_SANDBOX ?? options.embedded;
  if (sandboxWanted) {
    const { startSandbox } = await import("@/lib/sandbox/start-sandbox");
    const sandbox = await startSandbox({ port: env.SANDBOX_PORT, host: "127.0.0.1" });
    options.log(`vendor sandboxes on ${sandbox.url}`);
    closers.push(() => sandbox.close());
    sandboxUrl = sandbox.url;
  }
  if (env.VERDICT_WORKER) {
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
