"use client";

import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { isPageShortcut } from "@/components/review/shortcuts-dialog";
import { usePageShortcuts } from "@/components/review/use-page-shortcuts";
import { Button } from "@/components/ui/button";
import { FormError, SubmitButton, useServerAction } from "@/components/ui/action-form";
import { FieldError, fieldErrorProps, inputClass } from "@/components/ui/field";
import { claimNextAction } from "../../../queue/actions";
import { decideCaseAction } from "../actions";
import { JumpToNextSetting } from "./jump-to-next-setting";
import { cn } from "@/components/ui/cn";

type Kind = "approve" | "reject" | "escalate";

const KIND_LABELS: Record<Kind, string> = { approve: "Approve", reject: "Reject", escalate: "Escalate" };
const KIND_KEYS: Record<string, Kind> = { a: "approve", r: "reject", e: "escalate" };

// Approve / reject / escalate with a reason and a comment. a, r or e starts a decision from anywhere
// on the page (the reason list gets focus); Enter in the form submits it.
export function DecisionPanel({
  caseId,
  version,
  reasons,
  vendorVerdict,
  escalated,
  jumpToNextCase,
}: {
  caseId: string;
  version: number;
  /** Only the reasons that apply to this case's check type. */
  reasons: { code: string; label: string; kinds: string[] }[];
  vendorVerdict: "pass" | "fail" | "review";
  /** The case is escalated: the next case after it is the next escalated one. */
  escalated: boolean;
  jumpToNextCase: boolean;
}) {
  const router = useRouter();
  const [jump, setJump] = useState(jumpToNextCase);
  const [kind, setKind] = useState<Kind | null>(null);
  const [reasonCode, setReasonCode] = useState("");
  const [comment, setComment] = useState("");
  const [done, setDone] = useState<string | null>(null);
  const decide = useServerAction(decideCaseAction, {
    fields: ["reasonCode", "comment"],
    onSuccess: async (data) => {
      if (jump) {
        const next = await claimNextAction({ escalated });
        if (next.ok && next.data.caseId) {
          router.push(`/cases/${next.data.caseId}`);
          return;
        }
      }
      setDone(data.needsConfirmation ? "Decision recorded; it waits for a second reviewer's confirmation." : `Case ${kind === "escalate" ? "escalated" : "decided"}.`);
    },
  });
  const { pending, fieldErrors } = decide;
  const reasonRef = useRef<HTMLSelectElement>(null);

  const overrides = (kind === "approve" && vendorVerdict === "fail") || (kind === "reject" && vendorVerdict === "pass");
  const fourEyes = kind === "approve" && vendorVerdict === "fail";
  const options = kind ? reasons.filter((r) => r.kinds.includes(kind)) : [];

  function start(next: Kind) {
    setKind(next);
    setReasonCode("");
    decide.reset();
    // After React renders the reason list for this kind.
    requestAnimationFrame(() => reasonRef.current?.focus());
  }

  usePageShortcuts("decision", (event) => {
    const next = KIND_KEYS[event.key];
    if (next && isPageShortcut(event)) {
      event.preventDefault();
      start(next);
    }
  });

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (kind) decide.run({ caseId, version, kind, reasonCode, comment });
  }

  if (done) {
    return (
      <p role="status" className="rounded-md bg-emerald-50 p-3 text-sm text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">
        {done}
      </p>
    );
  }

  return (
    <form onSubmit={submit} aria-labelledby="decide-heading" className="flex flex-col gap-3" noValidate>
      <h2 id="decide-heading" className="font-medium">
        Decide
      </h2>
      <p className="text-xs text-zinc-500">
        The vendors say <strong>{vendorVerdict}</strong>. Press <kbd className="rounded border px-1">a</kbd>, <kbd className="rounded border px-1">r</kbd> or <kbd className="rounded border px-1">e</kbd> to start.
      </p>
      <div role="radiogroup" aria-label="Decision" className="flex gap-2">
        {(Object.keys(KIND_LABELS) as Kind[]).map((k) => (
          <Button key={k} role="radio" aria-checked={kind === k} aria-keyshortcuts={k[0]} variant={kind === k ? "primary" : "secondary"} size="sm" onClick={() => start(k)} className="focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600">
            {KIND_LABELS[k]} <kbd className="text-xs opacity-70">{k[0]}</kbd>
          </Button>
        ))}
      </div>
      {kind ? (
        <>
          <div className="flex flex-col gap-1 text-sm">
            <label htmlFor="decision-reason">Reason</label>
            <select
              id="decision-reason"
              ref={reasonRef}
              name="reasonCode"
              value={reasonCode}
              onChange={(e) => setReasonCode(e.target.value)}
              {...fieldErrorProps("decision-reason-error", fieldErrors.reasonCode)}
              className={cn(inputClass, "focus-visible:outline-2 focus-visible:outline-sky-600")}
            >
              <option value="">Choose a reason…</option>
              {options.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.label}
                </option>
              ))}
            </select>
            <FieldError id="decision-reason-error" error={fieldErrors.reasonCode} />
          </div>
          <div className="flex flex-col gap-1 text-sm">
            <label htmlFor="decision-comment">Comment {overrides ? "(required: this overrides the vendors)" : "(optional)"}</label>
            <textarea
              id="decision-comment"
              name="comment"
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) submit(e);
              }}
              rows={3}
              maxLength={4000}
              {...fieldErrorProps("decision-comment-error", fieldErrors.comment)}
              className={cn(inputClass, "h-auto py-2 focus-visible:outline-2 focus-visible:outline-sky-600")}
            />
            <FieldError id="decision-comment-error" error={fieldErrors.comment} />
          </div>
          {fourEyes ? <p className="text-xs text-amber-800 dark:text-amber-300">Approving over a vendor fail needs a second reviewer to confirm.</p> : null}
          <div className="flex gap-2">
            <SubmitButton pending={pending} pendingLabel="Saving…">
              {`${KIND_LABELS[kind]} case`}
            </SubmitButton>
            <Button variant="ghost" onClick={() => setKind(null)}>
              Cancel
            </Button>
          </div>
          <p className="text-xs text-zinc-500">Ctrl+Enter in the comment submits.</p>
        </>
      ) : null}
      <JumpToNextSetting enabled={jump} onChange={setJump} />
      <FormError error={decide.formError} />
    </form>
  );
}
