"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { formatDateTime } from "@/lib/verifications/verification-labels";
import { commentAction } from "../actions";

// Comments; "@someone@example.com" mentions a colleague (it must be a user's email).
export function CaseComments({
  caseId,
  comments,
  canComment,
}: {
  caseId: string;
  comments: { id: string; body: string; author: string; mentions: string[]; createdAt: string }[];
  canComment: boolean;
}) {
  const [body, setBody] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  return (
    <section aria-labelledby="comments-heading" className="flex flex-col gap-3">
      <h2 id="comments-heading" className="font-medium">
        Comments
      </h2>
      {comments.length === 0 ? <p className="text-sm text-zinc-500">No comments yet.</p> : null}
      <ol className="flex flex-col gap-2">
        {comments.map((c) => (
          <li key={c.id} className="rounded-md border border-zinc-200 p-2 text-sm dark:border-zinc-800">
            <p className="text-xs text-zinc-500">
              {c.author} · {formatDateTime(c.createdAt)}
              {c.mentions.length ? ` · mentions ${c.mentions.join(", ")}` : ""}
            </p>
            <p className="whitespace-pre-wrap">{c.body}</p>
          </li>
        ))}
      </ol>
      {canComment ? (
        <form
          className="flex flex-col gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            startTransition(async () => {
              const result = await commentAction({ caseId, body });
              if (result.ok) {
                setBody("");
                setError(null);
              } else setError(result.fieldErrors?.body?.join(" ") ?? result.error);
            });
          }}
        >
          <label className="flex flex-col gap-1 text-sm">
            Add a comment
            <textarea value={body} onChange={(e) => setBody(e.target.value)} rows={2} maxLength={4000} placeholder="Mention a colleague with @their@email" className={`${inputClass} h-auto py-2`} aria-invalid={Boolean(error)} />
          </label>
          <Button type="submit" variant="secondary" size="sm" disabled={pending || !body.trim()}>
            Comment
          </Button>
          {error ? (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {error}
            </p>
          ) : null}
        </form>
      ) : null}
    </section>
  );
}
