import { randomBytes } from "node:crypto";

export function createNonce() {
  return randomBytes(16).toString("base64");
}

/**
 * Scripts only from this site or inline with the page's nonce; no eval, no plugins, no framing. Styles
 * need no 'unsafe-inline': the app writes no style attributes or <style> elements; Vite's dev server
 * does (it injects CSS as <style> and reloads over a WebSocket), so development allows those.
 */
export function contentSecurityPolicy(nonce: string, development: boolean) {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    development ? "style-src 'self' 'unsafe-inline'" : "style-src 'self'",
    "img-src 'self' data:",
    development ? "connect-src 'self' ws:" : "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}
