import { request as httpRequest } from "node:http";

// Password sign-in over plain HTTP, the way a script would, from a chosen local address (Linux
// routes all of 127.0.0.0/8 to loopback), to play a client or a reverse proxy.

interface HttpAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function send(url: URL, options: { method: string; headers: Record<string, string>; body?: string; localAddress: string }): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method, headers: options.headers, localAddress: options.localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

function cookiePairs(setCookie: string | string[] | undefined): string[] {
  return (Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []).map((c) => c.split(";")[0]);
}

/** Submits the sign-in form over HTTP; returns the error code next-auth answered with, or null on success. */
export async function signInOverHttp(
  baseURL: string,
  credentials: { email: string; password: string },
  options: { localAddress?: string; forwardedFor?: string } = {},
): Promise<string | null> {
  const localAddress = options.localAddress ?? "127.0.0.1";
  const extra: Record<string, string> = options.forwardedFor ? { "x-forwarded-for": options.forwardedFor } : {};
  const csrf = await send(new URL("/api/auth/csrf", baseURL), { method: "GET", headers: extra, localAddress });
  const { csrfToken } = JSON.parse(csrf.body) as { csrfToken: string };
  const body = new URLSearchParams({ ...credentials, csrfToken, json: "true", callbackUrl: "/queue" }).toString();
  const answer = await send(new URL("/api/auth/callback/credentials", baseURL), {
    method: "POST",
    headers: { ...extra, "content-type": "application/x-www-form-urlencoded", cookie: cookiePairs(csrf.headers["set-cookie"]).join("; ") },
    body,
    localAddress,
  });
  const { url } = JSON.parse(answer.body) as { url: string };
  return new URL(url, baseURL).searchParams.get("error");
}
