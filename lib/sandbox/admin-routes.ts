import { Hono } from "hono";
import { z } from "zod";
import { faultSpecSchema } from "@/lib/sandbox/faults";
import type { SandboxEnv, SandboxState, VendorSandbox } from "@/lib/sandbox/sandbox-types";
import { vendorIdSchema, type VendorId } from "@/lib/vendors/types";

/**
 * Admin API of the sandbox, under /_sandbox:
 *   GET    /_sandbox/health
 *   GET    /_sandbox/scenarios[/:vendor]
 *   GET    /_sandbox/faults                 all active faults
 *   GET    /_sandbox/faults/:vendor         { vendor, fault, remaining } (fault null when none)
 *   PUT    /_sandbox/faults/:vendor         body: FaultSpec JSON → 200 { vendor, fault, remaining }
 *   DELETE /_sandbox/faults[/:vendor]       clear → 204
 *   GET    /_sandbox/requests[?vendor=]     requests seen by vendor routes (retries included)
 *   DELETE /_sandbox/requests               forget them → 204
 *   PUT    /_sandbox/media/:name            park bytes (any content type) → 201 { url }
 *   GET    /_sandbox/media/:name            serve them (for CVS format_type=url)
 */
export function createAdminRoutes(state: SandboxState, vendors: readonly VendorSandbox[]): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();
  const parseVendor = (value: string): VendorId | null => {
    const parsed = vendorIdSchema.safeParse(value);
    return parsed.success ? parsed.data : null;
  };
  const unknownVendor = (value: string) => Response.json({ error: `unknown vendor "${value}"`, vendors: vendorIdSchema.options }, { status: 404 });

  app.get("/health", (c) => c.json({ ok: true }));

  app.get("/scenarios", (c) => c.json(Object.fromEntries(vendors.map((v) => [v.vendor, v.scenarios]))));
  app.get("/scenarios/:vendor", (c) => {
    const vendor = vendors.find((v) => v.vendor === c.req.param("vendor"));
    return vendor ? c.json(vendor.scenarios) : unknownVendor(c.req.param("vendor"));
  });

  app.get("/faults", (c) => c.json(state.faults.list()));
  app.delete("/faults", (c) => {
    state.faults.clear();
    return c.body(null, 204);
  });
  app.get("/faults/:vendor", (c) => {
    const vendor = parseVendor(c.req.param("vendor"));
    if (!vendor) return unknownVendor(c.req.param("vendor"));
    const current = state.faults.get(vendor);
    return c.json({ vendor, fault: current?.spec ?? null, remaining: current?.remaining ?? null });
  });
  app.put("/faults/:vendor", async (c) => {
    const vendor = parseVendor(c.req.param("vendor"));
    if (!vendor) return unknownVendor(c.req.param("vendor"));
    let json: unknown;
    try {
      json = await c.req.json();
    } catch {
      return c.json({ error: "body must be JSON" }, 400);
    }
    const parsed = faultSpecSchema.safeParse(json);
    if (!parsed.success) return c.json({ error: "invalid fault", details: z.treeifyError(parsed.error) }, 400);
    state.faults.set(vendor, parsed.data);
    return c.json({ vendor, fault: parsed.data, remaining: parsed.data.remaining ?? null });
  });
  app.delete("/faults/:vendor", (c) => {
    const vendor = parseVendor(c.req.param("vendor"));
    if (!vendor) return unknownVendor(c.req.param("vendor"));
    state.faults.clear(vendor);
    return c.body(null, 204);
  });

  app.get("/requests", (c) => {
    const vendor = c.req.query("vendor");
    return c.json(vendor ? state.requests.filter((r) => r.vendor === vendor) : state.requests);
  });
  app.delete("/requests", (c) => {
    state.requests.length = 0;
    return c.body(null, 204);
  });

  app.put("/media/:name", async (c) => {
    const name = c.req.param("name");
    if (!/^[A-Za-z0-9._-]{1,100}$/.test(name)) return c.json({ error: "name: 1-100 of A-Z a-z 0-9 . _ -" }, 400);
    const bytes = Buffer.from(await c.req.arrayBuffer());
    state.media.set(name, { bytes, contentType: c.req.header("content-type") ?? "application/octet-stream" });
    return c.json({ url: new URL(c.req.url).toString() }, 201);
  });
  app.get("/media/:name", (c) => {
    const stored = state.media.get(c.req.param("name"));
    if (!stored) return c.json({ error: "not found" }, 404);
    return new Response(new Uint8Array(stored.bytes), { headers: { "content-type": stored.contentType } });
  });

  return app;
}
