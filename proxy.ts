import { NextResponse, type NextRequest } from "next/server";

// Only redirects visitors without a session cookie to the sign-in page. The real checks (valid
// session, role) happen in every layout, page, action and route handler.
const SESSION_COOKIES = ["next-auth.session-token", "__Secure-next-auth.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = new URL("/login", request.url);
  return NextResponse.redirect(url);
}

export const config = {
  // Everything but the sign-in page, the auth and public API routes, and static assets.
  matcher: ["/((?!login|api/|_next/|favicon.ico|favicon.svg|robots.txt).*)"],
};
