import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError } from "../../core/kernel/errors.ts";
import { ERRORS } from "../problem.ts";
import type { AppEnv } from "../env.ts";
import { requestIdOf } from "../middleware/request-log.ts";
import { signInPage } from "./sign-in-page.ts";
import { html } from "./ui/html.ts";
import { renderBarePage, renderPage } from "./ui/page.ts";
import { t, uiMessage } from "./ui/ui-language.ts";

/** An error page's title in the page's language (problem.ts has the English ones for the API). */
const pageTitle = (status: number): string =>
  Object.values(ERRORS).some((e) => e.status === status) ? t(`admin.common.page.${status}`) : t("admin.common.page.error");

/** True for requests answered with HTML pages rather than problem+json. */
export const isHtmlPath = (path: string): boolean => path === "/admin" || path.startsWith("/admin/") || path.startsWith("/object/");

/** The admin UI's counterpart of problem.ts: an HTML page, never a stack trace. */
export function adminErrorPage(error: Error, c: Context<AppEnv>): Response | Promise<Response> {
  let status: ContentfulStatusCode = 500;
  let message = t("admin.common.error.internal");
  if (error instanceof AppError) {
    status = ERRORS[error.code].status;
    message = uiMessage(error.message);
    if (error.issues.length) message += ` ${error.issues.map((i) => `${i.path}: ${uiMessage(i.message)}`).join(" ")}`;
  } else if (error instanceof HTTPException) {
    status = error.status as ContentfulStatusCode;
    message = error.message || pageTitle(status);
  }
  // Anything else is logged by the request log (middleware/request-log.ts), under the reference the page shows.
  if (status === 401 && c.req.path.startsWith("/admin")) {
    const next = c.req.method === "GET" ? c.req.path + new URL(c.req.url).search : "/admin";
    return signInPage(c, { next, message, status: 401 });
  }
  const title = pageTitle(status);
  const reference = html`<p><small>${t("admin.common.error.reference", { id: requestIdOf(c) })}</small></p>`;
  // Customers on /object/* have no account: no way into the admin UI is offered to them.
  if (!c.get("session"))
    return renderBarePage(c, { title, body: html`<p>${message}</p>${reference}`, status, noindex: c.req.path.startsWith("/object/") });
  return renderPage(c, {
    title,
    body: html`<p>${message}</p><p><a href="/admin">${t("admin.common.backToDashboard")}</a></p>${reference}`,
    status,
  });
}
