import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { AppError, type ErrorCode, type FieldIssue } from "../core/kernel/errors.ts";
import { requestIdOf } from "./middleware/request-log.ts";

/**
 * The one table from error codes to HTTP statuses and the problem+json title
 * the API answers with (the admin UI's page headings are in its catalogue,
 * templates/messages/admin/common, `page.<status>`).
 */
export const ERRORS: Record<ErrorCode, { status: ContentfulStatusCode; title: string }> = {
  bad_request: { status: 400, title: "Bad request" },
  validation: { status: 422, title: "Invalid fields" },
  unauthenticated: { status: 401, title: "Authentication required" },
  forbidden: { status: 403, title: "Not allowed for this role" },
  not_found: { status: 404, title: "Not found" },
  conflict: { status: 409, title: "Conflict" },
  precondition_failed: { status: 412, title: "Precondition failed" },
  too_many_requests: { status: 429, title: "Too many requests" },
  method_not_allowed: { status: 405, title: "Method not allowed" },
  unsupported_media_type: { status: 415, title: "Unsupported media type" },
  payload_too_large: { status: 413, title: "Request body too large" },
  internal: { status: 500, title: "Internal error" },
};

const CODE_BY_STATUS = new Map(Object.entries(ERRORS).map(([code, { status }]) => [status as number, code as ErrorCode]));

/** RFC 9457 problem details, with one entry per bad field and the request's id (also in its Request-Id header). */
export function problemResponse(c: Context, code: ErrorCode, detail: string, issues: FieldIssue[] = []): Response {
  const { status, title } = ERRORS[code];
  const body = {
    type: `urn:dpa-register:problem:${code}`,
    title,
    status,
    detail,
    instance: new URL(c.req.url).pathname,
    requestId: requestIdOf(c),
    ...(issues.length > 0 ? { errors: issues.map((i) => ({ field: i.path, pointer: toPointer(i.path), message: i.message })) } : {}),
  };
  const headers: Record<string, string> = { "content-type": "application/problem+json" };
  if (code === "unauthenticated") headers["www-authenticate"] = 'Bearer realm="dpa-register"';
  return new Response(JSON.stringify(body), { status, headers });
}

/** Hono's onError: never a stack trace to a client; the request log (middleware/request-log.ts) records it with the request id. */
export function handleError(error: Error, c: Context): Response {
  if (error instanceof AppError) return problemResponse(c, error.code, error.message, error.issues);
  if (error instanceof HTTPException) {
    const code = CODE_BY_STATUS.get(error.status) ?? "bad_request";
    const detail = error.message || ERRORS[code].title;
    return problemResponse(c, code, detail, code === "bad_request" ? [{ path: "(body)", message: detail }] : []);
  }
  return problemResponse(c, "internal", "Something went wrong on our side; the change was not saved.");
}

const toPointer = (path: string) =>
  path.startsWith("(")
    ? ""
    : `/${path
        .split(".")
        .map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1"))
        .join("/")}`;
