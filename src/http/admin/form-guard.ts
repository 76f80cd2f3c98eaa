import type { MiddlewareHandler } from "hono";
import { csrf } from "hono/csrf";
import { AppError } from "../../core/kernel/errors.ts";
import type { AppEnv } from "../env.ts";
import { readForm } from "../forms/form-reader.ts";

const MAX_FORM_BYTES = 256 * 1024;

/**
 * Two independent defences against cross-site form posts:
 * - the browser's Origin / Sec-Fetch-Site headers must say the post comes
 *   from this site (hono's csrf middleware), and
 * - a signed-in user's post must echo the session's synchroniser token.
 * Posts without a session (sign-in, customer objections) get the first.
 */
export function rejectCrossSitePosts(): MiddlewareHandler<AppEnv> {
  const sameOrigin = csrf();
  return async (c, next) => {
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase();
    if (type !== "application/x-www-form-urlencoded" && type !== "multipart/form-data") {
      throw new AppError("unsupported_media_type", "Send this form from the page it belongs to.");
    }
    const length = Number(c.req.header("content-length") ?? "0");
    if (length > MAX_FORM_BYTES) throw new AppError("payload_too_large", "This form is too large.");
    try {
      await sameOrigin(c, async () => {});
    } catch {
      throw new AppError("forbidden", "This form was sent from another site, so it was refused.");
    }
    return next();
  };
}

/** Checks the synchroniser token of a signed-in user's form post. */
export function requireCsrfToken(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== "GET" && c.req.method !== "HEAD") {
      const sent = (await readForm(c)).csrfToken;
      if (sent === "" || !constantTimeEqual(sent, c.get("session").csrfToken)) {
        throw new AppError("forbidden", "This form has expired or did not come from this site. Reload the page and try again.");
      }
    }
    return next();
  };
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
