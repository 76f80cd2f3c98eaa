import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  changeDetail,
  ChangeListQuery,
  listChanges,
  listNotices,
  listObjections,
  NoticeListQuery,
  ObjectionListQuery,
  pendingChanges,
} from "../../core/changes/change-queries.ts";
import { findNotice, findObjection } from "../../core/changes/change-rows.ts";
import { announceChange } from "../../core/changes/announce-change.ts";
import { decideAuthorisation, excludeAgreement } from "../../core/changes/decide-authorisation.ts";
import { proposeChange } from "../../core/changes/propose-change.ts";
import { recordObjection } from "../../core/changes/record-objection.ts";
import { resolveObjection } from "../../core/changes/resolve-objection.ts";
import { withdrawChange } from "../../core/changes/withdraw-change.ts";
import { AuthorisationInput, ChangeNotice, Objection, ObjectionInput, ResolutionInput } from "../../core/model/change-notice.ts";
import { AnnounceInput, ChangeProposalInput, SubProcessorChange, WithdrawInput } from "../../core/model/sub-processor-change.ts";
import { parseInput } from "../../core/use-cases/parse-input.ts";
import { jsonOrEmpty, optionalBody } from "./optional-body.ts";
import type { AppEnv, AppWiring } from "../env.ts";
import { requirePermission } from "../middleware/auth.ts";
import { withPublicBaseUrl } from "../objection/link-context.ts";
import { IdParam, json, permissionOf, readErrors, security, writeErrors } from "./openapi-common.ts";
import { ETAG_HEADER, tagged } from "./preconditions.ts";

const ChangeOut = SubProcessorChange.meta({ id: "SubProcessorChange" });
const NoticeOut = ChangeNotice.meta({ id: "ChangeNotice" });
const ObjectionOut = Objection.meta({ id: "Objection" });
const Verdict = z.enum(["proposed", "blocked", "awaiting_authorisation", "pending", "due", "effective", "withdrawn"]);
const ChangeDetailOut = SubProcessorChange.extend({
  verdict: Verdict.describe("Where the change stands under the effectiveness rule right now."),
  startsAt: z.string().nullable(),
  notices: z.object({
    total: z.int(),
    open: z.int(),
    excluded: z.int(),
    authorisationsAwaited: z.int(),
    authorisationsRefused: z.int(),
    firstLastDay: z.string().nullable(),
    lastLastDay: z.string().nullable(),
  }),
  objections: z.object({ total: z.int(), onTime: z.int(), late: z.int(), blocking: z.int(), lateUnresolved: z.int() }),
}).meta({ id: "SubProcessorChangeDetail" });
const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() }).meta({ id });
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });
const IdempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .optional()
    .openapi({
      param: { name: "idempotency-key", in: "header" },
      description:
        "Makes retries safe: a repeated request with the same key returns the first result (200, Idempotent-Replayed: true) and creates nothing.",
    }),
});

const TAG = "Sub-processor changes";
const read = requirePermission("register:read");
const propose = requirePermission("sub-processors:write");
const decide = requirePermission("register:write");

/** `deps.publicBaseUrl` starts the objection links in notice e-mails. */
export function registerChangeRoutes(app: OpenAPIHono<AppEnv>, deps: Pick<AppWiring, "publicBaseUrl">): void {
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
  const ExclusionInput = z.strictObject({
    reason: z.enum(["alternative_offered", "customer_terminated"]),
    note: z.string().trim().min(1).max(5000).optional(),
  });
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
