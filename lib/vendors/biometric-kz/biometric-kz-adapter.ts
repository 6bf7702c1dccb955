import {
  biometricKzFailureTypes,
  biometricKzInvalidRequest,
  biometricKzUnknownFailure,
  biometricKzUnsupportedFile,
  findBiometricKzDetail,
} from "@/lib/vendors/biometric-kz/biometric-kz-codes";
import { biometricKzErrorSchema, biometricKzResultSchema } from "@/lib/vendors/biometric-kz/biometric-kz-schemas";
import type { WireRequest } from "@/lib/vendors/http/send-with-retries";
import { reasonForBareHttpStatus, rejectMalformed, rejectWith } from "@/lib/vendors/interpret-helpers";
import { buildReason, commonReasons } from "@/lib/vendors/reasons";
import { biometricKzCredentialsSchema } from "@/lib/vendors/types";
import { joinUrl, jsonObjectOf, toBlob, type InterpretInput, type Interpretation, type VendorAdapter } from "@/lib/vendors/vendor-adapter";

export const BIOMETRIC_KZ_LIVENESS_PATH = "/api/v1/backend/liveness/short/";

function interpretBiometricKz({ response, body }: InterpretInput): Interpretation {
  const json = jsonObjectOf(body);
  if (response.status === 415) {
    const detail = json ? biometricKzErrorSchema.safeParse(json) : null;
    return rejectWith([buildReason(biometricKzUnsupportedFile, "HTTP 415", detail?.success ? detail.data.detail : null)]);
  }
  if (response.status >= 400) {
    const error = biometricKzErrorSchema.safeParse(json);
    if (!error.success) {
      // e.g. {"image": ["No file was submitted."]}: a field error, still our request's fault.
      if (response.status === 400 && json) return rejectWith([buildReason(biometricKzInvalidRequest, "HTTP 400", JSON.stringify(json))]);
      return rejectWith([reasonForBareHttpStatus(response.status)]);
    }
    const template = findBiometricKzDetail(error.data.detail) ?? biometricKzInvalidRequest;
    return rejectWith([buildReason(template, error.data.detail, error.data.detail)]);
  }
  if (!json) return rejectMalformed("not a JSON object");
  const parsed = biometricKzResultSchema.safeParse(json);
  if (!parsed.success) return rejectMalformed(parsed.error);
  const { result, prediction, failure_reason: failure } = parsed.data;
  const isLive = result === true;
  const failureReason = failure
    ? buildReason(biometricKzFailureTypes[failure.type] ?? biometricKzUnknownFailure, failure.type, failure.detail)
    : null;
  return {
    kind: "facts",
    facts: { kind: "biometric_kz.liveness_selfie", result: isLive, prediction, reasons: failureReason ? [failureReason] : [] },
    vendorVerdict: { result: isLive, prediction, failure_type: failure?.type ?? null },
    warnings: [],
  };
}

export const biometricKzAdapter: VendorAdapter = {
  vendor: "biometric_kz",
  // The document prints `"failure_reason": None` and omits commas; accept such bodies.
  allowLenientJson: true,
  buildRequest: ({ media, baseUrl, credentials }) => {
    const { apiKey } = biometricKzCredentialsSchema.parse(credentials);
    const selfie = media.selfie;
    if (!selfie) return { ok: false, reasons: [buildReason(commonReasons.missingMedia, null, "Missing media: selfie")] };
    const url = joinUrl(baseUrl, BIOMETRIC_KZ_LIVENESS_PATH);
    return {
      ok: true,
      // As the document's samples: multipart `image` (with its type) and `api_key` as a form field.
      build: () => {
        const form = new FormData();
        form.append("image", toBlob(selfie), selfie.filename);
        form.append("api_key", apiKey);
        return { url, method: "POST", headers: { accept: "application/json" }, body: form };
      },
    };
  },
  interpretResponse: interpretBiometricKz,
  // The key alone, no image: the access error for a bad key, a field error for a good one.
  buildConnectionProbe: (baseUrl, credentials): WireRequest => {
    const { apiKey } = biometricKzCredentialsSchema.parse(credentials);
    const form = new FormData();
    form.append("api_key", apiKey);
    return { url: joinUrl(baseUrl, BIOMETRIC_KZ_LIVENESS_PATH), method: "POST", headers: { accept: "application/json" }, body: form };
  },
  classifyConnectionProbe: (response, body) => {
    const error = biometricKzErrorSchema.safeParse(jsonObjectOf(body));
    if (error.success) return findBiometricKzDetail(error.data.detail)?.category === "auth" ? "auth_failed" : "ok";
    if (response.status === 401 || response.status === 403) return "auth_failed";
    return response.status === 400 ? "ok" : "unexpected";
  },
};
