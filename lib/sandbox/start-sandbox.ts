import { serve } from "@hono/node-server";
import type { AddressInfo } from "node:net";
import { createSandboxApp, createSandboxState } from "@/lib/sandbox/create-sandbox-app";
import type { FaultSpec, FaultsByVendor } from "@/lib/sandbox/faults";
import type { LoggedRequest } from "@/lib/sandbox/sandbox-types";
import type { VendorId } from "@/lib/vendors/types";

export type StartSandboxOptions = {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  faults?: FaultsByVendor;
};

export type RunningSandbox = {
  /** e.g. http://127.0.0.1:4010 (vendor base URLs: `${url}/cvs`, `${url}/fpt`, `${url}/biometric`, `${url}/kairos`). */
  url: string;
  port: number;
  /** Requests the vendor routes saw (retries included), optionally for one vendor. */
  requests: (vendor?: VendorId) => LoggedRequest[];
  clearRequests: () => void;
  setFault: (vendor: VendorId, fault: FaultSpec) => void;
  clearFaults: (vendor?: VendorId) => void;
  close: () => Promise<void>;
};

export async function startSandbox(options: StartSandboxOptions = {}): Promise<RunningSandbox> {
  const host = options.host ?? "127.0.0.1";
  const state = createSandboxState(options.faults);
  const app = createSandboxApp(state);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: options.port ?? 4010, hostname: host }, () => resolve(s));
    s.once("error", reject);
  });
  const address: AddressInfo | string | null = server.address();
  if (address === null || typeof address === "string") throw new Error("the sandbox server is not listening on TCP");
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${address.port}`,
    port: address.port,
    requests: (vendor) => state.requests.filter((r) => !vendor || r.vendor === vendor),
    clearRequests: () => {
      state.requests.length = 0;
    },
    setFault: (vendor, fault) => state.faults.set(vendor, fault),
    clearFaults: (vendor) => state.faults.clear(vendor),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const release of [...state.heldRequests]) release();
        server.close((error) => (error ? reject(error) : resolve()));
        if ("closeAllConnections" in server) server.closeAllConnections();
      }),
  };
}
