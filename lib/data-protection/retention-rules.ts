import { Prisma } from "@/lib/generated/prisma/client";
import type { RetentionCaseState, RetentionSource } from "@/lib/generated/prisma/enums";
import { verificationHeldSql } from "@/lib/data-protection/legal-holds";

// The retention grid: one rule per source × case state, in plain words, and the SQL that finds the
// media a rule lets go.

export const RETENTION_SOURCES: RetentionSource[] = ["api", "upload", "ingest", "test_set"];
export const RETENTION_CASE_STATES: RetentionCaseState[] = ["no_case", "case_decided", "case_open"];

export const SOURCE_WORDS: Record<RetentionSource, { label: string; noun: string }> = {
  api: { label: "API", noun: "verifications sent over the API" },
  upload: { label: "Upload", noun: "verifications uploaded in the console" },
  ingest: { label: "Ingest", noun: "vendor results ingested over the API" },
  test_set: { label: "Test set", noun: "test set items" },
};

export const CASE_STATE_WORDS: Record<RetentionCaseState, { label: string; clause: string; since: string }> = {
  no_case: { label: "no case", clause: "that never needed a review", since: "after the verification was created" },
  case_decided: { label: "case decided", clause: "whose review case was decided", since: "after the last decision" },
  case_open: { label: "case open", clause: "whose review case is still open", since: "after the verification was created" },
};

// 100 years: anything longer is a typo, and "keep" says it better.
export const MAX_RETENTION_DAYS = 36_500;

export function ruleKey(source: RetentionSource, caseState: RetentionCaseState) {
  return `${source}.${caseState}`;
}

export function ruleName(source: RetentionSource, caseState: RetentionCaseState) {
  return `${SOURCE_WORDS[source].label} · ${CASE_STATE_WORDS[caseState].label}`;
}

/** "30 days", "6 months", "1 year", "2 years". */
export function describeDays(days: number): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (days % 365 === 0) return plural(days / 365, "year");
  if (days % 30 === 0) return plural(days / 30, "month");
  return plural(days, "day");
}

/** One line of the published schedule, e.g. "Face images and videos of verifications sent over the API that never needed a review are destroyed 30 days after the verification was created." */
export function describeRule(source: RetentionSource, caseState: RetentionCaseState, mediaDays: number | null): string {
  const subject = `Face images and videos of ${SOURCE_WORDS[source].noun} ${CASE_STATE_WORDS[caseState].clause}`;
  if (mediaDays === null) return `${subject} are kept until the person asks for their erasure.`;
  return `${subject} are destroyed ${describeDays(mediaDays)} ${CASE_STATE_WORDS[caseState].since}.`;
}

/**
 * SQL condition: verification `v` falls under the rule and is older than its duration. Only
 * finished verifications qualify (a vendor call may still need the media of a running one).
 */
export function ruleMatchSql(source: RetentionSource, caseState: RetentionCaseState, mediaDays: number): Prisma.Sql {
  const inTestSet = Prisma.sql`EXISTS (SELECT 1 FROM "TestSetItem" ti WHERE ti."verificationId" = v."id")`;
  const sourceSql = source === "test_set" ? inTestSet : Prisma.sql`v."source" = ${source}::"VerificationSource" AND NOT ${inTestSet}`;
  const cutoff = Prisma.sql`now() - make_interval(days => ${mediaDays}::int)`;
  const anyCase = Prisma.sql`EXISTS (SELECT 1 FROM "ReviewCase" c WHERE c."verificationId" = v."id")`;
  const undecided = Prisma.sql`EXISTS (SELECT 1 FROM "ReviewCase" c WHERE c."verificationId" = v."id" AND c."status" <> 'decided')`;
  const stateSql =
    caseState === "no_case"
      ? Prisma.sql`NOT ${anyCase} AND v."createdAt" < ${cutoff}`
      : caseState === "case_open"
        ? Prisma.sql`${undecided} AND v."createdAt" < ${cutoff}`
        : Prisma.sql`${anyCase} AND NOT ${undecided}
            AND (SELECT max(c."decidedAt") FROM "ReviewCase" c WHERE c."verificationId" = v."id") < ${cutoff}`;
  return Prisma.sql`v."status" IN ('completed', 'failed') AND ${sourceSql} AND ${stateSql}`;
}

/** Media of verifications under the rule, not purged yet; `held` picks those a legal hold keeps (true) or the others (false). */
export function ruleMediaSql(source: RetentionSource, caseState: RetentionCaseState, mediaDays: number, held: boolean): Prisma.Sql {
  const heldSql = verificationHeldSql("v");
  return Prisma.sql`
    FROM "Media" m JOIN "Verification" v ON v."id" = m."verificationId"
    WHERE m."purgedAt" IS NULL AND ${ruleMatchSql(source, caseState, mediaDays)} AND ${held ? heldSql : Prisma.sql`NOT ${heldSql}`}`;
}
