import type { HttpBindings } from "@hono/node-server";
import type { Hono } from "hono";
import type { FaultRegistry } from "@/lib/sandbox/faults";
import type { ScenarioInfo } from "@/lib/vendors/sandbox-scenarios";
import type { VendorId } from "@/lib/vendors/types";

export type SandboxEnv = { Bindings: HttpBindings };
export type SandboxApp = Hono<SandboxEnv>;

export type LoggedRequest = {
  vendor: VendorId;
  method: string;
  path: string;
  at: string;
  faulted: boolean;
  /** The media the request carried (lib/sandbox/media-fingerprint.ts): equal for a call sent twice. */
  media: string | null;
};

export type StoredMedia = { bytes: Buffer; contentType: string };

/** Shared by all vendor route modules of one running sandbox. */
export type SandboxState = {
  faults: FaultRegistry;
  requests: LoggedRequest[];
  /** Media parked with PUT /_sandbox/media/:name so CVS format_type=url has something to fetch. */
  media: Map<string, StoredMedia>;
  /** Releases requests held open by the `timeout` fault (on sandbox close). */
  heldRequests: Set<() => void>;
};

/** What each vendor contributes to the one sandbox server. */
export type VendorSandbox = {
  vendor: VendorId;
  /** Mount point, e.g. "/cvs"; the vendor's own paths follow it unchanged. */
  pathPrefix: string;
  scenarios: readonly ScenarioInfo[];
  createRoutes: (state: SandboxState) => SandboxApp;
  /** The vendor's own answers for the quotaExhausted and badCredentials faults. */
  respondQuotaExhausted: () => Response;
  respondBadCredentials: () => Response;
};
