import type { Context } from "hono";
import { z } from "@hono/zod-openapi";
import { completeResponse } from "../complete-response.ts";

/** A record's entity tag: its revision, which every change raises by one. */
export const etagOf = (revision: number) => `"${revision}"`;

/** One record as JSON with its revision as the ETag, for a later If-Match. */
export function tagged<E extends { revision: number }>(c: Context, entity: E) {
  c.header("ETag", etagOf(entity.revision));
  return c.json(entity, 200);
}

/**
 * The revisions an If-Match header accepts (RFC 9110 §13.1.1), for the use
 * cases' `ifMatch` option: undefined when there is none or it is "*"; an
 * entity tag that is not one of ours matches nothing.
 */
export function ifMatchOf(c: Context): { ifMatch?: number[] } {
  const header = c.req.header("if-match")?.trim();
  if (!header || header === "*") return {};
  const revisions = header
    .split(",")
    .map((tag) => /^(?:W\/)?"(\d{1,15})"$/.exec(tag.trim())?.[1])
    .filter((revision): revision is string => revision !== undefined)
    .map(Number);
  return { ifMatch: revisions };
}

/** The If-Match header as the OpenAPI document describes it. */
export const IfMatchHeader = z.object({
  "if-match": z
    .string()
    .optional()
    .openapi({
      param: { name: "if-match", in: "header" },
      description:
        'The ETag of the record as you read it (e.g. "3"): the write is refused with 412, changing nothing, if the record changed since.',
      example: '"3"',
    }),
});

export const ETAG_HEADER = {
  ETag: { description: "The record's revision as an entity tag, for If-Match.", schema: { type: "string" as const } },
};

const utf8 = new TextEncoder();

/** A value as the UTF-8 bytes of its JSON, the form a remembered body is kept in: sent again without encoding it again. */
export const jsonBytes = (value: unknown): Uint8Array<ArrayBuffer> => utf8.encode(JSON.stringify(value));

/** A JSON body already serialised (a remembered read), answered as c.json would answer it: same header, same bytes. */
export const jsonText = (c: Context, json: string | Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}): Response =>
  completeResponse(c, json, 200, { ...headers, "content-type": "application/json" });
