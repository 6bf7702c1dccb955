import { describe, expect, it } from "vitest";
import { dashboardQueryString, parseDashboardFilters } from "@/lib/dashboards/dashboard-filters";
import { csvCell, toCsv } from "@/lib/dashboards/dashboard-csv";
import { binLowerEdge, binOf, binUpperEdge, emptyHistogram, percentileFromHistogram } from "@/lib/dashboards/histogram";
import { enumerateBuckets, planSeries, startOfLocalDay, todayIn, utcDaysCovering } from "@/lib/dashboards/time-buckets";

describe("latency histograms", () => {
  it("put values in half-octave bins, as the SQL does", () => {
    expect(binOf(0)).toBe(0);
    expect(binOf(1)).toBe(0);
    expect(binOf(2)).toBe(2);
    expect(binOf(100)).toBe(13); // [90.5, 128)
    expect(binOf(128)).toBe(14);
    expect(binOf(10 ** 9)).toBe(31);
    expect(binLowerEdge(14)).toBe(128);
    expect(binUpperEdge(13)).toBe(128);
  });

  it("read percentiles from the bins, interpolating inside the bin, null when empty", () => {
    expect(percentileFromHistogram(emptyHistogram(), 0.5)).toBeNull();
    const bins = emptyHistogram();
    bins[14] = 90; // [128, 181)
    bins[20] = 10; // [1024, 1448)
    const p50 = percentileFromHistogram(bins, 0.5)!;
    expect(p50).toBeGreaterThanOrEqual(128);
    expect(p50).toBeLessThan(181.02);
    expect(percentileFromHistogram(bins, 0.9)).toBeCloseTo(181.02, 1); // exactly the top of bin 14
    const p95 = percentileFromHistogram(bins, 0.95)!;
    expect(p95).toBeCloseTo(1024 * Math.SQRT2 ** 0.5, 6); // half-way through bin 20 on a log scale
    expect(percentileFromHistogram(bins, 1)).toBeCloseTo(binUpperEdge(20));
  });
});

describe("time buckets", () => {
  it("enumerate days, Monday weeks and months, empty ones included", () => {
    expect(enumerateBuckets("2026-02-27", "2026-03-02", "day")).toEqual(["2026-02-27", "2026-02-28", "2026-03-01", "2026-03-02"]);
    expect(enumerateBuckets("2026-03-04", "2026-03-16", "week")).toEqual(["2026-03-02", "2026-03-09", "2026-03-16"]);
    expect(enumerateBuckets("2025-12-15", "2026-02-01", "month")).toEqual(["2025-12-01", "2026-01-01", "2026-02-01"]);
  });

  it("find the instant a local day starts, across daylight saving changes", () => {
    expect(startOfLocalDay("2026-03-10", "UTC").toISOString()).toBe("2026-03-10T00:00:00.000Z");
    expect(startOfLocalDay("2026-03-10", "Asia/Tokyo").toISOString()).toBe("2026-03-09T15:00:00.000Z");
    expect(startOfLocalDay("2026-03-28", "Europe/Berlin").toISOString()).toBe("2026-03-27T23:00:00.000Z");
    expect(startOfLocalDay("2026-03-30", "Europe/Berlin").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfLocalDay("2026-01-05", "Asia/Kolkata").toISOString()).toBe("2026-01-04T18:30:00.000Z");
  });

  it("turn a local bucket into the UTC days of the verifications list", () => {
    expect(utcDaysCovering("2026-03-10", "2026-03-11", "UTC")).toEqual({ from: "2026-03-10", to: "2026-03-10" });
    expect(utcDaysCovering("2026-03-10", "2026-03-11", "Asia/Tokyo")).toEqual({ from: "2026-03-09", to: "2026-03-10" });
    expect(utcDaysCovering("2026-03-02", "2026-03-09", "America/New_York")).toEqual({ from: "2026-03-02", to: "2026-03-09" });
  });

  it("know today's date in a zone", () => {
    const instant = new Date("2026-03-10T23:30:00Z");
    expect(todayIn("UTC", instant)).toBe("2026-03-10");
    expect(todayIn("Asia/Tokyo", instant)).toBe("2026-03-11");
  });
});

