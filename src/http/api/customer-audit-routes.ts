import { createRoute, type OpenAPIHono } from "@hono/zod-openapi";
import {
  AuditRequestInput,
  CancelInput,
  CustomerAudit,
  CustomerAuditListQuery,
  cancelAudit,
  getCustomerAudit,
  listCustomerAudits,
  OutcomeInput,
  recordAuditOutcome,
  requestAudit,
  ScheduleInput,
  scheduleAudit,
} from "../../core/customer-audits/index.ts";
import { NAMED_AGREEMENT } from "../../core/register/index.ts";
import type { AppEnv } from "../env.ts";
import { requirePermission } from "../middleware/auth.ts";
import { body } from "./change-api-common.ts";
import { json, namedIdParam, permissionOf, security, writeErrors } from "./openapi-common.ts";
import { registerRecordRoutes } from "./record-routes.ts";

const TAG = "Customer audits";
const write = requirePermission("register:write");
const AuditOut = CustomerAudit.meta({ id: "CustomerAudit" });

/** A customer's audit of the processor: its notice against the agreement's audit clock, its schedule and its outcome. */
export function registerCustomerAuditRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/agreements/{id}/audits",
      tags: [TAG],
      summary: "Record a customer's notice of an audit",
      description:
        "The agreement's audit clock, counted from the notice by the agreement's rules, gives the earliest day the audit may start; a proposed start before it is kept and flagged as short notice.",
      security,
      ...permissionOf("register:write"),
      middleware: [write] as const,
      request: { params: namedIdParam(NAMED_AGREEMENT), ...body(AuditRequestInput) },
      responses: { 201: json(AuditOut, "Recorded."), ...writeErrors },
    }),
    async (c) => c.json(await requestAudit(c.get("ctx"), c.req.param("id"), await c.req.json()), 201),
  );
  registerRecordRoutes(app, {
    base: "/api/v1/customer-audits",
    tag: TAG,
    schema: AuditOut,
    pageId: "CustomerAuditPage",
    label: "customer audit",
    plural: "customer audits",
    query: CustomerAuditListQuery,
    list: listCustomerAudits,
    get: getCustomerAudit,
    steps: [
      {
        path: "schedule",
        summary: "Fix the day the audit starts (not before the earliest start, unless agreed why)",
        input: ScheduleInput,
        run: scheduleAudit,
      },
      { path: "outcome", summary: "Record what the audit found", input: OutcomeInput, run: recordAuditOutcome },
      { path: "cancellation", summary: "Record that the audit will not take place, and why", input: CancelInput, run: cancelAudit },
    ],
  });
}
