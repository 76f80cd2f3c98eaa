import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError, type ErrorCode } from "../../core/errors.ts";
import type { AppEnv } from "../env.ts";
import { requestIdOf } from "../middleware/request-log.ts";
import { signInPage } from "./sign-in-page.ts";
import { html } from "./ui/html.ts";
import { renderBarePage, renderPage } from "./ui/page.ts";

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  too_many_requests: 429,
  method_not_allowed: 405,
  unsupported_media_type: 415,
  payload_too_large: 413,
  internal: 500,
};

const TITLES: Record<number, string> = {
  400: "Bad request",
  401: "Please sign in",
  403: "Not allowed",
  404: "Not found",
  409: "Changed meanwhile",
  412: "Changed meanwhile",
  405: "Not this way",
  429: "Too many requests",
  413: "Too large",
  415: "Unsupported form",
  422: "Not saved",
  500: "Something went wrong",
};

/** True for requests answered with HTML pages rather than problem+json. */
export const isHtmlPath = (path: string): boolean => path === "/admin" || path.startsWith("/admin/") || path.startsWith("/object/");

/** The admin UI's counterpart of problem.ts: an HTML page, never a stack trace. */
export function adminErrorPage(error: Error, c: Context<AppEnv>): Response | Promise<Response> {
  let status: ContentfulStatusCode = 500;
  let message = "Something went wrong on our side; nothing was saved.";
  if (error instanceof AppError) {
    status = STATUS[error.code] ?? 500;
    message = error.message;
    if (error.issues.length) message += ` ${error.issues.map((i) => `${i.path}: ${i.message}`).join(" ")}`;
  } else if (error instanceof HTTPException) {
    status = error.status as ContentfulStatusCode;
    message = error.message || (TITLES[status] ?? "Error");
  }
  // Anything else is logged by the request log (middleware/request-log.ts), under the reference the page shows.
  if (status === 401 && c.req.path.startsWith("/admin")) {
    const next = c.req.method === "GET" ? c.req.path + new URL(c.req.url).search : "/admin";
    return signInPage(c, { next, message, status: 401 });
  }
  const title = TITLES[status] ?? "Error";
  const reference = html`<p><small>Reference: ${requestIdOf(c)}</small></p>`;
  // Customers on /object/* have no account: no way into the admin UI is offered to them.
  if (!c.get("session"))
    return renderBarePage(c, { title, body: html`<p>${message}</p>${reference}`, status, noindex: c.req.path.startsWith("/object/") });
  return renderPage(c, { title, body: html`<p>${message}</p><p><a href="/admin">Back to the dashboard</a></p>${reference}`, status });
}
