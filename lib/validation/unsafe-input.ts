// Input PostgreSQL cannot store (a NUL character in text, or `\u0000` inside JSON stored as jsonb)
// and JSON too deeply nested to walk safely (JSON.stringify and zod recurse) are refused up front,
// with the field named, instead of failing deep inside as a 500.

export const MAX_JSON_DEPTH = 64;

/** True when the text holds a NUL character. */
export function findUnsafeText(text: string): boolean {
  return text.includes("\u0000");
}

export type UnsafeJson = { path: string; problem: "nul" | "depth" };

/**
 * The first value of a parsed JSON document that is a string (or key) with a NUL character, or that
 * sits deeper than maxDepth; null when there is none. Iterative, so depth itself cannot overflow it.
 */
export function findUnsafeJson(value: unknown, maxDepth = MAX_JSON_DEPTH): UnsafeJson | null {
  const stack: { value: unknown; path: string; depth: number }[] = [{ value, path: "", depth: 0 }];
  while (stack.length > 0) {
    const item = stack.pop()!;
    if (typeof item.value === "string") {
      if (findUnsafeText(item.value)) return { path: item.path, problem: "nul" };
      continue;
    }
    if (item.value === null || typeof item.value !== "object") continue;
    if (item.depth >= maxDepth) return { path: item.path, problem: "depth" };
    const entries: [string, unknown][] = Array.isArray(item.value) ? item.value.map((v, i) => [String(i), v]) : Object.entries(item.value);
    for (const [key, child] of entries) {
      const childPath = item.path ? `${item.path}.${key}` : key;
      if (findUnsafeText(key)) return { path: childPath, problem: "nul" };
      stack.push({ value: child, path: childPath, depth: item.depth + 1 });
    }
  }
  return null;
}

/** The top-level field a problem belongs to, and a message that says what is allowed. */
export function describeUnsafeJson(found: UnsafeJson, root = "body"): { field: string; message: string } {
  const field = found.path.split(".")[0] || root;
  const message =
    found.problem === "nul"
      ? `${found.path || root} contains a NUL character (\\u0000), which cannot be stored.`
      : `${found.path.split(".").slice(0, 3).join(".") || root}… is nested more than ${MAX_JSON_DEPTH} levels deep.`;
  return { field, message };
}
