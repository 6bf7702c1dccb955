import type { Policy } from "@/lib/policy/policy-schemas";
import type { VendorFacts } from "@/lib/policy/vendor-facts";
import type { ReadBody } from "@/lib/vendors/http/read-body";
import type { WireRequest, WireResponse } from "@/lib/vendors/http/send-with-retries";
import type { CheckType, MediaInput, MediaRole, Reason, ResolvedRunCheckOptions, VendorId, VerdictValue } from "@/lib/vendors/types";

export type MediaByRole = Partial<Record<MediaRole, MediaInput>>;

export type BuildRequestInput = {
  checkType: CheckType;
  media: MediaByRole;
  baseUrl: string;
  credentials: Record<string, string>;
  policy: Policy;
  options: ResolvedRunCheckOptions;
};

/** A request factory (called once per attempt) or the reasons it cannot be built. */
export type BuiltRequest = { ok: true; build: () => WireRequest } | { ok: false; reasons: Reason[] };

export type Interpretation =
  | { kind: "facts"; facts: VendorFacts; vendorVerdict: Record<string, VerdictValue>; warnings: string[] }
  | { kind: "rejected"; reasons: Reason[]; vendorVerdict: Record<string, VerdictValue>; warnings: string[] };

export type InterpretInput = {
  checkType: CheckType;
  response: WireResponse;
  body: ReadBody;
  policy: Policy;
  options: ResolvedRunCheckOptions;
};

export type ConnectionProbeVerdict = "ok" | "auth_failed" | "unexpected";

export type VendorAdapter = {
  vendor: VendorId;
  /** Accept Python-style bodies (None, missing commas) as the vendor's document prints them. */
  allowLenientJson: boolean;
  buildRequest: (input: BuildRequestInput) => BuiltRequest;
  interpretResponse: (input: InterpretInput) => Interpretation;
  /** A cheap authenticated call whose answer tells good credentials from bad ones. */
  buildConnectionProbe: (baseUrl: string, credentials: Record<string, string>) => WireRequest;
  classifyConnectionProbe: (response: WireResponse, body: ReadBody) => ConnectionProbeVerdict;
};

export function joinUrl(baseUrl: string, path: string, query?: Record<string, string>): string {
  const url = `${baseUrl.replace(/\/+$/, "")}${path}`;
  if (!query || Object.keys(query).length === 0) return url;
  return `${url}?${new URLSearchParams(query).toString()}`;
}

export function toBlob(media: MediaInput): Blob {
  return new Blob([new Uint8Array(media.bytes)], { type: media.mime });
}

/** The body's JSON when it is an object, else null. */
export function jsonObjectOf(body: ReadBody): Record<string, unknown> | null {
  if (body.kind !== "json" || typeof body.value !== "object" || body.value === null || Array.isArray(body.value)) return null;
  return body.value as Record<string, unknown>;
}
