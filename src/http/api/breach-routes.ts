import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import {
  addBreachUpdate,
  Breach,
  BreachInput,
  BreachListQuery,
  BreachUpdateInput,
  getBreach,
  listBreaches,
  notifyBreach,
  recordBreach,
} from "../../core/breaches/index.ts";
import type { AppEnv } from "../env.ts";
import { requirePermission } from "../middleware/auth.ts";
import { body } from "./change-api-common.ts";
import { json, permissionOf, security, writeErrors } from "./openapi-common.ts";
import { registerRecordRoutes } from "./record-routes.ts";

const TAG = "Breaches";
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
