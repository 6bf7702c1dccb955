// Calendar arithmetic for the dashboards' buckets. Buckets follow the viewer's time zone: a bucket is
// named by the local date it starts on ("2026-03-02"), weeks start on Monday (as PostgreSQL's
// date_trunc('week')), months on the 1st. Local dates are handled as UTC-midnight Date objects so
// nothing here depends on the server's own zone.

export const BUCKETS = ["day", "week", "month"] as const;
export type Bucket = (typeof BUCKETS)[number];

const DAY_MS = 86_400_000;

export function parseDay(day: string): Date {
  return new Date(`${day}T00:00:00.000Z`);
}

export function formatDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return formatDay(new Date(parseDay(day).getTime() + days * DAY_MS));
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to).getTime() - parseDay(from).getTime()) / DAY_MS);
}

/** The start of the bucket a local date belongs to. */
export function bucketStart(day: string, bucket: Bucket): string {
  const date = parseDay(day);
  if (bucket === "week") {
    const weekday = (date.getUTCDay() + 6) % 7; // Monday = 0
    return addDays(day, -weekday);
  }
  if (bucket === "month") return `${day.slice(0, 7)}-01`;
  return day;
}

/** The start of the next bucket. */
export function nextBucketStart(start: string, bucket: Bucket): string {
  if (bucket === "day") return addDays(start, 1);
  if (bucket === "week") return addDays(start, 7);
  const date = parseDay(start);
  return formatDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1)));
}

/** Every bucket from the one holding `from` to the one holding `to` (local dates, inclusive). */
export function enumerateBuckets(from: string, to: string, bucket: Bucket): string[] {
  const out: string[] = [];
  for (let start = bucketStart(from, bucket); start <= to; start = nextBucketStart(start, bucket)) out.push(start);
  return out;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The local date of an instant in a time zone. */
export function localDateOf(instant: Date | number, timeZone: string): string {
  let format = dateFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dateFormats.set(timeZone, format);
  }
  return format.format(instant);
}

/** Today's date in a time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return localDateOf(now, timeZone);
}

/** The zone's offset from UTC in ms at an instant. */
function offsetAt(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant a local date begins in a time zone (DST-aware). */
export function startOfLocalDay(day: string, timeZone: string): Date {
  const guess = parseDay(day).getTime();
  let instant = guess - offsetAt(guess, timeZone);
  instant = guess - offsetAt(instant, timeZone);
  return new Date(instant);
}

/**
 * The UTC calendar days (inclusive) that cover local dates [from, toExclusive) in a time zone: the
 * verifications list filters by UTC days, so a drill-down from a local bucket asks for the UTC days
 * that contain it (exact for UTC, a few hours wider elsewhere).
 */
export function utcDaysCovering(from: string, toExclusive: string, timeZone: string): { from: string; to: string } {
  const start = startOfLocalDay(from, timeZone);
  const end = new Date(startOfLocalDay(toExclusive, timeZone).getTime() - 1);
  return { from: formatDay(start), to: formatDay(end) };
}

const HOUR_MS = 3_600_000;

export type InstantRange = [Date, Date];

export interface SeriesPlan {
  /** UTC days lying wholly inside the range and one local bucket, as merged [start, end) ranges: read per day. */
  dayRanges: InstantRange[];
  /** 3-hour blocks (of the other UTC days) wholly inside the range and one local bucket: read per block. */
  blockRanges: InstantRange[];
  /** Everything else in the range: read per hour. */
  hourRanges: InstantRange[];
}

const BLOCK_MS = 3 * HOUR_MS;

function appendRange(ranges: InstantRange[], start: number, end: number) {
  if (end <= start) return;
  const last = ranges[ranges.length - 1];
  if (last && last[1].getTime() === start) last[1] = new Date(end);
  else ranges.push([new Date(start), new Date(end)]);
}

/**
 * How to read a local date range bucketed in a zone from rollups kept per UTC hour, per 3-hour block
 * and per UTC day: a span counts whole when it lies inside the range and its first and last hour
 * fall in the same local bucket (every UTC day in UTC; for weeks and months every day but those at
 * bucket edges). Days first, then blocks, then single hours; adjacent spans merge into ranges, so
 * each level is read with a few index range scans: a local day in another zone costs ~8–10 rows
 * per key instead of 24.
 */
export function planSeries(from: string, to: string, bucket: Bucket, timeZone: string): SeriesPlan {
  const r0 = startOfLocalDay(from, timeZone).getTime();
  const r1 = startOfLocalDay(addDays(to, 1), timeZone).getTime();
  const plan: SeriesPlan = { dayRanges: [], blockRanges: [], hourRanges: [] };
  const bucketAt = (instant: number) => bucketStart(localDateOf(instant, timeZone), bucket);
  const isWhole = (start: number, end: number) => start >= r0 && end <= r1 && bucketAt(start) === bucketAt(end - HOUR_MS);
  for (let day = Math.floor(r0 / DAY_MS) * DAY_MS; day < r1; day += DAY_MS) {
    if (isWhole(day, day + DAY_MS)) {
      appendRange(plan.dayRanges, day, day + DAY_MS);
      continue;
    }
    for (let block = day; block < day + DAY_MS; block += BLOCK_MS) {
      if (isWhole(block, block + BLOCK_MS)) appendRange(plan.blockRanges, block, block + BLOCK_MS);
      else appendRange(plan.hourRanges, Math.max(block, r0), Math.min(block + BLOCK_MS, r1));
    }
  }
  return plan;
}
