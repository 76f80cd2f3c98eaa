import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  addBreachUpdate,
  Breach,
  BreachInput,
  BreachListQuery,
  BreachReportQuery,
  breachReport,
  BreachUpdateInput,
  getBreach,
  listBreaches,
  notifyBreach,
  recordBreach,
} from "../../core/breaches/index.ts";
import type { AppEnv } from "../env.ts";
import { requirePermission } from "../middleware/auth.ts";
import { body } from "./change-api-common.ts";
import { IdParam, json, namedIdParam, permissionOf, readErrors, security, writeErrors } from "./openapi-common.ts";
import { NAMED_AGREEMENT } from "../../core/register/index.ts";
import { registerRecordRoutes } from "./record-routes.ts";
import { renderedResponse } from "../document-response.ts";

const TAG = "Breaches";
const REPORT_RESPONSE = {
  description: "The report, with its sha256 and content fingerprint in headers.",
  headers: {
    "X-Content-SHA256": { description: "SHA-256 of the body.", schema: { type: "string" as const } },
    "X-Document-Fingerprint": { description: "SHA-256 of the report's content, as printed in it.", schema: { type: "string" as const } },
  },
  content: {
    "text/html": { schema: z.string() },
    "application/pdf": { schema: z.string().meta({ format: "binary" }) },
  },
};
const BreachOut = Breach.meta({ id: "Breach" });
const Recorded = z
  .object({
    breach: BreachOut,
    obligationIds: z.array(z.string()).describe("The duty to notify each affected customer, one per agreement."),
  })
  .meta({ id: "RecordedBreach" });

/** The register of personal data breaches (Art. 33(5)) and the customers' notification (Art. 33(2)). */
export function registerBreachRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/breaches",
      tags: [TAG],
      summary: "Record a personal data breach, and notify the customers it affects",
      description:
        "Finds the agreements affected from the activities and sub-processors involved (a sub-processor's chain included), gives each a duty to notify its customer by its breach clock in hours from the discovery (24 hours when it names none), and, unless notify is false, queues each customer's notice with the content of Art. 33(3) in the agreement's language and records the duty done, all in one atomic unit.",
      security,
      ...permissionOf("register:write"),
      middleware: [requirePermission("register:write")] as const,
      request: body(BreachInput),
      responses: { 201: json(Recorded, "Recorded."), ...writeErrors },
    }),
    async (c) => c.json(await recordBreach(c.get("ctx"), await c.req.json()), 201),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/breaches/{id}/report/{agreementId}",
      tags: [TAG],
      summary: "The report of a breach for one customer it affects, as HTML or PDF",
      description:
        "What happened and what it involved (Art. 33(3)), and when the customer was told against its agreement's clock, in the agreement's language.",
      security,
      ...permissionOf("register:read"),
      middleware: [requirePermission("register:read")] as const,
      request: { params: IdParam.extend(namedIdParam(NAMED_AGREEMENT, "agreementId").shape), query: BreachReportQuery },
      responses: { 200: REPORT_RESPONSE, ...readErrors },
    }),
    async (c) => {
      const report = await breachReport(c.get("ctx"), c.req.param("id"), c.req.param("agreementId"), c.req.query());
      return renderedResponse(c, report) as never;
    },
  );
  registerRecordRoutes(app, {
    base: "/api/v1/breaches",
    tag: TAG,
    schema: BreachOut,
    pageId: "BreachPage",
    label: "personal data breach",
    plural: "personal data breaches",
    query: BreachListQuery,
    list: listBreaches,
    get: getBreach,
    steps: [
      {
        path: "notification",
        summary: "Notify the affected customers of a breach recorded without notifying them",
        input: z.strictObject({}),
        run: (ctx, id) => notifyBreach(ctx, id),
      },
      {
        path: "updates",
        summary: "Send the notified customers what is now known (Art. 33(4))",
        input: BreachUpdateInput,
        run: (ctx, id, raw) => addBreachUpdate(ctx, id, raw),
      },
    ],
  });
}
