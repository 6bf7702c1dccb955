"use client";

import { useId, useState } from "react";
import { FormError, SubmitButton, useServerAction } from "@/components/ui/action-form";
import { FieldError, fieldErrorProps, inputClass } from "@/components/ui/field";
import { formatDateTime } from "@/lib/format/date-time";
import { commentAction } from "../actions";
import { cn } from "@/components/ui/cn";

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
  const errorId = useId();
  const { pending, fieldErrors, formError, onSubmit } = useServerAction(commentAction, {
    fields: ["body"],
    fromForm: () => ({ caseId, body }),
    onSuccess: () => setBody(""),
  });
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
        <form className="flex flex-col gap-2" onSubmit={onSubmit} noValidate>
          <label className="flex flex-col gap-1 text-sm">
            Add a comment
            <textarea
              value={body}
              onChange={(e) => setBody(e.target.value)}
              rows={2}
              maxLength={4000}
              placeholder="Mention a colleague with @their@email"
              className={cn(inputClass, "h-auto py-2")}
              {...fieldErrorProps(errorId, fieldErrors.body)}
            />
          </label>
          <FieldError id={errorId} error={fieldErrors.body} className="text-sm" />
          <SubmitButton variant="secondary" size="sm" pending={pending} disabled={!body.trim()}>
            Comment
          </SubmitButton>
          <FormError error={formError} />
        </form>
      ) : null}
    </section>
  );
}
