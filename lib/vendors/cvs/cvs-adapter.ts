import { cvsEnvelopeSchema, cvsFaceMatchDataSchema, cvsLivenessDataSchema } from "@/lib/vendors/cvs/cvs-schemas";
import { cvsErrorCodes, cvsFaceMatchInvalidCodes, cvsLivenessInvalidCodes, unknownCvsCode } from "@/lib/vendors/cvs/cvs-codes";
import { reasonForBareHttpStatus, rejectMalformed, rejectWith, toUnitScale } from "@/lib/vendors/interpret-helpers";
import { buildReason, commonReasons, type ReasonTemplate } from "@/lib/vendors/reasons";
import { cvsCredentialsSchema, type MediaRole, type Reason } from "@/lib/vendors/types";
import { percentToFraction } from "@/lib/vendors/wire-values";
import {
  joinUrl,
  jsonObjectOf,
  toBlob,
  type BuildRequestInput,
  type BuiltRequest,
  type InterpretInput,
  type Interpretation,
  type VendorAdapter,
} from "@/lib/vendors/vendor-adapter";
import type { WireRequest } from "@/lib/vendors/http/send-with-retries";

export const CVS_VERIFY_LIVENESS_PATH = "/api/v2/ekyc/verify_liveness";
export const CVS_FACE_MATCHING_PATH = "/api/v2/ekyc/face_matching";

function basicAuth(credentials: Record<string, string>): string {
  const { apiKey, apiSecret } = cvsCredentialsSchema.parse(credentials);
  return `Basic ${Buffer.from(`${apiKey}:${apiSecret}`).toString("base64")}`;
}

const missing = (role: string): Reason => buildReason(commonReasons.missingMedia, null, `Missing media: ${role}`);
const missingRoles = (media: BuildRequestInput["media"], roles: MediaRole[]): Reason[] => roles.filter((r) => !media[r]).map(missing);

function buildVerifyLiveness({ media, baseUrl, credentials, options }: BuildRequestInput): BuiltRequest {
  const { portrait_left: left, portrait_mid: mid, portrait_right: right } = media;
  if (!left || !mid || !right) return { ok: false, reasons: missingRoles(media, ["portrait_left", "portrait_mid", "portrait_right"]) };
  const formatType = options.cvs?.formatType ?? "file";
  const authorization = basicAuth(credentials);
  if (formatType === "url") {
    return {
      ok: false,
      reasons: [buildReason(commonReasons.invalidConfig, null, "CVS verify_liveness accepts files or base64, not URLs")],
    };
  }
  if (formatType === "base64") {
    // Key order as in the document's JSON sample.
    const body = JSON.stringify({
      portrait_right: right.bytes.toString("base64"),
      portrait_mid: mid.bytes.toString("base64"),
      portrait_left: left.bytes.toString("base64"),
    });
    return {
      ok: true,
      build: () => ({
        url: joinUrl(baseUrl, CVS_VERIFY_LIVENESS_PATH, { format_type: "base64" }),
        method: "POST",
        headers: { authorization, "content-type": "application/json", accept: "application/json" },
        body,
      }),
    };
  }
  // The document's Python sample posts the three files without a query string.
  return {
    ok: true,
    build: () => {
      const form = new FormData();
      form.append("portrait_left", toBlob(left), left.filename);
      form.append("portrait_mid", toBlob(mid), mid.filename);
      form.append("portrait_right", toBlob(right), right.filename);
      return { url: joinUrl(baseUrl, CVS_VERIFY_LIVENESS_PATH), method: "POST", headers: { authorization, accept: "application/json" }, body: form };
    },
  };
}

function buildFaceMatching({ media, baseUrl, credentials, options }: BuildRequestInput): BuiltRequest {
  const formatType = options.cvs?.formatType ?? "file";
  const type1 = options.cvs?.type1 ?? "card";
  const authorization = basicAuth(credentials);
  const headers = { authorization, accept: "application/json" };
  if (formatType === "url") {
    const urls = options.cvs?.urls;
    if (!urls) return { ok: false, reasons: [buildReason(commonReasons.missingMedia, null, "format_type=url needs options.cvs.urls")] };
    const url = joinUrl(baseUrl, CVS_FACE_MATCHING_PATH, { img1: urls.image1, img2: urls.image2, type1, format_type: "url" });
    return { ok: true, build: () => ({ url, method: "GET", headers }) };
  }
  const { image1, image2 } = media;
  if (!image1 || !image2) return { ok: false, reasons: missingRoles(media, ["image1", "image2"]) };
  if (formatType === "base64") {
    const body = JSON.stringify({ img1: image1.bytes.toString("base64"), img2: image2.bytes.toString("base64") });
    const url = joinUrl(baseUrl, CVS_FACE_MATCHING_PATH, { type1, format_type: "base64" });
    return { ok: true, build: () => ({ url, method: "POST", headers: { ...headers, "content-type": "application/json" }, body }) };
  }
  const url = joinUrl(baseUrl, CVS_FACE_MATCHING_PATH, { type1, format_type: "file" });
  return {
    ok: true,
    build: () => {
      const form = new FormData();
      form.append("img1", toBlob(image1), image1.filename);
      form.append("img2", toBlob(image2), image2.filename);
      return { url, method: "POST", headers, body: form };
    },
  };
}

