/** The response header every built-in sandbox answer carries (`Verdict-Sandbox: 1`). */
export const SANDBOX_HEADER = "Verdict-Sandbox";

/** `value`: the answer's Verdict-Sandbox header, null when absent. */
export function isSandboxResponse(value: string | null): boolean {
  return value === "1";
}
