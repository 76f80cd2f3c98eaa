import type { Context, MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "../../core/kernel/errors.ts";
import type { RawBody } from "../env.ts";

export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Request bodies of the JSON API are JSON and bounded. Hono's csrf() lets a
 * cross-origin application/json POST through and its validator skips bodies
 * of other types, so the type is checked here: anything else is a 415.
 * Where the platform hands over the body's bytes (`rawBody`, Node), they are
 * read here once and given to the routes' c.req.json() / text() /
 * arrayBuffer(); elsewhere Hono's bodyLimit reads the request's stream.
 */
export function jsonBodies(largerBodies: Record<string, number> = {}, rawBody?: RawBody): MiddlewareHandler[] {
  const requireJson: MiddlewareHandler = async (c, next) => {
    if (hasBody(c.req.raw)) {
      const type = (c.req.header("content-type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
      if (type !== "application/json" && !/^application\/[\w.+-]+\+json$/.test(type)) {
        throw new AppError("unsupported_media_type", "Send the body as JSON with Content-Type: application/json.");
      }
    }
    await next();
  };
  const tooLarge = (maxSize: number) => new AppError("payload_too_large", `The body is larger than ${maxSize} bytes.`);
  const limitOf = (maxSize: number): MiddlewareHandler => {
    const throughHono = bodyLimit({
      maxSize,
      onError: () => {
        throw tooLarge(maxSize);
      },
    });
    return async (c, next) => {
      if (Number(c.req.header("content-length") ?? 0) > maxSize) throw tooLarge(maxSize);
      const read = rawBody?.(c, maxSize);
      if (!read) return throughHono(c, next);
      const body = await read;
      if ("tooLarge" in body) throw tooLarge(maxSize);
      keepBody(c, body.bytes);
      await next();
    };
  };
  const standard = limitOf(MAX_BODY_BYTES);
  // A few routes take whole files (a register export): their own limit, by exact path.
  const larger = new Map(Object.entries(largerBodies).map(([path, maxSize]) => [path, limitOf(maxSize)]));
  // A GET or HEAD has no body to limit (and asking Node's adapter for one builds a whole Request).
  const limit: MiddlewareHandler = (c, next) =>
    c.req.method === "GET" || c.req.method === "HEAD" ? next() : (larger.get(c.req.path) ?? standard)(c, next);
  return [requireJson, limit];
}

const utf8 = new TextDecoder();

/**
 * Hands bytes already read to the request's body readers: Hono's request
 * answers json(), text() and arrayBuffer() from its body cache. A body that is
 * not JSON rejects json() with the SyntaxError Response.json() would give.
 */
function keepBody(c: Context, bytes: Uint8Array): void {
  const text = utf8.decode(bytes);
  const json = Promise.resolve(text).then((t) => JSON.parse(t));
  json.catch(() => {}); // rejected only for whoever reads it as JSON
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  // arrayBuffer first: Hono makes any other kind (blob, formData) from the first cached one.
  Object.assign(c.req.bodyCache, { arrayBuffer: Promise.resolve(arrayBuffer), text: Promise.resolve(text), json });
}

function hasBody(request: Request): boolean {
  if (!["POST", "PUT", "PATCH"].includes(request.method)) return false;
  const length = request.headers.get("content-length");
  if (length !== null) return Number(length) > 0;
  // A chunked body is a body; asking for the stream instead would start reading it (on Node, into a
  // WHATWG stream nobody drains, which would stall the reader of rawBody).
  if (request.headers.get("transfer-encoding")) return true;
  // Without a length, a stream may still be empty (Node's adapter gives one for a bare `curl -X POST`):
  // with no type either, nothing claims a body, and a route that needs one says so itself.
  if (!request.headers.get("content-type")) return false;
  return request.body !== null;
}
