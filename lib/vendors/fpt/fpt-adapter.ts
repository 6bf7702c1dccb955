import type { FptFaceMatchFacts, FptLivenessFacts } from "@/lib/policy/vendor-facts";
import { fptCodes, unknownFptCode } from "@/lib/vendors/fpt/fpt-codes";
import { fptV2ResponseSchema, fptV3ResponseSchema, type FptV3Response } from "@/lib/vendors/fpt/fpt-schemas";
import type { WireRequest } from "@/lib/vendors/http/send-with-retries";
import { reasonForBareHttpStatus, rejectMalformed, rejectWith } from "@/lib/vendors/interpret-helpers";
import { buildReason, commonReasons } from "@/lib/vendors/reasons";
import { fptCredentialsSchema, type Reason } from "@/lib/vendors/types";
import { joinUrl, jsonObjectOf, toBlob, type InterpretInput, type Interpretation, type VendorAdapter } from "@/lib/vendors/vendor-adapter";
import { percentToFraction } from "@/lib/vendors/wire-values";

export const FPT_LIVENESS_PATH = "/vision/ekyc/liveness";

/** v2 (assumed shape, see fpt-schemas) is lifted into the v3 shape so one interpreter serves both. */
function readFptBody(json: Record<string, unknown>): { ok: true; value: FptV3Response } | { ok: false; error: Parameters<typeof rejectMalformed>[0] } {
  if ("liveness" in json || !("is_live" in json || "spoof_prob" in json)) {
    const v3 = fptV3ResponseSchema.safeParse(json);
    return v3.success ? { ok: true, value: v3.data } : { ok: false, error: v3.error };
  }
  const v2 = fptV2ResponseSchema.safeParse(json);
  if (!v2.success) return { ok: false, error: v2.error };
  const d = v2.data;
  return {
    ok: true,
    value: {
      code: d.code,
      message: d.message,
      liveness: {
        code: d.code,
        message: d.message,
        is_live: d.is_live,
        spoof_prob: d.spoof_prob,
        need_to_review: d.need_to_review,
        is_deepfake: d.is_deepfake,
        deepfake_prob: d.deepfake_prob,
        warning: d.warning,
      },
      face_match: d.face_match ? { ...d.face_match, code: d.code, message: d.message } : undefined,
    },
  };
}

const isNotComputed = (text: string | null | undefined) => !text || text.trim() === "" || text.trim().toUpperCase() === "N/A";

function mapFptCode(code: string | null, message: string | null | undefined): Reason | null {
  if (code === null) return null;
  const template = code in fptCodes ? fptCodes[code] : unknownFptCode;
  return template ? buildReason(template, code, message) : null;
}

function interpretFpt({ checkType, response, body }: InterpretInput): Interpretation {
  const json = jsonObjectOf(body);
  if (!json) return response.status >= 400 ? rejectWith([reasonForBareHttpStatus(response.status)]) : rejectMalformed("not a JSON object");
  const parsed = readFptBody(json);
  if (!parsed.ok) return response.status >= 400 ? rejectWith([reasonForBareHttpStatus(response.status)]) : rejectMalformed(parsed.error);
  const { code, message, liveness, face_match: faceMatch } = parsed.value;

  const reasons: Reason[] = [];
  for (const [c, m] of [[code, message], [liveness?.code ?? null, liveness?.message], [faceMatch?.code ?? null, faceMatch?.message]] as const) {
    const reason = mapFptCode(c, m);
    if (reason && !reasons.some((r) => r.vendorCode === reason.vendorCode)) reasons.push(reason);
  }
  const vendorVerdict = {
    code,
    is_live: liveness?.is_live ?? null,
    spoof_prob: liveness?.spoof_prob ?? null,
    need_to_review: liveness?.need_to_review ?? null,
    is_deepfake: liveness?.is_deepfake ?? null,
    deepfake_prob: liveness?.deepfake_prob ?? null,
    isMatch: faceMatch?.isMatch ?? null,
    similarity: faceMatch?.similarity ?? null,
  };
  const warnings = [liveness?.warning, faceMatch?.warning].filter((w): w is string => !isNotComputed(w));
  if (reasons.some((r) => r.category === "auth" || r.category === "quota")) return rejectWith(reasons, vendorVerdict, warnings);

  const livenessFacts: FptLivenessFacts | null = liveness
    ? {
        isLive: liveness.is_live,
        spoofProb: liveness.spoof_prob,
        needToReview: liveness.need_to_review,
        isDeepfake: liveness.is_deepfake,
        deepfakeProb: liveness.deepfake_prob,
      }
    : null;
  // A face_match block with code "N/A" and no values means no cmnd image was compared.
  const attempted = faceMatch && (faceMatch.code !== null || faceMatch.isMatch !== null || faceMatch.similarity !== null);
  const faceMatchFacts: FptFaceMatchFacts | null = attempted
    ? { isMatch: faceMatch.isMatch, similarity: percentToFraction(faceMatch.similarity) }
    : null;
  return {
    kind: "facts",
    facts: {
      kind: checkType === "face_match" ? "fpt.face_match" : "fpt.liveness_video",
      liveness: livenessFacts,
      faceMatch: faceMatchFacts,
      reasons,
    },
    vendorVerdict,
    warnings,
  };
}

export const fptAdapter: VendorAdapter = {
  vendor: "fpt",
  allowLenientJson: false,
  buildRequest: ({ media, baseUrl, credentials, options }) => {
    const { apiKey } = fptCredentialsSchema.parse(credentials);
    const video = media.video;
    const cmnd = media.id_image;
    if (!video) return { ok: false, reasons: [buildReason(commonReasons.missingMedia, null, "Missing media: video")] };
    const url = joinUrl(baseUrl, FPT_LIVENESS_PATH, options.fpt?.v2Format ? { v2_format: "1" } : undefined);
    return {
      ok: true,
      // As the document's curl sample: header `api-key`, form fields `video` and optional `cmnd`.
      build: () => {
        const form = new FormData();
        form.append("video", toBlob(video), video.filename);
        if (cmnd) form.append("cmnd", toBlob(cmnd), cmnd.filename);
        return { url, method: "POST", headers: { "api-key": apiKey, accept: "application/json" }, body: form };
      },
    };
  },
  interpretResponse: interpretFpt,
  // No video: 409 with a good key, an auth error with a bad one.
  buildConnectionProbe: (baseUrl, credentials): WireRequest => {
    const { apiKey } = fptCredentialsSchema.parse(credentials);
    return { url: joinUrl(baseUrl, FPT_LIVENESS_PATH), method: "POST", headers: { "api-key": apiKey, accept: "application/json" }, body: new FormData() };
  },
  classifyConnectionProbe: (response, body) => {
    if (response.status === 401 || response.status === 403) return "auth_failed";
    const parsed = fptV3ResponseSchema.safeParse(jsonObjectOf(body));
    if (!parsed.success) return "unexpected";
    return parsed.data.code === "401" || parsed.data.code === "403" ? "auth_failed" : "ok";
  },
};
