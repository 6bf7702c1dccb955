import type { Policy, PolicyInput } from "@/lib/policy/policy-schemas";
import { readBody } from "@/lib/vendors/http/read-body";
import { sendWithRetries, type WireResponse } from "@/lib/vendors/http/send-with-retries";
import { buildErrorResult, normalizeVendorResponse, resolvePolicy } from "@/lib/vendors/normalize-response";
import { buildReason, commonReasons } from "@/lib/vendors/reasons";
import {
  credentialsSchemaByVendor,
  runCheckOptionsSchema,
  vendorCallConfigSchema,
  type CheckType,
  type MediaInput,
  type NormalizedResult,
  type RunCheckOptions,
  type VendorCallConfig,
  type VendorId,
} from "@/lib/vendors/types";
import type { MediaByRole } from "@/lib/vendors/vendor-adapter";
import { vendorAdapters } from "@/lib/vendors/vendor-adapters";
import { findCheckSpec } from "@/lib/vendors/vendor-registry";

export type RunCheckInput = {
  vendor: VendorId;
  checkType: CheckType;
  media: MediaInput[];
  config: VendorCallConfig;
  /** Defaults to the built-in policy of this vendor + check type. */
  policy?: Policy | PolicyInput;
  options?: RunCheckOptions;
  /** How the caller budgets and records HTTP attempts (the vendor-call job: one budget per run). */
  attemptControl?: {
    /** Retries allowed in this call; at most the vendor config's maxRetries. */
    maxRetries?: number;
    /** Awaited before every retry is sent (to record it first). */
    beforeRetry?: (attemptNumber: number) => Promise<void>;
  };
};

/** An HTML page (a proxy's or WAF's) in place of the vendor's JSON, or a 2xx whose JSON is cut short. */
function isUnusableAnswer(response: WireResponse, allowLenient: boolean): boolean {
  const html = /html/i.test(response.contentType ?? "") || /^\s*<(!doctype|html)/i.test(response.bodyText);
  if (html) return true;
  if (response.status < 200 || response.status >= 300 || response.bodyText.trim() === "") return false;
  return readBody(response.bodyText, { allowLenient }).kind === "text";
}

function collectMedia(media: MediaInput[]): MediaByRole {
  const byRole: MediaByRole = {};
  for (const item of media) byRole[item.role] = item;
  return byRole;
}

/**
 * Runs one check on one vendor: builds the vendor's exact request, sends it with timeout and retries,
 * validates the answer against the vendor's documented shape, and applies the policy.
 * Never throws: every failure is an `error` outcome with reasons, attempts and the raw body.
 */
export async function runCheck(input: RunCheckInput): Promise<NormalizedResult> {
  try {
    return await runCheckUnsafe(input);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return buildErrorResult(input.vendor, input.checkType, {
      reasons: [{ code: "adapter_failure", message: `Unexpected failure in the ${input.vendor} adapter: ${message}`, vendorCode: null, severity: "error", category: "vendor" }],
    });
  }
}

async function runCheckUnsafe(input: RunCheckInput): Promise<NormalizedResult> {
  const { vendor, checkType } = input;
  if (vendor === "local") {
    // Loaded on demand: the models belong in job workers, never in a web server's bundle.
    const { runLocalCheck } = await import("@/lib/vendors/local/run-local-check");
    return (await runLocalCheck({ checkType, media: input.media, policy: input.policy })).result;
  }
  const fail = (parts: Parameters<typeof buildErrorResult>[2]) => buildErrorResult(vendor, checkType, parts);
  const spec = findCheckSpec(vendor, checkType);
  if (!spec) return fail({ reasons: [buildReason(commonReasons.unsupportedCheck, null)] });

  const config = vendorCallConfigSchema.safeParse(input.config);
  const credentials = credentialsSchemaByVendor[vendor].safeParse(input.config.credentials);
  if (!config.success || !credentials.success) {
    // Name the fields only: never echo credential values.
    const fields = [...(config.error?.issues ?? []), ...(credentials.error?.issues ?? [])].map((i) => i.path.join(".") || "config");
    return fail({ reasons: [buildReason(commonReasons.invalidConfig, null, `Invalid vendor config: ${fields.join(", ")}`)] });
  }
  const policy = resolvePolicy(vendor, checkType, input.policy);
  if (!policy) return fail({ reasons: [buildReason(commonReasons.invalidPolicy, null)] });
  const options = runCheckOptionsSchema.safeParse(input.options ?? {});
  if (!options.success) {
    const fields = options.error.issues.map((i) => i.path.join(".")).join(", ");
    return fail({ reasons: [buildReason(commonReasons.invalidConfig, null, `Invalid options: ${fields}`)], policyVersion: policy.version });
  }

  const media = collectMedia(input.media);
  const usesUrls = vendor === "cvs" && options.data.cvs?.formatType === "url";
  const missing = usesUrls ? [] : spec.requiredRoles.filter((role) => !media[role]);
  if (missing.length > 0) {
    return fail({ reasons: missing.map((role) => buildReason(commonReasons.missingMedia, null, `Missing media: ${role}`)), policyVersion: policy.version });
  }

  const built = vendorAdapters[vendor].buildRequest({
    checkType,
    media,
    baseUrl: config.data.baseUrl,
    credentials: input.config.credentials,
    policy,
    options: options.data,
  });
  if (!built.ok) return fail({ reasons: built.reasons, policyVersion: policy.version });

  const control = input.attemptControl ?? {};
  const allowLenient = vendorAdapters[vendor].allowLenientJson;
  const transport = await sendWithRetries(built.build, {
    timeoutMs: config.data.timeoutMs,
    maxRetries: Math.max(0, Math.min(config.data.maxRetries, control.maxRetries ?? config.data.maxRetries)),
    backoffMs: config.data.backoffMs,
    beforeRetry: control.beforeRetry,
    isUnusableAnswer: (response) => isUnusableAnswer(response, allowLenient),
  });
  if (transport.kind === "network_error") {
    const template = transport.error === "timeout" ? commonReasons.timeout : commonReasons.vendorUnreachable;
    const detail = transport.error === "timeout" ? null : `${template.message}: ${transport.attempts.at(-1)?.networkError ?? "network error"}`;
    return fail({ reasons: [buildReason(template, null, detail)], attempts: transport.attempts, latencyMs: transport.latencyMs, policyVersion: policy.version });
  }
  return normalizeVendorResponse({
    vendor,
    checkType,
    httpStatus: transport.response.status,
    body: transport.response.bodyText,
    contentType: transport.response.contentType,
    policy,
    options: options.data,
    attempts: transport.attempts,
    latencyMs: transport.latencyMs,
  });
}
