import { Hono } from "hono";
import type { Context } from "hono";
import { inspectImage, sandboxFaceCrop } from "@/lib/sandbox/inspect-image";
import {
  decodeBase64Field,
  fetchRemoteMedia,
  readForm,
  readFormFile,
  readJsonObject,
} from "@/lib/sandbox/read-request-media";
import { pickScenario, scoreBetween } from "@/lib/sandbox/scenario-selection";
import type { SandboxEnv, VendorSandbox } from "@/lib/sandbox/sandbox-types";
import { CVS_FACE_MATCHING_PATH, CVS_VERIFY_LIVENESS_PATH } from "@/lib/vendors/cvs/cvs-adapter";
import { cvsErrorCodes, cvsFaceMatchInvalidCodes, cvsLivenessInvalidCodes } from "@/lib/vendors/cvs/cvs-codes";
import { vendorRegistry } from "@/lib/vendors/vendor-registry";
import { cvsFaceMatchScenarioNames, cvsLivenessScenarioNames, cvsScenarios, type CvsScenario } from "@/lib/vendors/cvs/cvs-scenarios";

/**
 * CVS emulator (documents 000 and 002). Assumptions where the documents are silent:
 * every answer is HTTP 200 with the errorCode in the body (errors carry `"data": {}`); credentials are
 * checked first, then format_type, then the images; a missing image is errorCode 1, an invalid `type1` is 6;
 * matching_mid_left/right are percentages like face_matching's `matching`.
 */
const sandboxCredentials = vendorRegistry.cvs.sandboxCredentials;

const errorMessages: Record<string, string> = Object.fromEntries(
  Object.entries(cvsErrorCodes).map(([code, t]) => [code, t ? t.message : "Success"]),
);

function cvsAnswer(errorCode: string, data: Record<string, string>): Response {
  return Response.json({ data, errorCode, errorMessage: errorMessages[errorCode] ?? "Unknown" });
}

const cvsError = (errorCode: string) => cvsAnswer(errorCode, {});

const errorCodeScenarios: Partial<Record<CvsScenario, string>> = {
  no_content: "1",
  url_unavailable: "2",
  bad_image_format: "3",
  quota_exhausted: "4",
  auth_failed: "5",
  bad_format_type: "6",
};

function isAuthorized(header: string | undefined): boolean {
  const match = /^Basic\s+(.+)$/i.exec(header ?? "");
  if (!match) return false;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const separator = decoded.indexOf(":");
  return (
    decoded.slice(0, separator) === sandboxCredentials.apiKey &&
    decoded.slice(separator + 1) === sandboxCredentials.apiSecret
  );
}

/** Images in document order, or the errorCode to answer with. */
async function checkImages(images: (Buffer | null)[]): Promise<{ ok: true; images: Buffer[] } | { ok: false; errorCode: string }> {
  const present = images.filter((i): i is Buffer => i !== null && i.length > 0);
  if (present.length !== images.length) return { ok: false, errorCode: "1" };
  for (const image of present) {
    if (!(await inspectImage(image)).ok) return { ok: false, errorCode: "3" };
  }
  return { ok: true, images: present };
}

const percent = (value: number) => value.toFixed(2);
const messageOf = (table: typeof cvsLivenessInvalidCodes, code: string) => table[code]?.message ?? "Successful";

function answerVerifyLiveness(images: Buffer[]): Response {
  const picked = pickScenario(images, cvsLivenessScenarioNames, { pass: "pass", review: "borderline", fail: "mid_left_mismatch" });
  const errorCode = errorCodeScenarios[picked.scenario];
  if (errorCode) return cvsError(errorCode);
  const high = percent(scoreBetween(picked.jitter, 85, 99));
  const low = percent(scoreBetween(picked.jitter, 20, 45));
  const outcomes: Partial<Record<CvsScenario, [string, string, string, string]>> = {
    // [invalidCode, matching_mid_left, matching_mid_right, valid]
    pass: ["0", high, percent(scoreBetween(1 - picked.jitter, 85, 99)), "True"],
    borderline: ["0", percent(scoreBetween(picked.jitter, 76, 79)), high, "True"],
    no_face_mid: ["1", "N/A", "N/A", "False"],
    no_face_left: ["2", "N/A", "N/A", "False"],
    no_face_right: ["3", "N/A", "N/A", "False"],
    mid_left_mismatch: ["4", low, high, "False"],
    mid_right_mismatch: ["5", high, low, "False"],
    invalid_mid: ["6", "N/A", "N/A", "False"],
    invalid_left: ["7", "N/A", "N/A", "False"],
    invalid_right: ["8", "N/A", "N/A", "False"],
  };
  const [invalidCode, left, right, valid] = outcomes[picked.scenario] ?? outcomes.pass ?? ["0", high, high, "True"];
  return cvsAnswer("0", {
    invalidCode,
    invalidMessage: messageOf(cvsLivenessInvalidCodes, invalidCode),
    matching_mid_left: left,
    matching_mid_right: right,
    valid,
  });
}

