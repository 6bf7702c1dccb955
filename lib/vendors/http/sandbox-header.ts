/** The response header every built-in sandbox answer carries (`Verdict-Sandbox: 1`). */
export const SANDBOX_HEADER = "Verdict-Sandbox";

export function isSandboxResponse(headers: Headers): boolean {
  return headers.get(SANDBOX_HEADER) === "1";
}