function mapCode(table: Record<string, ReasonTemplate | null>, field: string, code: string | null, message?: string | null): Reason | null {
  if (code === null) return null;
  const template = code in table ? table[code] : unknownCvsCode(field);
  return template ? buildReason(template, `${field}:${code}`, message) : null;
}

function interpretCvs({ checkType, response, body }: InterpretInput): Interpretation {
  const json = jsonObjectOf(body);
  if (!json) return response.status >= 400 ? rejectWith([reasonForBareHttpStatus(response.status)]) : rejectMalformed("not a JSON object");
  const envelope = cvsEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    return response.status >= 400 ? rejectWith([reasonForBareHttpStatus(response.status)]) : rejectMalformed(envelope.error);
  }
  const { errorCode, errorMessage, data } = envelope.data;
  const errorReason = mapCode(cvsErrorCodes, "errorCode", errorCode, errorMessage);
  if (errorReason) return rejectWith([errorReason], { errorCode });

  if (checkType === "liveness_3angle") {
    const parsed = cvsLivenessDataSchema.safeParse(data);
    if (!parsed.success) return rejectMalformed(parsed.error);
    const d = parsed.data;
    const invalid = mapCode(cvsLivenessInvalidCodes, "invalidCode", d.invalidCode, d.invalidMessage);
    return {
      kind: "facts",
      facts: {
        kind: "cvs.liveness_3angle",
        valid: d.valid,
        // Not documented whether these are percentages like face_matching's `matching`; > 1 is read as percent.
        matchingMidLeft: toUnitScale(d.matching_mid_left),
        matchingMidRight: toUnitScale(d.matching_mid_right),
        reasons: invalid ? [invalid] : [],
      },
      vendorVerdict: {
        valid: d.valid,
        invalidCode: d.invalidCode,
        matching_mid_left: d.matching_mid_left,
        matching_mid_right: d.matching_mid_right,
      },
      warnings: invalid && d.invalidMessage ? [d.invalidMessage] : [],
    };
  }

  const parsed = cvsFaceMatchDataSchema.safeParse(data);
  if (!parsed.success) return rejectMalformed(parsed.error);
  const d = parsed.data;
  const invalid = mapCode(cvsFaceMatchInvalidCodes, "invalidCode", d.invalidCode, d.invalidMessage);
  const vendorMatch = d.match === "1" ? 1 : d.match === "0" ? 0 : d.match === "-1" ? -1 : null;
  return {
    kind: "facts",
    facts: { kind: "cvs.face_match", similarity: percentToFraction(d.matching), vendorMatch, reasons: invalid ? [invalid] : [] },
    vendorVerdict: {
      match: vendorMatch,
      matching: d.matching,
      invalidCode: d.invalidCode,
      face1_score: d.face1_score,
      face2_score: d.face2_score,
    },
    warnings: invalid && d.invalidMessage ? [d.invalidMessage] : [],
  };
}

export const cvsAdapter: VendorAdapter = {
  vendor: "cvs",
  allowLenientJson: false,
  buildRequest: (input) => (input.checkType === "liveness_3angle" ? buildVerifyLiveness(input) : buildFaceMatching(input)),
  interpretResponse: interpretCvs,
  // GET face_matching with no images: errorCode 5 for bad credentials, another code (2: url unavailable) otherwise.
  buildConnectionProbe: (baseUrl, credentials): WireRequest => ({
    url: joinUrl(baseUrl, CVS_FACE_MATCHING_PATH, { img1: "", img2: "", type1: "card", format_type: "url" }),
    method: "GET",
    headers: { authorization: basicAuth(credentials), accept: "application/json" },
  }),
  classifyConnectionProbe: (response, body) => {
    const envelope = cvsEnvelopeSchema.safeParse(jsonObjectOf(body));
    if (!envelope.success) return response.status === 401 || response.status === 403 ? "auth_failed" : "unexpected";
    return envelope.data.errorCode === "5" ? "auth_failed" : "ok";
  },
};
