// The Content-Security-Policy of every page (set by proxy.ts with a fresh nonce per request).
// Scripts: only Next.js's own, which it tags with the nonce it reads from this header, and what they
// load ('strict-dynamic'); next-themes' inline script gets the nonce from the root layout. Styles:
// 'unsafe-inline', the usual compromise, because React's style attributes (Recharts, widths of
// bars) cannot carry a nonce; a nonce in style-src would make browsers ignore 'unsafe-inline'.
// Images: our own, plus data: (the TOTP QR code) and blob: (previews of files being uploaded).
export function buildContentSecurityPolicy(nonce: string, options: { dev: boolean; https: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "media-src 'self' blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
