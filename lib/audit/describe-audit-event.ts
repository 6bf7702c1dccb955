// An audit event as an auditor reads it: each changed field as "before → after", and a link to
// what it is about.

export interface ChangeLine {
  field: string;
  before: string | null;
  after: string | null;
}

function show(value: unknown): string {
  if (value === null || value === undefined) return "—";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return JSON.stringify(value);
}

function flatten(value: unknown, prefix = "", out = new Map<string, unknown>()): Map<string, unknown> {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const entries = Object.entries(value);
    if (entries.length === 0 && prefix) out.set(prefix, value);
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  } else if (prefix) {
    out.set(prefix, value);
  } else if (value !== null && value !== undefined) {
    out.set("value", value);
  }
  return out;
}

/** One line per field that either side mentions; unchanged fields that both sides repeat are left out (unless nothing changed). */
export function describeAuditChange(before: unknown, after: unknown): ChangeLine[] {
  const b = flatten(before);
  const a = flatten(after);
  const fields = [...new Set([...b.keys(), ...a.keys()])];
  const lines = fields.map((field) => ({ field, before: b.has(field) ? show(b.get(field)) : null, after: a.has(field) ? show(a.get(field)) : null }));
  const changed = lines.filter((l) => l.before === null || l.after === null || l.before !== l.after);
  return changed.length ? changed : lines;
}

export function changeText(lines: ChangeLine[]): string {
  return lines
    .map((l) => (l.before === null ? `${l.field}: ${l.after}` : l.after === null ? `${l.field}: ${l.before} → (removed)` : `${l.field}: ${l.before} → ${l.after}`))
    .join("\n");
}

/** Where the target of an event lives in the console, when it has a page. */
export function auditTargetHref(targetType: string, targetId: string | null, after: unknown): string | null {
  const enc = encodeURIComponent;
  const afterObject = after && typeof after === "object" ? (after as Record<string, unknown>) : {};
  switch (targetType) {
    case "verification":
      return targetId ? `/verifications/${enc(targetId)}` : null;
    case "media":
      return typeof afterObject.verificationId === "string" ? `/verifications/${enc(afterObject.verificationId)}` : null;
    case "review_case":
      return targetId ? `/cases/${enc(targetId)}` : null;
    case "subject":
      return targetId ? `/admin/subjects?reference=${enc(targetId)}` : null;
    case "test_set":
      return targetId ? `/test-sets/${enc(targetId)}` : null;
    case "rerun_batch":
      return targetId ? `/reruns/${enc(targetId)}` : null;
    case "user":
      return "/admin/users";
    case "api_key":
      return "/admin/api-keys";
    case "webhook":
      return "/admin/webhooks";
    case "vendor":
    case "vendor_policy":
      return "/admin/vendors";
    case "retention":
    case "retention_policy":
      return "/admin/retention";
    case "review_rule_set":
      return "/admin/review-rules";
    case "decision_reason":
      return "/admin/decision-reasons";
    case "job":
      return "/admin/jobs";
    default:
      return null;
  }
}
