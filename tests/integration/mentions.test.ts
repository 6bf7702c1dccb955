import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/audit/record-audit-event";
import { db, disconnectDb } from "@/lib/db";
import { addCaseComment } from "@/lib/review/case-comments";
import { countUnreadMentions, listMentions, markMentionsRead } from "@/lib/review/mentions";

afterAll(() => disconnectDb());

const tag = `mn-${randomUUID().slice(0, 8)}`;

async function newUser(name: string) {
  const u = await db.user.create({ data: { email: `${tag}-${name}@verdict.test`, role: "reviewer" } });
  return { id: u.id, email: u.email, actor: { kind: "user", id: u.id, email: u.email } satisfies Actor };
}

async function newCase(name: string) {
  const v = await db.verification.create({ data: { checkType: "face_match", source: "api", status: "completed", reference: `${tag}-${name}` } });
  return db.reviewCase.create({ data: { verificationId: v.id, checkType: "face_match", reference: `${tag}-${name}`, rules: ["vendor_review"], priority: 5 } });
}

describe("the Mentions inbox", () => {
  it("counts and lists the comments that mention a user, newest first, until they are marked read", async () => {
    const [alice, bob] = [await newUser("alice"), await newUser("bob")];
    const [first, second] = [await newCase("a"), await newCase("b")];
    expect(await countUnreadMentions(bob.id)).toBe(0);

    await addCaseComment(alice.actor, alice.id, { caseId: first.id, body: `@${bob.email} is this the same person?` });
    await addCaseComment(alice.actor, alice.id, { caseId: second.id, body: `@${bob.email} and this one` });
    // Your own mention of yourself is not news; a comment mentioning someone else is not yours.
    await addCaseComment(bob.actor, bob.id, { caseId: second.id, body: `note to self @${bob.email}` });
    await addCaseComment(bob.actor, bob.id, { caseId: second.id, body: `@${alice.email} agreed` });

    expect(await countUnreadMentions(bob.id)).toBe(2);
    const { mentions, nextCursor } = await listMentions(bob.id);
    expect(nextCursor).toBeNull();
    expect(mentions.map((m) => [m.caseReference, m.author, m.unread])).toEqual([
      [`${tag}-b`, alice.email, true],
      [`${tag}-a`, alice.email, true],
    ]);
    expect(await countUnreadMentions(alice.id)).toBe(1);

    await markMentionsRead(bob.id);
    expect(await countUnreadMentions(bob.id)).toBe(0);
    expect((await listMentions(bob.id)).mentions.map((m) => m.unread)).toEqual([false, false]);

    await addCaseComment(alice.actor, alice.id, { caseId: first.id, body: `@${bob.email} one more thing` });
    expect(await countUnreadMentions(bob.id)).toBe(1);
    expect((await listMentions(bob.id)).mentions.map((m) => m.unread)).toEqual([true, false, false]);
  });

  it("pages through older mentions without repeating one", async () => {
    const [carol, dave] = [await newUser("carol"), await newUser("dave")];
    const c = await newCase("c");
    for (let i = 0; i < 5; i++) await addCaseComment(carol.actor, carol.id, { caseId: c.id, body: `@${dave.email} comment ${i}` });
    const seen: string[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await listMentions(dave.id, { cursor, limit: 2 });
      seen.push(...page.mentions.map((m) => m.body));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual([4, 3, 2, 1, 0].map((i) => `@${dave.email} comment ${i}`));
  });
});
