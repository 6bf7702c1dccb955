import { describe, expect, it } from "vitest";
import { changeText, describeAuditChange, auditTargetHref } from "@/lib/audit/describe-audit-event";
import { auditSearchSchema, parseAuditSearch } from "@/lib/audit/find-audit-events";
import { describeMediaTombstone } from "@/lib/data-protection/media-tombstone";
import { retentionScheduleSchema } from "@/lib/data-protection/retention-policies";
import { describeDays, describeRule } from "@/lib/data-protection/retention-rules";
import { PURGED_MARK, scrubVendorImages } from "@/lib/data-protection/scrub-vendor-images";
import { fieldErrorsOf } from "@/lib/validation/field-errors";

describe("retention schedule input", () => {
  it("accepts whole days from 1 to 36500 and empty (keep)", () => {
    expect(retentionScheduleSchema.parse({ "api.no_case": "30", "upload.case_decided": " 365 ", "test_set.no_case": "" })).toMatchObject({
      "api.no_case": 30,
      "upload.case_decided": 365,
      "test_set.no_case": null,
    });
  });

  it.each(["-5", "0", "36501", "99999999999999999999", "1.5", "abc", "30 days"])("refuses %j with a message naming the field and what is allowed", (value) => {
    const parsed = retentionScheduleSchema.safeParse({ "api.no_case": value });
    expect(parsed.success).toBe(false);
    expect(fieldErrorsOf(parsed.error!)).toEqual({
      "api.no_case": ["Enter a whole number of days from 1 to 36500 (100 years), or leave it empty to keep the media."],
    });
  });
});

describe("the schedule in plain words", () => {
  it("says how long, counted from what, for which verifications", () => {
    expect(describeDays(30)).toBe("1 month");
    expect(describeDays(730)).toBe("2 years");
    expect(describeDays(45)).toBe("45 days");
    expect(describeRule("api", "no_case", 30)).toBe(
      "Face images and videos of verifications sent over the API that never needed a review are destroyed 1 month after the verification was created.",
    );
    expect(describeRule("upload", "case_decided", 365)).toBe(
      "Face images and videos of verifications uploaded in the console whose review case was decided are destroyed 1 year after the last decision.",
    );
    expect(describeRule("test_set", "case_open", null)).toBe("Face images and videos of test set items whose review case is still open are kept until the person asks for their erasure.");
  });

  it("describes a tombstone", () => {
    const at = new Date("2026-11-27T10:00:00Z");
    expect(describeMediaTombstone({ purgedAt: at, purgeKind: "policy", purgedBy: "policy:API · no case", policyName: "API · no case" })).toBe("purged on 2026-11-27 by policy API · no case");
    expect(describeMediaTombstone({ purgedAt: at, purgeKind: "erase", purgedBy: "dpo@example.com", policyName: null })).toBe("erased on 2026-11-27 by dpo@example.com (subject erasure)");
  });
});

describe("vendor image fields", () => {
  it("replaces documented crops and any long base64 run, keeps scores and codes", () => {
    const long = "iVBORw0KGgo".padEnd(800, "A");
    const raw = { data: { matching: "81.2", face1: "abc", face2: "", face1_score: "0.99", nested: [{ crop: long }], url: "https://x/y.jpg" }, errorCode: "0" };
    const { value, changed } = scrubVendorImages(raw);
    expect(changed).toBe(true);
    expect(value).toEqual({ data: { matching: "81.2", face1: PURGED_MARK, face2: "", face1_score: "0.99", nested: [{ crop: PURGED_MARK }], url: "https://x/y.jpg" }, errorCode: "0" });
    expect(scrubVendorImages(value)).toEqual({ value, changed: false });
  });
});

describe("audit log for an auditor", () => {
  it("shows each changed field as before → after", () => {
    const lines = describeAuditChange({ policy: "API · no case", mediaDays: null }, { policy: "API · no case", mediaDays: 30, schedule: "…" });
    expect(lines).toEqual([
      { field: "mediaDays", before: "—", after: "30" },
      { field: "schedule", before: null, after: "…" },
    ]);
    expect(changeText(lines)).toBe("mediaDays: — → 30\nschedule: …");
    expect(describeAuditChange(null, { role: "viewer" })).toEqual([{ field: "role", before: null, after: "viewer" }]);
  });

  it("links targets to their pages", () => {
    expect(auditTargetHref("media", "m1", { verificationId: "v1" })).toBe("/verifications/v1");
    expect(auditTargetHref("review_case", "c1", null)).toBe("/cases/c1");
    expect(auditTargetHref("subject", "a b", null)).toBe("/admin/subjects?reference=a%20b");
    expect(auditTargetHref("unknown", "x", null)).toBeNull();
  });

  it("parses hand-edited URLs without failing", () => {
    expect(auditSearchSchema.parse({ from: "2026-13-45", to: "yesterday", verification: "nope", limit: "9999", action: ["a", "b"] })).toMatchObject({
      from: undefined,
      to: undefined,
      verification: undefined,
      limit: 50,
      action: undefined,
    });
    expect(auditSearchSchema.parse({ from: "2026-11-01", to: "2026-11-27" })).toMatchObject({ from: "2026-11-01", to: "2026-11-27" });
  });

  it("names a date that does not exist, or a range that ends before it starts, instead of dropping it", () => {
    expect(parseAuditSearch({ from: "2026-02-30" })).toEqual({
      search: expect.objectContaining({ from: undefined }),
      errors: { from: "From (from): “2026-02-30” is not a calendar day; use YYYY-MM-DD, a date that exists (UTC)." },
    });
    expect(parseAuditSearch({ to: "2026-13-01" }).errors).toHaveProperty("to");
    expect(parseAuditSearch({ from: "2025-02-29" }).errors).toHaveProperty("from");
    expect(parseAuditSearch({ from: "2028-02-29", to: "2028-03-01" })).toMatchObject({ search: { from: "2028-02-29", to: "2028-03-01" }, errors: {} });
    expect(parseAuditSearch({ from: "2026-11-27", to: "2026-11-01" }).errors).toEqual({ to: "To (to): 2026-11-01 is before From (2026-11-27)." });
    expect(parseAuditSearch({ from: "" }).errors).toEqual({});
  });
});
