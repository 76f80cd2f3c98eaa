import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  AnnounceTermsInput,
  announceTermsChange,
  listTermsChanges,
  proposeTermsChange,
  TermsChange,
  TermsChangeInput,
  TermsChangeListQuery,
  termsChangeDetail,
  WithdrawInput,
  withdrawTermsChange,
} from "../../core/changes/index.ts";
import type { AppEnv, AppWiring } from "../env.ts";
import { requirePermission } from "../middleware/auth.ts";
import { withPublicBaseUrl } from "../objection/link-context.ts";
import { body, NoticeOut, ObjectionOut, read } from "./change-api-common.ts";
import { IdParam, json, permissionOf, readErrors, security, writeErrors } from "./openapi-common.ts";
import { jsonOrEmpty, optionalBody } from "./optional-body.ts";

const TAG = "Terms changes";
const write = requirePermission("register:write");
const TermsChangeOut = TermsChange.meta({ id: "TermsChange" });
const TermsChangeDetailOut = TermsChange.extend({
  startsAt: z
    .string()
    .nullable()
    .describe("When it takes effect if nothing else happens: the start of its day, once every window has closed."),
  notices: z.array(
    z.object({
      notice: NoticeOut,
      agreementReference: z.string(),
      customerName: z.string(),
      objections: z.array(ObjectionOut),
      mayTerminate: z
        .boolean()
        .describe("The customer objected in time: the current terms stay for it, and it may terminate the agreement."),
    }),
  ),
}).meta({ id: "TermsChangeDetail" });

/**
 * Changes of the agreements' terms, announced through the same notices,
 * signed links and objections as sub-processor changes (the notice and
 * objection routes serve both). Each agreement's window runs by its own
 * terms-change clock; the change applies per agreement.
 */
export function registerTermsChangeRoutes(app: OpenAPIHono<AppEnv>, deps: Pick<AppWiring, "publicBaseUrl">): void {
  const base = "/api/v1/terms-changes";
  app.openapi(
    createRoute({
      method: "post",
      path: base,
      tags: [TAG],
      summary: "Propose a change of the terms",
      description:
        "A new version of the terms for the agreements named (default: every agreement in force). With `announce: true` each agreement gets its notice at once, with the objection window of its terms-change clock; an effective date before the last window closes is refused.",
      security,
      ...permissionOf("register:write"),
      middleware: [write] as const,
      request: body(TermsChangeInput.meta({ id: "TermsChangeProposal" })),
      responses: { 201: json(TermsChangeOut, "Proposed (and announced if asked)."), ...writeErrors },
    }),
    async (c) => {
      const change = await proposeTermsChange(withPublicBaseUrl(c, deps.publicBaseUrl), await c.req.json());
      c.header("location", `${base}/${change.id}`);
      return c.json(change, 201);
    },
  );
  app.openapi(
    createRoute({
      method: "get",
      path: base,
      tags: [TAG],
      summary: "List changes of the terms",
      security,
      ...permissionOf("register:read"),
      middleware: [read] as const,
      request: { query: TermsChangeListQuery },
      responses: { 200: json(z.object({ items: z.array(TermsChangeOut) }), "Oldest first."), ...readErrors },
    }),
    async (c) => c.json(await listTermsChanges(c.get("ctx"), c.req.query()), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{id}`,
      tags: [TAG],
      summary: "A change of the terms, with each agreement's notice, objections and outcome",
      security,
      ...permissionOf("register:read"),
      middleware: [read] as const,
      request: { params: IdParam },
      responses: { 200: json(TermsChangeDetailOut, "Found."), ...readErrors },
    }),
    async (c) => c.json(await termsChangeDetail(c.get("ctx"), c.req.param("id")), 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/{id}/announce`,
      tags: [TAG],
      summary: "Announce a proposed change of the terms",
      description:
        "One notice per agreement named that is in force, with the window of its terms-change clock; the e-mails are queued in the same atomic unit. An effective date before the last window closes is refused.",
      security,
      ...permissionOf("register:write"),
      middleware: [write] as const,
      request: { params: IdParam, ...optionalBody(AnnounceTermsInput) },
      responses: { 200: json(TermsChangeOut, "Announced."), ...writeErrors },
    }),
    async (c) => c.json(await announceTermsChange(withPublicBaseUrl(c, deps.publicBaseUrl), c.req.param("id"), await jsonOrEmpty(c)), 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: `${base}/{id}/withdraw`,
      tags: [TAG],
      summary: "Withdraw a change of the terms not yet in effect",
      security,
      ...permissionOf("register:write"),
      middleware: [write] as const,
      request: { params: IdParam, ...body(WithdrawInput) },
      responses: { 200: json(TermsChangeOut, "Withdrawn; customers told."), ...writeErrors },
    }),
    async (c) => c.json(await withdrawTermsChange(c.get("ctx"), c.req.param("id"), await c.req.json()), 200),
  );
}
