import { describe, expect, it } from "vitest";
import { hiddenColumnsOf, parseHiddenColumns, withHiddenColumns } from "@/components/data-table/hidden-columns";

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

describe("hiddenColumnsOf", () => {
  it("reads `hide` from the URL's search params as the server does", () => {
    expect(hiddenColumnsOf(new URLSearchParams("status=all&hide=sla,case,media"), HIDEABLE)).toEqual(["sla", "media"]);
    expect(hiddenColumnsOf(new URLSearchParams("status=all"), HIDEABLE)).toEqual([]);
    expect(hiddenColumnsOf(new URLSearchParams("hide=sla&hide=opened"), HIDEABLE)).toEqual([]);
  });
});

describe("withHiddenColumns", () => {
  it("puts the current URL's hidden columns on a link built before they were hidden", () => {
    expect(withHiddenColumns("/queue?status=all&cursor=abc", new URLSearchParams("reference=x&hide=assignee,sla"))).toBe("/queue?status=all&cursor=abc&hide=assignee%2Csla");
  });

  it("replaces the link's own `hide`, and drops it when nothing is hidden now", () => {
    expect(withHiddenColumns("/queue?hide=media&status=all", new URLSearchParams("hide=sla"))).toBe("/queue?status=all&hide=sla");
    expect(withHiddenColumns("/queue?hide=media&status=all", new URLSearchParams("status=open"))).toBe("/queue?status=all");
    expect(withHiddenColumns("/queue?hide=media", new URLSearchParams())).toBe("/queue");
  });

  it("keeps the path, a link without a query, and a hash", () => {
    expect(withHiddenColumns("/verifications", new URLSearchParams("hide=source"))).toBe("/verifications?hide=source");
    expect(withHiddenColumns("/verifications?cursor=a%2Fb#list", new URLSearchParams("hide=source"))).toBe("/verifications?cursor=a%2Fb&hide=source#list");
  });
});
