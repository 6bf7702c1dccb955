import { describe, expect, it } from "vitest";
import { defaultPolicies } from "@/lib/policy";
import { biometricKzAdapter } from "@/lib/vendors/biometric-kz/biometric-kz-adapter";
import { cvsAdapter } from "@/lib/vendors/cvs/cvs-adapter";
import { fptAdapter } from "@/lib/vendors/fpt/fpt-adapter";
import type { WireRequest } from "@/lib/vendors/http/send-with-retries";
import { kairosAdapter } from "@/lib/vendors/kairos/kairos-adapter";
import { checkMediaLimits, listVendorsForCheck, runCheckOptionsSchema, sandboxBaseUrl, vendorRegistry, type MediaInput, type MediaRole } from "@/lib/vendors";
import type { BuildRequestInput, VendorAdapter } from "@/lib/vendors/vendor-adapter";

const file = (role: MediaRole, filename: string, bytes = Buffer.from(filename)): MediaInput => ({ role, bytes, mime: "image/jpeg", filename });

function build(adapter: VendorAdapter, input: Omit<BuildRequestInput, "options"> & { options?: unknown }): WireRequest {
  const built = adapter.buildRequest({ ...input, options: runCheckOptionsSchema.parse(input.options ?? {}) });
  if (!built.ok) throw new Error(built.reasons.map((r) => r.message).join("; "));
  return built.build();
}

async function formFields(request: WireRequest): Promise<[string, string][]> {
  expect(request.body).toBeInstanceOf(FormData);
  const form = request.body instanceof FormData ? request.body : new FormData();
  return Promise.all(
    [...form.entries()].map(async ([name, value]): Promise<[string, string]> => [name, typeof value === "string" ? value : `file:${value.name}:${await value.text()}`]),
  );
}

const cvsCredentials = { apiKey: "k", apiSecret: "s" };

