-- Mentions inbox: when a user last marked the comments that mention them as read, and an index to
-- find those comments (mentions hold user ids).
ALTER TABLE "User" ADD COLUMN "mentionsSeenAt" TIMESTAMPTZ(3);
CREATE INDEX "Comment_mentions_idx" ON "Comment" USING GIN ("mentions");
