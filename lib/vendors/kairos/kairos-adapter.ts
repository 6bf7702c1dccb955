import type { WireRequest } from "@/lib/vendors/http/send-with-retries";
import { rejectMalformed, rejectWith } from "@/lib/vendors/interpret-helpers";
import { KAIROS_PROCESSED_RESPONSE_CODE, kairosReasonForStatus, kairosReasons } from "@/lib/vendors/kairos/kairos-codes";
import { kairosResponseSchema } from "@/lib/vendors/kairos/kairos-schemas";
import { buildReason, commonReasons } from "@/lib/vendors/reasons";
import { kairosCredentialsSchema, type Reason } from "@/lib/vendors/types";
import { joinUrl, jsonObjectOf, toBlob, type InterpretInput, type Interpretation, type VendorAdapter } from "@/lib/vendors/vendor-adapter";

export const KAIROS_LIVENESS_PATH = "/v0.1/liveness-verification";

function authHeaders(credentials: Record<string, string>): Record<string, string> {
  const { appId, appKey } = kairosCredentialsSchema.parse(credentials);
  return { app_id: appId, app_key: appKey, accept: "application/json" };
}

function interpretKairos({ response, body, policy }: InterpretInput): Interpretation {
  if (response.status >= 400) {
    const message = typeof jsonObjectOf(body)?.message === "string" ? String(jsonObjectOf(body)?.message) : null;
    return rejectWith([buildReason(kairosReasonForStatus(response.status), `HTTP ${response.status}`, message)]);
  }
  const json = jsonObjectOf(body);
  if (!json) return rejectMalformed("not a JSON object");
  const parsed = kairosResponseSchema.safeParse(json);
  if (!parsed.success) return rejectMalformed(parsed.error);
  const { response_code: responseCode, response_data: data } = parsed.data;
  const reasons: Reason[] = [];
  const faceCount = data.faces_predicted.length;
  if (faceCount === 0) reasons.push(buildReason(kairosReasons.faceNotFound, "faces_predicted:0"));
  if (faceCount > 1) reasons.push(buildReason(kairosReasons.multipleFaces, `faces_predicted:${faceCount}`));
  if (responseCode !== KAIROS_PROCESSED_RESPONSE_CODE) {
    reasons.push(buildReason(kairosReasons.unexpectedResponseCode, `response_code:${responseCode}`));
  }
  const threshold = policy.kind === "kairos.liveness_selfie" ? policy.threshold : null;
  return {
    kind: "facts",
    facts: { kind: "kairos.liveness_selfie", facesLiveness: data.faces_liveness, faceCount, responseCode, reasons },
    // Kairos returns a score, not a verdict: its verdict is score >= the threshold we sent.
    vendorVerdict: {
      response_code: responseCode,
      faces_liveness: data.faces_liveness,
      threshold,
      live: data.faces_liveness !== null && threshold !== null ? data.faces_liveness >= threshold : null,
    },
    warnings: [],
  };
}

export const kairosAdapter: VendorAdapter = {
  vendor: "kairos",
  allowLenientJson: false,
  buildRequest: ({ media, baseUrl, credentials, policy }) => {
    const headers = authHeaders(credentials);
    const selfie = media.selfie;
    if (!selfie) return { ok: false, reasons: [buildReason(commonReasons.missingMedia, null, "Missing media: selfie")] };
    if (policy.kind !== "kairos.liveness_selfie") return { ok: false, reasons: [buildReason(commonReasons.invalidPolicy, null)] };
    const url = joinUrl(baseUrl, KAIROS_LIVENESS_PATH);
    return {
      ok: true,
      // As the document's Python sample: headers app_id/app_key, files `selfie`, data `threshold`.
      build: () => {
        const form = new FormData();
        form.append("selfie", toBlob(selfie), selfie.filename);
        form.append("threshold", String(policy.threshold));
        return { url, method: "POST", headers, body: form };
      },
    };
  },
  interpretResponse: interpretKairos,
  // No selfie: 400 with good credentials, a 401-class status with bad ones.
  buildConnectionProbe: (baseUrl, credentials): WireRequest => ({
    url: joinUrl(baseUrl, KAIROS_LIVENESS_PATH),
    method: "POST",
    headers: authHeaders(credentials),
    body: new FormData(),
  }),
  classifyConnectionProbe: (response) => {
    if (response.status >= 500) return "unexpected";
    return response.status >= 400 && kairosReasonForStatus(response.status).category === "auth" ? "auth_failed" : "ok";
  },
};
