import { createRoute, type OpenAPIHono, type z } from "@hono/zod-openapi";
import type { Ctx } from "../../core/kernel/context.ts";
import type { Page } from "../../core/kernel/paging.ts";
import type { AppEnv } from "../env.ts";
import { requirePermission } from "../middleware/auth.ts";
import { body, pageOf } from "./change-api-common.ts";
import { IdParam, json, permissionOf, readErrors, security, writeErrors } from "./openapi-common.ts";
import { ETAG_HEADER, IfMatchHeader, ifMatchOf, tagged } from "./preconditions.ts";

const read = requirePermission("register:read");
const write = requirePermission("register:write");

/** A kind of record the register keeps beside the entities (obligations, customer audits): its list, one record, and the steps that move it on. */
export interface RecordRoutes<R extends { revision: number }> {
  base: string;
  tag: string;
  /** The record's schema, with its component id. */
  schema: z.ZodType;
  pageId: string;
  label: string;
  plural: string;
  query: z.ZodObject;
  list(ctx: Ctx, query: Record<string, string>): Promise<Page<R>>;
  get(ctx: Ctx, id: string): Promise<R>;
  /** POST {base}/{id}/{path}: each with its body, answering the record as it now is, with its ETag. */
  steps: {
    path: string;
    summary: string;
    description?: string;
    input: z.ZodType;
    run(ctx: Ctx, id: string, raw: unknown, options: { ifMatch?: number[] }): Promise<R>;
  }[];
}

export function registerRecordRoutes<R extends { revision: number }>(app: OpenAPIHono<AppEnv>, spec: RecordRoutes<R>): void {
  const { base, tag, schema } = spec;
  app.openapi(
    createRoute({
      method: "get",
      path: base,
      tags: [tag],
      summary: `List ${spec.plural}`,
      security,
      ...permissionOf("register:read"),
      middleware: [read] as const,
      request: { query: spec.query },
      responses: { 200: json(pageOf(schema, spec.pageId), "Oldest first."), ...readErrors },
    }),
    async (c) => c.json(await spec.list(c.get("ctx"), c.req.query()), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{id}`,
      tags: [tag],
      summary: `A ${spec.label}`,
      security,
      ...permissionOf("register:read"),
      middleware: [read] as const,
      request: { params: IdParam },
      responses: { 200: { ...json(schema, "Found."), headers: ETAG_HEADER }, ...readErrors },
    }),
    async (c) => tagged(c, await spec.get(c.get("ctx"), c.req.param("id"))),
  );
  for (const step of spec.steps) {
    app.openapi(
      createRoute({
        method: "post",
        path: `${base}/{id}/${step.path}`,
        tags: [tag],
        summary: step.summary,
        ...(step.description ? { description: step.description } : {}),
        security,
        ...permissionOf("register:write"),
        middleware: [write] as const,
        request: { params: IdParam, headers: IfMatchHeader, ...body(step.input) },
        responses: { 200: { ...json(schema, "Recorded."), headers: ETAG_HEADER }, ...writeErrors },
      }),
      async (c) => tagged(c, await step.run(c.get("ctx"), c.req.param("id"), await c.req.json(), ifMatchOf(c))),
    );
  }
}
