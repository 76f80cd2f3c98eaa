import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../../core/kernel/errors.ts";

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Request bodies of the JSON API are JSON and bounded. Hono's csrf() lets a
 * cross-origin application/json POST through and its validator skips bodies
 * of other types, so the type is checked here: anything else is a 415.
 */
export function jsonBodies(largerBodies: Record<string, number> = {}): MiddlewareHandler[] {
  const requireJson: MiddlewareHandler = async (c, next) => {
    if (hasBody(c.req.raw)) {
      const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
      if (type !== "application/json" && !/^application\/[\w.+-]+\+json$/.test(type)) {
        throw new AppError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
      }
    }
    await next();
  };
  const limitOf = (maxSize: number) =>
    bodyLimit({
      maxSize,
      onError: () => {
        throw new AppError("payload_too_large", `The body is larger than ${maxSize} bytes.`);
      },
    });
  const standard = limitOf(MAX_BODY_BYTES);
  // A few routes take whole files (a register export): their own limit, by exact path.
  const larger = new Map(Object.entries(largerBodies).map(([path, maxSize]) => [path, limitOf(maxSize)]));
  // A GET or HEAD has no body to limit (and asking Node's adapter for one builds a whole Request).
  const limit: MiddlewareHandler = (c, next) =>
    c.req.method === "GET" || c.req.method === "HEAD" ? next() : (larger.get(c.req.path) ?? standard)(c, next);
  return [requireJson, limit];
}

function hasBody(request: Request): boolean {
  if (!["POST", "PUT", "PATCH"].includes(request.method)) return false;
  const length = request.headers.get("content-length");
  if (length !== null) return Number(length) > 0;
  // Without a length, a stream may still be empty (Node's adapter gives one for a bare `curl -X POST`):
  // with no type either, nothing claims a body, and a route that needs one says so itself.
  if (!request.headers.get("content-type") && !request.headers.get("transfer-encoding")) return false;
  return request.body !== null;
}
