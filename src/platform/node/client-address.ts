import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context } from "hono";

/**
 * The client's address for rate limits: the connection's, or, behind a
 * trusted proxy, the last address that proxy appended to `header` (earlier
 * entries are whatever the client claimed).
 */
export function clientAddressOf(header: string | undefined): (c: Context) => string | undefined {
  if (header) return (c) => c.req.header(header)?.split(",").at(-1)?.trim() || undefined;
  return (c) => {
    try {
      return getConnInfo(c).remote.address;
    } catch {
      // Requests made in process (app.request) have no connection.
      return undefined;
    }
  };
}