async function answerFaceMatching(images: Buffer[]): Promise<Response> {
  const picked = pickScenario(images, cvsFaceMatchScenarioNames, { pass: "pass", review: "borderline", fail: "no_match" });
  const errorCode = errorCodeScenarios[picked.scenario];
  if (errorCode) return cvsError(errorCode);
  const good = scoreBetween(picked.jitter, 85, 99);
  const outcomes: Partial<Record<CvsScenario, [string, number | null]>> = {
    // [invalidCode, similarity %]; null = not computed
    pass: ["0", good],
    borderline: ["0", scoreBetween(picked.jitter, 66, 74)],
    no_match: ["0", scoreBetween(picked.jitter, 10, 50)],
    id_card_missing: ["1", null],
    photocopy: ["2", good],
    tampered: ["3", good],
    no_face_card: ["4", null],
    no_face_portrait: ["5", null],
    multiple_faces: ["6", null],
    sunglasses: ["7", good],
    hat: ["8", good],
    mask: ["9", good],
    screen_photo: ["10", good],
    too_small: ["11", good],
    too_close_to_edge: ["12", good],
  };
  const [invalidCode, similarity] = outcomes[picked.scenario] ?? ["0", good];
  const match = similarity === null ? "N/A" : similarity > 75 ? "1" : similarity >= 65 ? "0" : "-1";
  return cvsAnswer("0", {
    matching: similarity === null ? "N/A" : percent(similarity),
    face1: similarity === null ? "" : await sandboxFaceCrop(),
    face2: similarity === null ? "" : await sandboxFaceCrop(),
    face1_score: similarity === null ? "N/A" : "0.99",
    face2_score: similarity === null ? "N/A" : "0.98",
    invalidCode,
    invalidMessage: messageOf(cvsFaceMatchInvalidCodes, invalidCode),
    match,
  });
}

async function readUploadedPair(c: Context<SandboxEnv>, formatType: string, fields: string[]): Promise<(Buffer | null)[] | "bad_format"> {
  if (formatType === "file") {
    const form = await readForm(c);
    return Promise.all(fields.map(async (f) => (await readFormFile(form, f))?.bytes ?? null));
  }
  if (formatType === "base64") {
    const json = await readJsonObject(c);
    return fields.map((f) => decodeBase64Field(json?.[f]));
  }
  return "bad_format";
}

const validType1 = (type1: string | undefined) => type1 === undefined || type1 === "card" || type1 === "portrait";

function createCvsRoutes(): Hono<SandboxEnv> {
  const app = new Hono<SandboxEnv>();

  app.post(CVS_VERIFY_LIVENESS_PATH, async (c) => {
    if (!isAuthorized(c.req.header("authorization"))) return cvsError("5");
    const images = await readUploadedPair(c, c.req.query("format_type") ?? "file", ["portrait_mid", "portrait_left", "portrait_right"]);
    if (images === "bad_format") return cvsError("6");
    const checked = await checkImages(images);
    return checked.ok ? answerVerifyLiveness(checked.images) : cvsError(checked.errorCode);
  });

  app.get(CVS_FACE_MATCHING_PATH, async (c) => {
    if (!isAuthorized(c.req.header("authorization"))) return cvsError("5");
    if (c.req.query("format_type") !== "url" || !validType1(c.req.query("type1"))) return cvsError("6");
    const urls = [c.req.query("img1"), c.req.query("img2")];
    const images = await Promise.all(urls.map((u) => (u ? fetchRemoteMedia(u) : Promise.resolve(null))));
    if (images.some((i) => i === null)) return cvsError("2");
    const checked = await checkImages(images);
    return checked.ok ? answerFaceMatching(checked.images) : cvsError(checked.errorCode);
  });

  app.post(CVS_FACE_MATCHING_PATH, async (c) => {
    if (!isAuthorized(c.req.header("authorization"))) return cvsError("5");
    if (!validType1(c.req.query("type1"))) return cvsError("6");
    const images = await readUploadedPair(c, c.req.query("format_type") ?? "file", ["img1", "img2"]);
    if (images === "bad_format") return cvsError("6");
    const checked = await checkImages(images);
    return checked.ok ? answerFaceMatching(checked.images) : cvsError(checked.errorCode);
  });

  return app;
}

export const cvsSandbox: VendorSandbox = {
  vendor: "cvs",
  pathPrefix: "/cvs",
  scenarios: cvsScenarios,
  createRoutes: createCvsRoutes,
  respondQuotaExhausted: () => cvsError("4"),
  respondBadCredentials: () => cvsError("5"),
};
