import { z } from "zod";
import { db } from "@/lib/db";
import type { CaseStatus } from "@/lib/generated/prisma/enums";

// The Mentions inbox: comments on review cases that @mention a user, newest first. A mention is
// unread until the user marks the inbox read (User.mentionsSeenAt); one's own comments never count.

export const MENTIONS_PAGE_SIZE = 25;

const cursorSchema = z.object({ c: z.iso.datetime(), i: z.uuid() });

function encodeCursor(createdAt: Date, id: string): string {
  return Buffer.from(JSON.stringify({ c: createdAt.toISOString(), i: id })).toString("base64url");
}

function decodeCursor(value: string | undefined): { c: string; i: string } | null {
  if (!value) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export interface Mention {
  commentId: string;
  body: string;
  createdAt: Date;
  author: string;
  caseId: string;
  caseReference: string | null;
  caseStatus: CaseStatus;
  unread: boolean;
}

async function seenAt(userId: string): Promise<Date | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { mentionsSeenAt: true } });
  return user?.mentionsSeenAt ?? null;
}

/** How many comments mention the user since they last marked the inbox read (the badge in the menu, on every page: one query). */
export async function countUnreadMentions(userId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Comment" c, "User" u
    WHERE u."id" = ${userId}::uuid AND c."mentions" @> ARRAY[u."id"] AND c."authorId" <> u."id"
      AND c."createdAt" > coalesce(u."mentionsSeenAt", '-infinity'::timestamptz)`;
  return row?.n ?? 0;
}

/** One page of the comments that mention the user, with their case; `cursor` from the previous page. */
export async function listMentions(userId: string, options: { cursor?: string; limit?: number } = {}): Promise<{ mentions: Mention[]; nextCursor: string | null }> {
  const limit = options.limit ?? MENTIONS_PAGE_SIZE;
  const cursor = decodeCursor(options.cursor);
  const since = await seenAt(userId);
  const rows = await db.comment.findMany({
    where: {
      mentions: { has: userId },
      authorId: { not: userId },
      ...(cursor
        ? { OR: [{ createdAt: { lt: new Date(cursor.c) } }, { createdAt: new Date(cursor.c), id: { lt: cursor.i } }] }
        : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit + 1,
    select: {
      id: true,
      body: true,
      createdAt: true,
      author: { select: { email: true } },
      reviewCase: { select: { id: true, reference: true, status: true } },
    },
  });
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    mentions: page.map((r) => ({
      commentId: r.id,
      body: r.body,
      createdAt: r.createdAt,
      author: r.author.email,
      caseId: r.reviewCase.id,
      caseReference: r.reviewCase.reference,
      caseStatus: r.reviewCase.status,
      unread: since === null || r.createdAt > since,
    })),
    nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
  };
}

/** Marks every mention up to now as read. */
export async function markMentionsRead(userId: string): Promise<void> {
  await db.user.update({ where: { id: userId }, data: { mentionsSeenAt: new Date() } });
}
