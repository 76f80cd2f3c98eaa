import type { z } from "@hono/zod-openapi";
import { AppError } from "../../core/kernel/errors.ts";

/** A JSON body a route may do without: documented as optional. */
export const optionalBody = <T extends z.ZodType>(schema: T) => ({
  body: { content: { "application/json": { schema } }, required: false },
});

/** Optional JSON bodies: an empty POST means "no options". */
export async function jsonOrEmpty(c: { req: { text(): Promise<string> } }): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The body is not valid JSON.");
  }
}