describe("dashboard filters from the URL", () => {
  const now = new Date("2026-03-10T12:00:00Z");

  it("default to the last 30 days in UTC, by day", () => {
    expect(parseDashboardFilters({}, now)).toEqual({ from: "2026-02-09", to: "2026-03-10", bucket: "day", tz: "UTC", vendor: undefined, checkType: undefined, source: undefined, includeSandbox: false });
  });

  it("fall back to defaults for values a hand-edited URL broke", () => {
    const f = parseDashboardFilters({ from: "2026-02-30", to: "yesterday", bucket: "hour", vendor: "acme", checkType: "x", source: "fax", tz: "Mars/Olympus" }, now);
    expect(f).toMatchObject({ from: "2026-02-09", to: "2026-03-10", bucket: "day", tz: "UTC", vendor: undefined, checkType: undefined, source: undefined });
  });

  it("order a reversed range, cap a huge one, keep valid values", () => {
    expect(parseDashboardFilters({ from: "2026-03-10", to: "2026-03-01", vendor: "cvs", tz: "Asia/Tokyo", bucket: "week" }, now)).toMatchObject({
      from: "2026-03-01", to: "2026-03-10", vendor: "cvs", tz: "Asia/Tokyo", bucket: "week",
    });
    expect(parseDashboardFilters({ from: "2001-01-01", to: "2026-03-10" }, now).from).toBe("2023-03-11"); // 1096 days, both ends included
  });

  it("round-trip through the query string", () => {
    const f = parseDashboardFilters({ from: "2026-01-01", to: "2026-01-31", source: "api", tz: "Europe/Berlin" }, now);
    expect(parseDashboardFilters(Object.fromEntries(new URLSearchParams(dashboardQueryString(f))), now)).toEqual(f);
    const withSandbox = parseDashboardFilters({ sandbox: "include" }, now);
    expect(withSandbox.includeSandbox).toBe(true);
    expect(parseDashboardFilters(Object.fromEntries(new URLSearchParams(dashboardQueryString(withSandbox))), now)).toEqual(withSandbox);
    expect(parseDashboardFilters({ sandbox: "yes" }, now).includeSandbox).toBe(false);
  });
});

describe("CSV", () => {
  it("quotes, escapes and defuses formulas", () => {
    expect(csvCell('say "hi", ok')).toBe('"say ""hi"", ok"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell(null)).toBe("");
    expect(csvCell(1 / 3)).toBe("0.3333");
    expect(toCsv(["a", "b"], [[1, "x\ny"]])).toBe('a,b\r\n1,"x\ny"\r\n');
  });
});

describe("drill-down to the verifications list", () => {
  it("asks for the bucket's UTC days, clipped to the range, with the dashboard's filters", async () => {
    const { verificationsHref } = await import("@/lib/dashboards/drill-down");
    const f = parseDashboardFilters({ from: "2026-03-04", to: "2026-03-20", bucket: "week", source: "api", tz: "UTC" });
    expect(verificationsHref(f, { bucket: "2026-03-02", outcome: "fail", vendor: "cvs" })).toBe("/verifications?vendor=cvs&outcome=fail&source=api&from=2026-03-04&to=2026-03-08");
    expect(verificationsHref(f, { bucket: "2026-03-16" })).toBe("/verifications?source=api&from=2026-03-16&to=2026-03-20");
    const tokyo = parseDashboardFilters({ from: "2026-03-10", to: "2026-03-10", tz: "Asia/Tokyo", checkType: "face_match" });
    expect(verificationsHref(tokyo, { bucket: "2026-03-10", outcome: "pass" })).toBe("/verifications?checkType=face_match&outcome=pass&from=2026-03-09&to=2026-03-10");
  });
});

describe("reading a range from the day, 3-hour and hour rollups", () => {
  const covered = (plan: ReturnType<typeof planSeries>) =>
    [...plan.dayRanges, ...plan.blockRanges, ...plan.hourRanges].map(([a, b]) => [a.getTime(), b.getTime()] as const).sort((a, b) => a[0] - b[0]);

  it("reads whole UTC days only, in UTC", () => {
    const plan = planSeries("2026-01-01", "2026-12-31", "day", "UTC");
    expect(plan.dayRanges).toEqual([[new Date("2026-01-01T00:00:00Z"), new Date("2027-01-01T00:00:00Z")]]);
    expect(plan.blockRanges).toEqual([]);
    expect(plan.hourRanges).toEqual([]);
  });

  it("covers a zone's local days exactly once, with few single hours", () => {
    for (const [tz, bucket] of [["Asia/Tokyo", "day"], ["America/New_York", "week"], ["Europe/Berlin", "month"], ["Asia/Kolkata", "day"]] as const) {
      const plan = planSeries("2026-03-01", "2026-04-30", bucket, tz);
      const spans = covered(plan);
      expect(spans[0]?.[0]).toBe(startOfLocalDay("2026-03-01", tz).getTime());
      expect(spans[spans.length - 1]?.[1]).toBe(startOfLocalDay("2026-05-01", tz).getTime());
      for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBe(spans[i - 1][1]); // contiguous, no overlap
    }
    // Tokyo's midnight is 15:00 UTC, on a block edge: its days are runs of whole blocks.
    expect(planSeries("2026-03-10", "2026-03-12", "day", "Asia/Tokyo")).toEqual({
      dayRanges: [],
      blockRanges: [[new Date("2026-03-09T15:00:00Z"), new Date("2026-03-12T15:00:00Z")]],
      hourRanges: [],
    });
    // By week in New York, the days inside a week are read whole and only the edges by block and hour.
    const weekly = planSeries("2026-01-05", "2026-01-18", "week", "America/New_York");
    expect(weekly.dayRanges.length).toBe(2);
    expect(weekly.hourRanges.length).toBeLessThanOrEqual(4);
  });
});
