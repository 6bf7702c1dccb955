import { createSampleImage, createSampleVideo } from "@/lib/sandbox/sample-media";
import { writeScenarioMarker } from "@/lib/sandbox/media-marker";
import type { RunningSandbox } from "@/lib/sandbox/start-sandbox";
import type { MediaInput, MediaRole, NormalizedResult, VendorCallConfig, VendorId } from "@/lib/vendors/types";
import { normalizedResultSchema } from "@/lib/vendors/types";
import { sandboxBaseUrl, vendorRegistry } from "@/lib/vendors/vendor-registry";
import { expect } from "vitest";

/** Tiny timeouts and no backoff: tests stay fast and never sleep. */
export function sandboxConfig(sandbox: RunningSandbox, vendor: VendorId, overrides: Partial<VendorCallConfig> = {}): VendorCallConfig {
  return {
    baseUrl: sandboxBaseUrl(sandbox.url, vendor),
    credentials: { ...vendorRegistry[vendor].sandboxCredentials },
    timeoutMs: 5_000,
    maxRetries: 2,
    backoffMs: 0,
    ...overrides,
  };
}

let seed = 1;
/** Small distinct JPEGs (a new seed each call so unmarked files hash differently). */
export async function jpeg(role: MediaRole, scenario?: string, filename = `${role}.jpg`): Promise<MediaInput> {
  seed += 1;
  return { role, bytes: await createSampleImage({ width: 48, height: 48, scenario, seed }), mime: "image/jpeg", filename };
}

export async function png(role: MediaRole, scenario?: string, filename = `${role}.png`): Promise<MediaInput> {
  seed += 1;
  return { role, bytes: await createSampleImage({ width: 48, height: 48, format: "png", scenario, seed }), mime: "image/png", filename };
}

let baseVideo: Promise<Buffer> | null = null;
/** One small 5 s mp4 generated per test file; scenarios are written into copies by ffmpeg. */
export async function mp4(scenario?: string, filename = "video.mp4"): Promise<MediaInput> {
  baseVideo ??= createSampleVideo({ width: 320, height: 240, fps: 10, durationS: 5 });
  const base = await baseVideo;
  const bytes = scenario ? await writeScenarioMarker(base, scenario) : base;
  return { role: "video", bytes, mime: "video/mp4", filename };
}

/** Every result must satisfy the published schema. */
export function expectValidResult(result: NormalizedResult): NormalizedResult {
  expect(normalizedResultSchema.safeParse(result).success).toBe(true);
  return result;
}

export const reasonCodes = (result: NormalizedResult) => result.reasons.map((r) => r.code);

/** A base URL on a port nothing listens on (bound, then released), for "unreachable" cases. */
export async function closedPortUrl(prefix: string): Promise<string> {
  const { createServer } = await import("node:net");
  const server = createServer();
  const port = await new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve(address !== null && typeof address === "object" ? address.port : 0);
    }),
  );
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}${prefix}`;
}
