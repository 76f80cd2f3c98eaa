import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

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
 * hono's secureHeaders for the rest (HSTS, nosniff, frame options…), with no
 * referrer sent so the signed customer objection links never leak to another
 * site through the Referer header.
 */
export function securityHeaders(): MiddlewareHandler {
  const others = secureHeaders({
    strictTransportSecurity: "max-age=63072000; includeSubDomains",
    referrerPolicy: "no-referrer",
    xFrameOptions: "DENY",
    xContentTypeOptions: "nosniff",
  });
  return async (c, next) => {
    await others(c, next);
    if (!c.res.headers.has("content-security-policy")) c.res.headers.set("content-security-policy", DEFAULT_CSP);
  };
}
