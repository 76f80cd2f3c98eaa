import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import { findObjection, listObjections, ObjectionListQuery, ResolutionInput, resolveObjection } from "../../core/changes/index.ts";
import type { AppEnv } from "../env.ts";
import { body, decide, ObjectionOut, pageOf, read, TAG } from "./change-api-common.ts";
import { IdParam, json, permissionOf, readErrors, security, writeErrors } from "./openapi-common.ts";
import { ETAG_HEADER, tagged } from "./preconditions.ts";

/** Objections across all changes, and the DPO's decision on each. */
export function registerObjectionRoutes(app: OpenAPIHono<AppEnv>): void {
  const objectionsPath = "/api/v1/objections";
  app.openapi(
    createRoute({
      method: "get",
      path: objectionsPath,
      tags: [TAG],
      summary: "List objections",
      security,
      ...permissionOf("register:read"),
      middleware: [read] as const,
      request: { query: ObjectionListQuery },
      responses: { 200: json(pageOf(ObjectionOut, "ObjectionPage"), "Oldest first."), ...readErrors },
    }),
    async (c) => c.json(await listObjections(c.get("ctx"), c.req.query()), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: `${objectionsPath}/{id}`,
      tags: [TAG],
      summary: "An objection",
      security,
      ...permissionOf("register:read"),
      middleware: [read] as const,
      request: { params: IdParam },
      responses: { 200: { ...json(ObjectionOut, "Found."), headers: ETAG_HEADER }, ...readErrors },
    }),
    async (c) => tagged(c, await findObjection(c.get("ctx").store.db, c.req.param("id"))),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: `${objectionsPath}/{id}/resolution`,
      tags: [TAG],
      summary: "The DPO's decision on an objection",
      security,
      ...permissionOf("register:write"),
      middleware: [decide] as const,
      request: { params: IdParam, ...body(ResolutionInput) },
      responses: { 200: json(ObjectionOut, "Resolved."), ...writeErrors },
    }),
    async (c) => c.json(await resolveObjection(c.get("ctx"), c.req.param("id"), await c.req.json()), 200),
  );
}
