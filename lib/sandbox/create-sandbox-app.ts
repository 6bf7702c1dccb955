import { Hono } from "hono";
import { createAdminRoutes } from "@/lib/sandbox/admin-routes";
import { FaultRegistry, type FaultsByVendor } from "@/lib/sandbox/faults";
import { injectFaults } from "@/lib/sandbox/inject-faults";
import type { SandboxEnv, SandboxState, VendorSandbox } from "@/lib/sandbox/sandbox-types";
import { vendorSandboxes } from "@/lib/sandbox/vendor-sandboxes";
import { SANDBOX_HEADER } from "@/lib/vendors/http/sandbox-header";
import type { VendorId } from "@/lib/vendors/types";

export function createSandboxState(initialFaults: FaultsByVendor = {}): SandboxState {
  const faults = new FaultRegistry();
  for (const [vendor, spec] of Object.entries(initialFaults) as [VendorId, NonNullable<FaultsByVendor[VendorId]>][]) {
    faults.set(vendor, spec);
  }
  return { faults, requests: [], media: new Map(), heldRequests: new Set() };
}

/** One Hono app serving every vendor under its prefix (/cvs, /fpt, /biometric, /kairos) plus /_sandbox. */
export function createSandboxApp(state: SandboxState, vendors: readonly VendorSandbox[] = vendorSandboxes): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  // Every answer says it comes from a sandbox, so the runner that called it can mark the run
  // (lib/vendors/http/send-with-retries.ts) even when its base URL is not the one Verdict started.
  app.use("*", async (c, next) => {
    await next();
    c.res.headers.set(SANDBOX_HEADER, "1");
  });
  app.route("/_sandbox", createAdminRoutes(state, vendors));
  for (const vendor of vendors) {
    app.use(`${vendor.pathPrefix}/*`, injectFaults(vendor, state));
    app.route(vendor.pathPrefix, vendor.createRoutes(state));
  }
  app.get("/", (c) =>
    c.json({
      name: "Verdict vendor sandbox",
      vendors: Object.fromEntries(vendors.map((v) => [v.vendor, new URL(v.pathPrefix, c.req.url).toString()])),
      admin: new URL("/_sandbox", c.req.url).toString(),
    }),
  );
  app.notFound((c) => c.json({ error: "not found", path: new URL(c.req.url).pathname }, 404));
  return app;
}
