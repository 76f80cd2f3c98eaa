import type { Context, MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import { isComplete } from "../security-headers.ts";

/** The response header every answer carries its request id in. */
export const REQUEST_ID_HEADER = "Request-Id";

/** What an incoming id must look like to be kept: short, and nothing a log or a page would have to escape. */
export const WELL_FORMED_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Where structured log lines go, one JSON object per line: the Node entry
 * writes them to stdout (errors to stderr), the Worker to console.log
 * (errors to console.error).
 */
export interface Logger {
  info(line: string): void;
  error(line: string): void;
}

/** Without a logger (tests), requests are not logged; unhandled errors still reach stderr, as before. */
export const quietLogger: Logger = { info: () => {}, error: (line) => console.error(line) };

/** Writes to the console; the Worker entry's logger. */
export const consoleLogger: Logger = { info: (line) => console.log(line), error: (line) => console.error(line) };

export interface RequestLogOptions {
  /** A header set by a trusted proxy (e.g. Cloudflare's cf-ray) whose well-formed value becomes the request id; unset: always generated. */
  trustedHeader?: string;
  logger?: Logger;
}

/** The request's id (empty outside the middleware, which never happens for the app's routes). */
export const requestIdOf = (c: Context): string => (c.get("requestId") as string | undefined) ?? "";

/**
 * Gives every request an id, echoes it in the Request-Id header of every
 * answer (errors, 404 and 405 included) and logs one JSON line per request:
 * method, the matched route's pattern (never the raw path, its ids or its
 * query), status, duration, the actor's id when known and the request id.
 * No header, cookie, token, body or e-mail address is ever logged. A 5xx
 * line carries the error's message and stack.
 */
export function requestLog({ trustedHeader, logger = quietLogger }: RequestLogOptions = {}): MiddlewareHandler {
  return async (c, next) => {
    const started = performance.now();
    const offered = trustedHeader ? c.req.header(trustedHeader) : undefined;
    const requestId = offered && WELL_FORMED_REQUEST_ID.test(offered) ? offered : crypto.randomUUID();
    c.set("requestId", requestId);
    let thrown: unknown;
    try {
      await next();
    } catch (error) {
      thrown = error;
    }
    const status = thrown === undefined ? c.res.status : 500;
    const error = thrown ?? (status >= 500 ? c.error : undefined);
    const actor = c.get("actor") as { id?: string } | undefined;
    const entry: Record<string, unknown> = {
      time: new Date().toISOString(),
      level: status >= 500 ? "error" : "info",
      msg: "request",
      requestId,
      method: c.req.method,
      route: routeOf(c),
      status,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      ...(actor?.id ? { actorId: actor.id } : {}),
      ...(error !== undefined ? { error: errorOf(error) } : {}),
    };
    const line = JSON.stringify(entry);
    if (status >= 500) logger.error(line);
    else logger.info(line);
    if (thrown !== undefined) throw thrown;
    if (isComplete(c.res)) return; // built with its request id
    try {
      c.res.headers.set(REQUEST_ID_HEADER, requestId);
    } catch {
      // A response with immutable headers is copied once to carry the id.
      c.res = new Response(c.res.body, c.res);
      c.res.headers.set(REQUEST_ID_HEADER, requestId);
    }
  };
}

/** The pattern of the route the request addressed (e.g. /api/v1/customers/:id), or null when none matched (404, 405). */
function routeOf(c: Context): string | null {
  try {
    // Middleware is registered for every method ("ALL"); routes for theirs.
    const route = matchedRoutes(c).findLast((r) => r.method !== "ALL");
    return route?.path ?? null;
  } catch {
    return null;
  }
}

function errorOf(error: unknown): { message: string; stack?: string } {
  if (error instanceof Error) return { message: error.message, ...(error.stack ? { stack: error.stack } : {}) };
  return { message: String(error) };
}
