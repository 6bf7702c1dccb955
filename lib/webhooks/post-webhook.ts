import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { checkedLookup, OutboundAddressError, resolveOutboundAddresses } from "@/lib/webhooks/outbound-address";

export interface PostResult {
  status: number;
  /** The first few KB of the answer, for the delivery log. */
  body: string;
}

const MAX_LOGGED_BODY = 2048;

/**
 * POSTs a JSON body to a webhook URL with node:http(s), so the connection goes only to addresses
 * the check allowed (see outbound-address.ts). Redirects are not followed: a 3xx is an answer.
 */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  { allowPrivate, timeoutMs = 10_000, signal }: { allowPrivate: boolean; timeoutMs?: number; signal?: AbortSignal },
): Promise<PostResult> {
  const target = new URL(url);
  if (target.protocol !== "http:" && target.protocol !== "https:") throw new OutboundAddressError(`Only http and https URLs are allowed (got ${target.protocol}).`);
  // IP literals never reach `lookup`, so they are checked here; host names are checked in lookup.
  await resolveOutboundAddresses(target.hostname, allowPrivate);
  const send = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise<PostResult>((resolve, reject) => {
    const req = send(
      target,
      {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(Buffer.byteLength(body)), "user-agent": "Verdict-Webhooks/1", ...headers },
        lookup: checkedLookup(allowPrivate),
        timeout: timeoutMs,
        signal,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          if (size < MAX_LOGGED_BODY) chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8").slice(0, MAX_LOGGED_BODY) }));
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error(`no answer within ${timeoutMs / 1000}s`)));
    req.on("error", reject);
    req.end(body);
  });
}
