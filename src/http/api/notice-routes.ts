import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  AuthorisationInput,
  decideAuthorisation,
  excludeAgreement,
  findNotice,
  listNotices,
  NoticeListQuery,
  ObjectionInput,
  recordObjection,
} from "../../core/changes/index.ts";
import { parseInput } from "../../core/kernel/input/parse-input.ts";
import type { AppEnv } from "../env.ts";
import { body, decide, NoticeOut, ObjectionOut, pageOf, read, TAG } from "./change-api-common.ts";
import { IdParam, json, permissionOf, readErrors, security, writeErrors } from "./openapi-common.ts";
import { ETAG_HEADER, tagged } from "./preconditions.ts";

const ExclusionInput = z.strictObject({
  reason: z.enum(["alternative_offered", "customer_terminated"]),
  note: z.string().trim().min(1).max(5000).optional(),
});

/** A change's notices (one per affected agreement) and what customers answer to them. */
export function registerNoticeRoutes(app: OpenAPIHono<AppEnv>): void {
  const base = "/api/v1/sub-processor-changes";
  app.openapi(
    createRoute({
      method: "get",
      path: `${base}/{id}/notices`,
      tags: [TAG],
      summary: "The notices of a change",
      security,
      ...permissionOf("register:read"),
      middleware: [read] as const,
      request: { params: IdParam, query: NoticeListQuery },
      responses: { 200: json(pageOf(NoticeOut, "ChangeNoticePage"), "One page."), ...readErrors },
    }),
    async (c) => c.json(await listNotices(c.get("ctx"), c.req.param("id"), c.req.query()), 200),
  );

  const notices = "/api/v1/change-notices";
  app.openapi(
    createRoute({
      method: "get",
      path: `${notices}/{id}`,
      tags: [TAG],
      summary: "A notice",
      security,
      ...permissionOf("register:read"),
      middleware: [read] as const,
      request: { params: IdParam },
      responses: { 200: { ...json(NoticeOut, "Found."), headers: ETAG_HEADER }, ...readErrors },
    }),
    async (c) => tagged(c, await findNotice(c.get("ctx").store.db, c.req.param("id"))),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: `${notices}/{id}/objections`,
      tags: [TAG],
      summary: "Record a customer's objection",
      description:
        "On time when received before the end of the notice's last day in the agreement's time zone; late objections are kept and flagged. The DPO is alerted.",
      security,
      ...permissionOf("register:write"),
      middleware: [decide] as const,
      request: { params: IdParam, ...body(ObjectionInput) },
      responses: { 201: json(ObjectionOut, "Recorded."), ...writeErrors },
    }),
    async (c) => c.json(await recordObjection(c.get("ctx"), c.req.param("id"), await c.req.json()), 201),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: `${notices}/{id}/authorisation`,
      tags: [TAG],
      summary: "Record an option-1 customer's authorisation or refusal",
      security,
      ...permissionOf("register:write"),
      middleware: [decide] as const,
      request: { params: IdParam, ...body(AuthorisationInput) },
      responses: { 200: json(NoticeOut, "Recorded."), ...writeErrors },
    }),
    async (c) => c.json(await decideAuthorisation(c.get("ctx"), c.req.param("id"), await c.req.json()), 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: `${notices}/{id}/exclusion`,
      tags: [TAG],
      summary: "Take the agreement out of the change (alternative offered or customer terminates)",
      security,
      ...permissionOf("register:write"),
      middleware: [decide] as const,
      request: { params: IdParam, ...body(ExclusionInput) },
      responses: { 200: json(NoticeOut, "Closed as excluded."), ...writeErrors },
    }),
    async (c) => {
      const input = parseInput(ExclusionInput, await c.req.json());
      return c.json(await excludeAgreement(c.get("ctx"), c.req.param("id"), input.reason, input.note ?? null), 200);
    },
  );
}
