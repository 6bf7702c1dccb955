import { readBody } from "@/lib/vendors/http/read-body";
import { sendWithRetries } from "@/lib/vendors/http/send-with-retries";
import { credentialsSchemaByVendor, vendorCallConfigSchema, type VendorCallConfig, type VendorId } from "@/lib/vendors/types";
import { vendorAdapters } from "@/lib/vendors/vendor-adapters";

export type ConnectionStatus = "ok" | "auth_failed" | "unreachable" | "unexpected" | "invalid_config";

export type ConnectionTestResult = {
  vendor: VendorId;
  status: ConnectionStatus;
  httpStatus: number | null;
  latencyMs: number;
  message: string;
};

const messages: Record<ConnectionStatus, string> = {
  ok: "Connected; the vendor accepted the credentials",
  auth_failed: "The vendor refused the credentials",
  unreachable: "The vendor could not be reached",
  unexpected: "The vendor answered in an unexpected way",
  invalid_config: "The configuration is incomplete",
};

/**
 * A cheap authenticated call (a request without media, which the vendor refuses for the missing media
 * only when the credentials are good) to tell good credentials from bad ones and an unreachable vendor.
 */
export async function testConnection(vendor: VendorId, config: VendorCallConfig): Promise<ConnectionTestResult> {
  if (vendor === "local") {
    return { vendor, status: "ok", httpStatus: null, latencyMs: 0, message: "Verdict's own engine runs inside the job workers: nothing to connect to" };
  }
  const parsed = vendorCallConfigSchema.safeParse(config);
  const credentials = credentialsSchemaByVendor[vendor].safeParse(config.credentials);
  if (!parsed.success || !credentials.success) {
    return { vendor, status: "invalid_config", httpStatus: null, latencyMs: 0, message: messages.invalid_config };
  }
  const adapter = vendorAdapters[vendor];
  const transport = await sendWithRetries(() => adapter.buildConnectionProbe(parsed.data.baseUrl, config.credentials), {
    timeoutMs: parsed.data.timeoutMs,
    maxRetries: parsed.data.maxRetries,
    backoffMs: parsed.data.backoffMs,
  });
  if (transport.kind === "network_error") {
    const detail = transport.error === "timeout" ? "timed out" : (transport.attempts.at(-1)?.networkError ?? "network error");
    return { vendor, status: "unreachable", httpStatus: null, latencyMs: transport.latencyMs, message: `${messages.unreachable}: ${detail}` };
  }
  const { response } = transport;
  const status: ConnectionStatus =
    response.status >= 500 ? "unreachable" : adapter.classifyConnectionProbe(response, readBody(response.bodyText, { allowLenient: adapter.allowLenientJson }));
  const message = response.status >= 500 ? `${messages.unreachable}: HTTP ${response.status}` : messages[status];
  return { vendor, status, httpStatus: response.status, latencyMs: transport.latencyMs, message };
}
