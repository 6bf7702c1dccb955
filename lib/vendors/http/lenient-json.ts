/**
 * Repairs the Python-flavoured "JSON" printed in some vendor documents (biometric.kz shows
 * `"failure_reason": None` and omits commas between members) so it can be parsed. Only used as a
 * fallback after JSON.parse failed; the raw text is kept untouched by the caller.
 */
type Token = { kind: "string" | "number" | "literal" | "punct"; text: string };

const pythonLiterals: Record<string, string> = { None: "null", True: "true", False: "false", null: "null", true: "true", false: "false" };

function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (/\s/.test(ch)) {
      i += 1;
    } else if ("{}[]:,".includes(ch)) {
      tokens.push({ kind: "punct", text: ch });
      i += 1;
    } else if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      if (j >= text.length) return null;
      tokens.push({ kind: "string", text: text.slice(i, j + 1) });
      i = j + 1;
    } else {
      const match = /^(-?\d+(\.\d+)?([eE][+-]?\d+)?|[A-Za-z_]+)/.exec(text.slice(i));
      if (!match) return null;
      const word = match[0];
      if (/^[A-Za-z_]/.test(word)) {
        const literal = pythonLiterals[word];
        if (!literal) return null;
        tokens.push({ kind: "literal", text: literal });
      } else {
        tokens.push({ kind: "number", text: word });
      }
      i += word.length;
    }
  }
  return tokens;
}

const endsValue = (t: Token) => t.kind !== "punct" || t.text === "}" || t.text === "]";
const startsValue = (t: Token) => t.kind !== "punct" || t.text === "{" || t.text === "[";

export function parseLenientJson(text: string): { ok: true; value: unknown } | { ok: false } {
  const tokens = tokenize(text);
  if (!tokens) return { ok: false };
  const out: string[] = [];
  tokens.forEach((token, index) => {
    const previous = tokens[index - 1];
    // A value directly followed by another value: a missing comma.
    if (previous && endsValue(previous) && startsValue(token)) out.push(",");
    out.push(token.text);
  });
  try {
    return { ok: true, value: JSON.parse(out.join("")) as unknown };
  } catch {
    return { ok: false };
  }
}
