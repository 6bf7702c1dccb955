import { describe, expect, it } from "vitest";
import { parseHiddenColumns } from "@/components/data-table/hidden-columns";

// `hide=a,b` from a table's URL, read against the table's allow-list.

const HIDEABLE = ["media", "assignee", "opened", "sla"] as const;

describe("parseHiddenColumns", () => {
  it("keeps the columns that may be hidden, each once", () => {
    expect(parseHiddenColumns("assignee,sla,assignee", HIDEABLE)).toEqual(["assignee", "sla"]);
  });

  it("drops a column that may not be hidden or does not exist", () => {
    expect(parseHiddenColumns("case,select,nope,opened", HIDEABLE)).toEqual(["opened"]);
  });

  it("reads an absent, repeated or oversized parameter as nothing hidden", () => {
    expect(parseHiddenColumns(undefined, HIDEABLE)).toEqual([]);
    expect(parseHiddenColumns(["sla", "opened"], HIDEABLE)).toEqual([]);
    expect(parseHiddenColumns(`sla,${"x".repeat(400)}`, HIDEABLE)).toEqual([]);
  });
});
