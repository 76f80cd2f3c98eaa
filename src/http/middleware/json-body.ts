import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../../core/errors.ts";

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Request bodies of the JSON API are JSON and bounded. Hono's csrf() lets a
 * cross-origin application/json POST through and its validator skips bodies
 * of other types, so the type is checked here: anything else is a 415.
 */
export function jsonBodies(): MiddlewareHandler[] {
  const requireJson: MiddlewareHandler = async (c, next) => {
    if (hasBody(c.req.raw)) {
      const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
      if (type !== "application/json" && !/^application\/[\w.+-]+\+json$/.test(type)) {
        throw new AppError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
      }
    }
    await next();
  };
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new AppError("payload_too_large", `The body is larger than ${MAX_BODY_BYTES} bytes.`);
    },
  });
  return [requireJson, limit];
}

function hasBody(request: Request): boolean {
  if (!["POST", "PUT", "PATCH"].includes(request.method)) return false;
  const length = request.headers.get("content-length");
  if (length !== null) return Number(length) > 0;
  return request.body !== null;
}
