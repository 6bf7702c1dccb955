import { NextResponse, type NextRequest } from "next/server";
import { readEnv } from "@/lib/config/env";
import { buildContentSecurityPolicy } from "@/lib/http/content-security-policy";

// Sets each page's Content-Security-Policy with a fresh nonce (Next.js tags its scripts with it),
// and redirects visitors without a session cookie to the sign-in page. The real checks (valid
// session, role) happen in every layout, page, action and route handler.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;
  const signedOutPage = pathname === "/login" || pathname.startsWith("/login/");
  if (!signedOutPage && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    return NextResponse.redirect(new URL("/login", request.url));
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const env = readEnv();
  const csp = buildContentSecurityPolicy(nonce, {
    dev: env.NODE_ENV === "development",
    https: (env.NEXTAUTH_URL ?? "").startsWith("https://"),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Pages only: not the API and auth routes (JSON, no scripts) nor static assets.
  matcher: ["/((?!api/|_next/|favicon.ico|favicon.svg|robots.txt).*)"],
};
