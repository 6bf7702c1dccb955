import { describe, expect, it } from "vitest";
import { formErrorOf } from "@/components/ui/form-error-of";

// The form-level error of useServerAction: field errors stand beside their fields, the rest is
// said once for the form.
describe("formErrorOf", () => {
  const general = "Some fields need attention.";

  it("says the error when the action named no field", () => {
    expect(formErrorOf("Another webhook already sends to this URL.", {}, { fields: ["url"] })).toBe("Another webhook already sends to this URL.");
  });

  it("says nothing at the form level when every field error stands beside its field", () => {
    expect(formErrorOf(general, { url: ["Enter a URL."], events: ["Pick an event."] }, { fields: ["url", "events"] })).toBeNull();
  });

  it("counts a nested key as shown by its parent field", () => {
    expect(formErrorOf(general, { "credentials.appKey": ["Required."], "quality_sample.shares.0.share": ["0 to 100 %."] }, { fields: ["credentials", "quality_sample.shares"] })).toBeNull();
  });

  it("adds the messages of fields the form does not show", () => {
    expect(formErrorOf(general, { reason: ["At least 3 characters."], selection: ["No verification matches."] }, { fields: ["reason"] })).toBe(`${general} No verification matches.`);
  });

  it("says every message when the form shows no field (an action button)", () => {
    expect(formErrorOf(general, { jobId: ["Not a job id."] }, {})).toBe(`${general} Not a job id.`);
  });

  it("keeps the general error beside the button of a long form (summary)", () => {
    expect(formErrorOf(general, { "manual_review.slaMinutes": ["At least 5 minutes."] }, { fields: ["manual_review.slaMinutes"], summary: true })).toBe(general);
  });
});