describe("wire requests", () => {
  it("CVS verify_liveness multipart: no query, basic auth, three portrait fields", async () => {
    const request = build(cvsAdapter, {
      checkType: "liveness_3angle",
      media: { portrait_left: file("portrait_left", "l.jpg"), portrait_mid: file("portrait_mid", "m.jpg"), portrait_right: file("portrait_right", "r.jpg") },
      baseUrl: "https://cloud.computervision.com.vn/",
      credentials: cvsCredentials,
      policy: defaultPolicies["cvs.liveness_3angle"],
    });
    expect(request.url).toBe("https://cloud.computervision.com.vn/api/v2/ekyc/verify_liveness");
    expect(request.headers.authorization).toBe(`Basic ${Buffer.from("k:s").toString("base64")}`);
    expect(await formFields(request)).toEqual([
      ["portrait_left", "file:l.jpg:l.jpg"],
      ["portrait_mid", "file:m.jpg:m.jpg"],
      ["portrait_right", "file:r.jpg:r.jpg"],
    ]);
  });

  it("CVS verify_liveness base64: ?format_type=base64 and a JSON body", () => {
    const request = build(cvsAdapter, {
      checkType: "liveness_3angle",
      media: { portrait_left: file("portrait_left", "L"), portrait_mid: file("portrait_mid", "M"), portrait_right: file("portrait_right", "R") },
      baseUrl: "http://127.0.0.1:4010/cvs",
      credentials: cvsCredentials,
      policy: defaultPolicies["cvs.liveness_3angle"],
      options: { cvs: { formatType: "base64" } },
    });
    expect(request.url).toBe("http://127.0.0.1:4010/cvs/api/v2/ekyc/verify_liveness?format_type=base64");
    expect(JSON.parse(String(request.body))).toEqual({ portrait_right: "Ug==", portrait_mid: "TQ==", portrait_left: "TA==" });
  });

  it("CVS face_matching: url (GET), file (multipart), base64 (JSON); type1 in the query", async () => {
    const common = { checkType: "face_match" as const, baseUrl: "https://x", credentials: cvsCredentials, policy: defaultPolicies["cvs.face_match"] };
    const media = { image1: file("image1", "card.jpg"), image2: file("image2", "me.jpg") };
    const get = build(cvsAdapter, { ...common, media: {}, options: { cvs: { formatType: "url", type1: "portrait", urls: { image1: "https://a/1.png", image2: "https://a/2.png" } } } });
    expect(get.method).toBe("GET");
    expect(get.body).toBeUndefined();
    expect(Object.fromEntries(new URL(get.url).searchParams)).toEqual({ img1: "https://a/1.png", img2: "https://a/2.png", type1: "portrait", format_type: "url" });
    const multipart = build(cvsAdapter, { ...common, media });
    expect(multipart.url).toBe("https://x/api/v2/ekyc/face_matching?type1=card&format_type=file");
    expect((await formFields(multipart)).map(([n]) => n)).toEqual(["img1", "img2"]);
    const json = build(cvsAdapter, { ...common, media, options: { cvs: { formatType: "base64" } } });
    expect(json.url).toBe("https://x/api/v2/ekyc/face_matching?type1=card&format_type=base64");
    expect(json.headers["content-type"]).toBe("application/json");
    expect(Object.keys(JSON.parse(String(json.body)))).toEqual(["img1", "img2"]);
  });

  it("FPT: header api-key, video + optional cmnd, ?v2_format=1", async () => {
    const request = build(fptAdapter, {
      checkType: "liveness_video",
      media: { video: file("video", "v.mp4"), id_image: file("id_image", "id.png") },
      baseUrl: "https://api.fpt.ai",
      credentials: { apiKey: "secret" },
      policy: defaultPolicies["fpt.liveness_video"],
      options: { fpt: { v2Format: true } },
    });
    expect(request.url).toBe("https://api.fpt.ai/vision/ekyc/liveness?v2_format=1");
    expect(request.headers["api-key"]).toBe("secret");
    expect((await formFields(request)).map(([n]) => n)).toEqual(["video", "cmnd"]);
  });

  it("biometric.kz: multipart image + api_key form field, trailing slash kept", async () => {
    const request = build(biometricKzAdapter, {
      checkType: "liveness_selfie",
      media: { selfie: file("selfie", "face.png") },
      baseUrl: "https://kyc.biometric.kz",
      credentials: { apiKey: "org-key" },
      policy: defaultPolicies["biometric_kz.liveness_selfie"],
    });
    expect(request.url).toBe("https://kyc.biometric.kz/api/v1/backend/liveness/short/");
    expect(await formFields(request)).toEqual([
      ["image", "file:face.png:face.png"],
      ["api_key", "org-key"],
    ]);
    expect(request.headers).toEqual({ accept: "application/json" });
  });

  it("Kairos: app_id/app_key headers, selfie + threshold from the policy", async () => {
    const request = build(kairosAdapter, {
      checkType: "liveness_selfie",
      media: { selfie: file("selfie", "s.jpg") },
      baseUrl: "https://idv-eu.kairos.com",
      credentials: { appId: "811ed7d1", appKey: "45e4" },
      policy: { ...defaultPolicies["kairos.liveness_selfie"], threshold: 0.72 },
    });
    expect(request.url).toBe("https://idv-eu.kairos.com/v0.1/liveness-verification");
    expect(request.headers).toMatchObject({ app_id: "811ed7d1", app_key: "45e4" });
    expect(await formFields(request)).toEqual([
      ["selfie", "file:s.jpg:s.jpg"],
      ["threshold", "0.72"],
    ]);
  });
});

describe("registry", () => {
  it("lists check types, roles, default and sandbox URLs", () => {
    expect(listVendorsForCheck("face_match").sort()).toEqual(["cvs", "fpt", "local"]);
    expect(listVendorsForCheck("liveness_selfie").sort()).toEqual(["biometric_kz", "kairos", "local"]);
    expect(vendorRegistry.fpt.checks.liveness_video).toMatchObject({ requiredRoles: ["video"], optionalRoles: ["id_image"] });
    expect(vendorRegistry.cvs.defaultBaseUrl).toBe("https://cloud.computervision.com.vn");
    expect(sandboxBaseUrl("http://127.0.0.1:4010/", "biometric_kz")).toBe("http://127.0.0.1:4010/biometric");
  });

  it("checkMediaLimits reports documented limits", () => {
    const big = { role: "video" as const, bytes: Buffer.alloc(10 * 1024 * 1024 + 1), mime: "video/mp4", filename: "v.mp4" };
    expect(checkMediaLimits("fpt", "liveness_video", [big]).map((r) => r.code)).toEqual(["media_too_large"]);
    expect(checkMediaLimits("biometric_kz", "liveness_selfie", [file("selfie", "s.webp")]).map((r) => r.code)).toEqual(["unsupported_file_type"]);
    expect(checkMediaLimits("kairos", "liveness_selfie", [file("selfie", "s.webp")])).toEqual([]);
  });
});
