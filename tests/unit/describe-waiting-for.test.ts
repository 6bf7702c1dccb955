import { describe, expect, it } from "vitest";
import { describeWaitingFor } from "@/lib/verifications/describe-waiting-for";

describe("what an unfinished verification waits for", () => {
  it("names the vendors it waits for, and says when no vendor was ever asked", () => {
    expect(describeWaitingFor("completed", [], null)).toBeNull();
    expect(describeWaitingFor("running", [{ vendor: "cvs", status: "running" }, { vendor: "fpt", status: "queued" }], null)).toBe("Waiting for cvs to answer.");
    expect(describeWaitingFor("queued", [{ vendor: "kairos", status: "queued" }], null)).toBe("Waiting for a worker to call kairos.");
    // A test-set item imported, or skipped by a run on vendors whose media it lacks: it waits for a person.
    expect(describeWaitingFor("queued", [], { name: "selfies" })).toMatch(/No vendor has been asked yet: this is an item of the test set “selfies”/);
  });
});
