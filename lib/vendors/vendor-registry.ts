import type { CheckType, MediaRole, VendorId } from "@/lib/vendors/types";

export type MediaLimits = {
  maxBytes?: number;
  /** Lower-case, with the dot. */
  extensions?: readonly string[];
  mimeTypes?: readonly string[];
  minDurationS?: number;
  maxDurationS?: number;
  minWidth?: number;
  minHeight?: number;
  /** Requirements the documents state that cannot be checked from the bytes alone. */
  notes?: readonly string[];
};

export type CheckSpec = {
  /** The vendor API serving this check type. */
  api: string;
  requiredRoles: readonly MediaRole[];
  optionalRoles: readonly MediaRole[];
  limits: Partial<Record<MediaRole, MediaLimits>>;
};

export type VendorInfo = {
  id: VendorId;
  displayName: string;
  /** Verdict's own engine: runs in the workers, no HTTP, no credentials, no sandbox. */
  builtIn?: boolean;
  defaultBaseUrl: string;
  /** Where this vendor lives on the local sandbox server: `http://127.0.0.1:<port><prefix>`. */
  sandboxPathPrefix: string;
  credentialFields: readonly string[];
  /** The fixed credentials the sandbox accepts. */
  sandboxCredentials: Readonly<Record<string, string>>;
  checks: Partial<Record<CheckType, CheckSpec>>;
};

const MB = 1024 * 1024;
const imageExtensions = [".jpg", ".jpeg", ".png"] as const;

export const vendorRegistry: Record<VendorId, VendorInfo> = {
  cvs: {
    id: "cvs",
    displayName: "Computer Vision (CVS)",
    defaultBaseUrl: "https://cloud.computervision.com.vn",
    sandboxPathPrefix: "/cvs",
    credentialFields: ["apiKey", "apiSecret"],
    sandboxCredentials: { apiKey: "sandbox_key", apiSecret: "sandbox_secret" },
    checks: {
      liveness_3angle: {
        api: "POST /api/v2/ekyc/verify_liveness",
        requiredRoles: ["portrait_left", "portrait_mid", "portrait_right"],
        optionalRoles: [],
        limits: {},
      },
      face_match: {
        api: "GET|POST /api/v2/ekyc/face_matching",
        // With format_type=url the images are given as URLs in options.cvs.urls instead.
        requiredRoles: ["image1", "image2"],
        optionalRoles: [],
        limits: {},
      },
    },
  },
  fpt: {
    id: "fpt",
    displayName: "FPT.AI Liveness v3",
    defaultBaseUrl: "https://api.fpt.ai",
    sandboxPathPrefix: "/fpt",
    credentialFields: ["apiKey"],
    sandboxCredentials: { apiKey: "sandbox_key" },
    checks: {
      liveness_video: {
        api: "POST /vision/ekyc/liveness",
        requiredRoles: ["video"],
        optionalRoles: ["id_image"],
        limits: {
          video: {
            maxBytes: 10 * MB,
            extensions: [".mp4"],
            mimeTypes: ["video/mp4"],
            minDurationS: 5,
            maxDurationS: 6,
            minWidth: 1280,
            minHeight: 720,
            notes: ["at least 25 fps", "exactly one face, at least 30 % of the frame, frontal, never out of frame"],
          },
          id_image: { maxBytes: 5 * MB, minWidth: 800, minHeight: 600, notes: ["the face takes at least 40 % of the image"] },
        },
      },
      face_match: {
        api: "POST /vision/ekyc/liveness (video vs cmnd image)",
        requiredRoles: ["video", "id_image"],
        optionalRoles: [],
        limits: {
          video: { maxBytes: 10 * MB, extensions: [".mp4"], mimeTypes: ["video/mp4"], minDurationS: 5, maxDurationS: 6 },
          id_image: { maxBytes: 5 * MB, minWidth: 800, minHeight: 600 },
        },
      },
    },
  },
  biometric_kz: {
    id: "biometric_kz",
    displayName: "biometric.kz Liveness Short",
    defaultBaseUrl: "https://kyc.biometric.kz",
    sandboxPathPrefix: "/biometric",
    credentialFields: ["apiKey"],
    sandboxCredentials: { apiKey: "sandbox_key" },
    checks: {
      liveness_selfie: {
        api: "POST /api/v1/backend/liveness/short/",
        requiredRoles: ["selfie"],
        optionalRoles: [],
        limits: { selfie: { extensions: imageExtensions, mimeTypes: ["image/jpeg", "image/png"] } },
      },
    },
  },
  kairos: {
    id: "kairos",
    displayName: "Kairos liveness verification",
    defaultBaseUrl: "https://idv-eu.kairos.com",
    sandboxPathPrefix: "/kairos",
    credentialFields: ["appId", "appKey"],
    sandboxCredentials: { appId: "sandbox_app", appKey: "sandbox_key" },
    checks: {
      liveness_selfie: {
        api: "POST /v0.1/liveness-verification",
        requiredRoles: ["selfie"],
        optionalRoles: [],
        limits: {},
      },
    },
  },
  local: {
    id: "local",
    displayName: "Verdict engine (offline)",
    builtIn: true,
    // Not called over HTTP: the URL only names the engine in the settings.
    defaultBaseUrl: "local://verdict-engine",
    sandboxPathPrefix: "",
    credentialFields: [],
    sandboxCredentials: {},
    checks: {
      face_match: { api: "engine: detect + faceres descriptor, cosine similarity", requiredRoles: ["image1", "image2"], optionalRoles: [], limits: {} },
      liveness_selfie: { api: "engine: one frontal face, quality, advisory liveness", requiredRoles: ["selfie"], optionalRoles: [], limits: {} },
      liveness_3angle: {
        api: "engine: one face per angle, head yaw per role, same person",
        requiredRoles: ["portrait_left", "portrait_mid", "portrait_right"],
        optionalRoles: [],
        limits: {},
      },
      liveness_video: {
        api: "engine: frames sampled with ffmpeg, one face, same person, optional ID match",
        requiredRoles: ["video"],
        optionalRoles: ["id_image"],
        limits: {},
      },
    },
  },
};

export function findCheckSpec(vendor: VendorId, checkType: CheckType): CheckSpec | null {
  return vendorRegistry[vendor].checks[checkType] ?? null;
}

/** Vendors serving a check type, e.g. for "run on every vendor" in the console. */
export function listVendorsForCheck(checkType: CheckType): VendorId[] {
  return (Object.keys(vendorRegistry) as VendorId[]).filter((v) => vendorRegistry[v].checks[checkType] !== undefined);
}

/** `http://127.0.0.1:4010` → `http://127.0.0.1:4010/fpt`. */
export function sandboxBaseUrl(sandboxUrl: string, vendor: VendorId): string {
  return `${sandboxUrl.replace(/\/+$/, "")}${vendorRegistry[vendor].sandboxPathPrefix}`;
}
