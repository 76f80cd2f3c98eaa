import type { IncomingMessage } from "node:http";
import type { Context } from "hono";
import type { RawBody } from "../http/env.ts";

/**
 * The request's body as Node's adapter received it (@hono/node-server hands
 * the IncomingMessage over as `c.env.incoming`): read from it, a JSON body
 * costs its bytes, not a WHATWG Request and ReadableStream built around them
 * (about a tenth of an audited create's time on the event loop). Past
 * `maxBytes` the rest is drained unread, so the client still gets its 413 on
 * a live connection. In-process requests (app.request) have no
 * IncomingMessage: undefined, and Hono reads them.
 */
export const incomingBodyOf: RawBody = (c: Context, maxBytes: number) => {
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (!incoming || typeof incoming.on !== "function" || incoming.readableEnded) return undefined;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) chunks.push(chunk);
      else {
        incoming.off("data", onData);
        incoming.resume();
        resolve({ tooLarge: true });
      }
    };
    incoming.on("data", onData);
    incoming.once("end", () => resolve({ bytes: chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size) }));
    incoming.once("error", reject);
  });
};
