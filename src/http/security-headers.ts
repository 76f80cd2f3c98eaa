import type { MiddlewareHandler } from "hono";

/**
 * The policy for every page that does not set its own: scripts and styles
 * only from this origin (the admin UI's two files), never inline, and no
 * framing. Pages with other needs (the API reference's inline style, the
 * public page, document previews) set their own, at least as strict on scripts.
 */
export const DEFAULT_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join("; ");

/** Generated documents (previews): their stylesheet is inline and they have no script at all. */
export const DOCUMENT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * The security headers of every answer: what hono's secureHeaders sends by
 * default (HSTS, nosniff, frame options, cross-origin isolation…), with no
 * referrer sent so the signed customer objection links never leak to another
 * site through the Referer header, and DEFAULT_CSP unless a page set its own.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  "content-security-policy": DEFAULT_CSP,
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "origin-agent-cluster": "?1",
  "referrer-policy": "no-referrer",
  "strict-transport-security": "max-age=63072000; includeSubDomains",
  "x-content-type-options": "nosniff",
  "x-dns-prefetch-control": "off",
  "x-download-options": "noopen",
  "x-frame-options": "DENY",
  "x-permitted-cross-domain-policies": "none",
  "x-xss-protection": "0",
});

/** Every security header but the content security policy, which a page may set for itself: these always win. */
export const ENFORCED_HEADERS: Readonly<Record<string, string>> = Object.freeze(
  Object.fromEntries(Object.entries(SECURITY_HEADERS).filter(([name]) => name !== "content-security-policy")),
);
const ENFORCED = Object.entries(ENFORCED_HEADERS);

/** Answers built with every header already in place (complete-response.ts): nothing is added to them afterwards. */
const complete = new WeakSet<Response>();

export const markComplete = (response: Response): Response => {
  complete.add(response);
  return response;
};

export const isComplete = (response: Response): boolean => complete.has(response);

/** Sets the security headers on every answer that does not carry them yet; a page's own policy is kept. */
export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (isComplete(c.res)) return;
    const headers = c.res.headers;
    for (const [name, value] of ENFORCED) headers.set(name, value);
    if (!headers.has("content-security-policy")) headers.set("content-security-policy", DEFAULT_CSP);
  };
}
