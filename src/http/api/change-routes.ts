import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  announceChange,
  AnnounceInput,
  changeDetail,
  ChangeListQuery,
  ChangeProposalInput,
  listChanges,
  pendingChanges,
  proposeChange,
  withdrawChange,
  WithdrawInput,
} from "../../core/changes/index.ts";
import type { AppEnv, AppWiring } from "../env.ts";
import { withPublicBaseUrl } from "../objection/link-context.ts";
import { body, ChangeDetailOut, ChangeOut, IdempotencyHeader, pageOf, propose, read, TAG } from "./change-api-common.ts";
import { registerNoticeRoutes } from "./notice-routes.ts";
import { registerObjectionRoutes } from "./objection-routes.ts";
import { registerTermsChangeRoutes } from "./terms-change-routes.ts";
import { IdParam, json, permissionOf, readErrors, security, writeErrors } from "./openapi-common.ts";
import { jsonOrEmpty, optionalBody } from "./optional-body.ts";
import { ETAG_HEADER, tagged } from "./preconditions.ts";

/**
 * The change workflow's routes: changes (of sub-processors, then of terms), then their notices, then objections.
 * Registration order is the order of `paths` in the OpenAPI document, so the three run in this order.
 * `deps.publicBaseUrl` starts the objection links in notice e-mails.
 */
export function registerChangeRoutes(app: OpenAPIHono<AppEnv>, deps: Pick<AppWiring, "publicBaseUrl">): void {
  registerSubProcessorChangeRoutes(app, deps);
  registerTermsChangeRoutes(app, deps);
  registerNoticeRoutes(app);
  registerObjectionRoutes(app);
}

function registerSubProcessorChangeRoutes(app: OpenAPIHono<AppEnv>, deps: Pick<AppWiring, "publicBaseUrl">): void {
  const base = "/api/v1/sub-processor-changes";
  app.openapi(
    createRoute({
      method: "post",
      path: base,
      tags: [TAG],
      summary: "Propose a sub-processor change",
      description:
        "Add, replace or remove a sub-processor, or change its locations. With `announce: true` the notices go out at once. Send an Idempotency-Key so a retried call creates nothing twice.",
      security,
      ...permissionOf("sub-processors:write"),
      middleware: [propose] as const,
      request: { headers: IdempotencyHeader, ...body(ChangeProposalInput.meta({ id: "ChangeProposal" })) },
      responses: {
        201: json(ChangeOut, "Proposed (and announced if asked)."),
        200: json(ChangeOut, "A replay of an earlier request with the same key."),
        ...writeErrors,
      },
    }),
    async (c) => {
      const result = await proposeChange(
        withPublicBaseUrl(c, deps.publicBaseUrl),
        await c.req.json(),
        c.req.header("idempotency-key") ?? null,
      );
      c.header("location", `${base}/${result.change.id}`);
      if (result.replayed) c.header("idempotent-replayed", "true");
      return c.json(result.change, result.replayed ? 200 : 201);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: base,
      tags: [TAG],
      summary: "List sub-processor changes",
      security,
      ...permissionOf("register:read"),
      middleware: [read] as const,
      request: { query: ChangeListQuery },
      responses: { 200: json(pageOf(ChangeOut, "SubProcessorChangePage"), "Oldest first."), ...readErrors },
    }),
    async (c) => c.json(await listChanges(c.get("ctx"), c.req.query()), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/pending`,
      tags: [TAG],
      summary: "Announced changes not yet in effect, with their dates",
      security,
      ...permissionOf("register:read"),
      middleware: [read] as const,
      responses: { 200: json(z.object({ items: z.array(ChangeDetailOut) }), "Soonest first."), ...readErrors },
    }),
    async (c) => c.json({ items: await pendingChanges(c.get("ctx")) }, 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{id}`,
      tags: [TAG],
      summary: "A change and where it stands",
      security,
      ...permissionOf("register:read"),
      middleware: [read] as const,
      request: { params: IdParam },
      responses: { 200: { ...json(ChangeDetailOut, "Found."), headers: ETAG_HEADER }, ...readErrors },
    }),
    async (c) => tagged(c, await changeDetail(c.get("ctx"), c.req.param("id"))),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/{id}/announce`,
      tags: [TAG],
      summary: "Announce a proposed change",
      description:
        "One notice per active agreement covering an affected activity (an authorisation request under option 1), each with its own deadline; the e-mails are queued in the same atomic unit. An intended start before the last window closes is refused.",
      security,
      ...permissionOf("sub-processors:write"),
      middleware: [propose] as const,
      request: { params: IdParam, ...optionalBody(AnnounceInput) },
      responses: { 200: json(ChangeOut, "Announced."), ...writeErrors },
    }),
    async (c) => c.json(await announceChange(withPublicBaseUrl(c, deps.publicBaseUrl), c.req.param("id"), await jsonOrEmpty(c)), 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/{id}/withdraw`,
      tags: [TAG],
      summary: "Withdraw a change not yet in effect",
      security,
      ...permissionOf("sub-processors:write"),
      middleware: [propose] as const,
      request: { params: IdParam, ...body(WithdrawInput) },
      responses: { 200: json(ChangeOut, "Withdrawn; customers told."), ...writeErrors },
    }),
    async (c) => c.json(await withdrawChange(c.get("ctx"), c.req.param("id"), await c.req.json()), 200),
  );
}
