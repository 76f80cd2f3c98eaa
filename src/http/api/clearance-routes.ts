import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { agreementClocks, clearance, CLEARANCE_STATUSES, ClearanceQuery, ClockQuery, runLifecycle } from "../../core/changes/index.ts";
import { CLOCK_NAMES } from "../../core/kernel/values/values.ts";
import { NAMED_AGREEMENT } from "../../core/register/index.ts";
import type { AppEnv, AppWiring } from "../env.ts";
import { withPublicBaseUrl } from "../objection/link-context.ts";
import { requirePermission } from "../middleware/auth.ts";
import { json, namedIdParam, permissionOf, readErrors, security, writeErrors } from "./openapi-common.ts";

const ClearanceOut = z
  .object({
    status: z.enum(CLEARANCE_STATUSES),
    until: z.string().nullable().describe("When pending: the day it takes effect if nothing stops it."),
    reasons: z.array(z.string()),
    objections: z.array(
      z.object({
        id: z.string(),
        agreementId: z.string(),
        noticeId: z.string(),
        receivedAt: z.string(),
        onTime: z.boolean(),
        grounds: z.string(),
      }),
    ),
    changeId: z.string().nullable(),
    asOf: z.string(),
  })
  .meta({ id: "Clearance" });

const LifecycleOut = z
  .object({
    effective: z.array(z.string()),
    reminded: z.array(z.string()),
    failed: z.array(z.object({ changeId: z.string(), error: z.string() })),
    duties: z
      .object({
        reminded: z.array(z.string()).describe("Obligations whose reminder to the DPO was queued."),
        failed: z.array(z.object({ obligationId: z.string(), error: z.string() })),
      })
      .describe("Reminders of duties (obligations) falling due."),
    windows: z
      .object({
        reminded: z.array(z.string()).describe("Notices whose customer was reminded that its objection window closes soon."),
        failed: z.array(z.object({ noticeId: z.string(), error: z.string() })),
      })
      .describe("Reminders to customers that have not objected, a few days before their window's last day."),
    reviews: z
      .object({
        reminded: z.array(z.string()).describe("Activities whose review reminder to the DPO was queued."),
        failed: z.array(z.object({ activityId: z.string(), error: z.string() })),
      })
      .describe("Reminders of activity reviews falling due."),
  })
  .meta({ id: "LifecycleReport" });

const ClocksOut = z
  .object({
    from: z.string(),
    deadlines: z.array(
      z.object({
        clock: z.enum(CLOCK_NAMES),
        period: z.object({ length: z.int(), unit: z.string() }),
        governingCountry: z.string(),
        timeZone: z.string(),
        triggerDate: z.string().describe("The day the period counts from; not itself counted."),
        lastDay: z.string(),
        movedFrom: z.string().nullable().describe("The nominal last day, when it fell on a weekend or public holiday."),
        movedBecause: z.string().nullable(),
        closesAt: z.string().describe("The end of the last day in the agreement's time zone."),
      }),
    ),
  })
  .meta({ id: "AgreementClocks" });

export function registerClearanceRoutes(app: OpenAPIHono<AppEnv>, deps: Pick<AppWiring, "publicBaseUrl" | "windowReminderDays">): void {
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/agreements/{id}/clocks",
      tags: ["Agreements"],
      summary: "Deadlines of the agreement's contract clocks, run from an instant",
      description:
        "Calendar days per Belgian Civil Code art. 1.7 / Regulation 1182/71 (weekends and the governing country's public holidays move the last day), working days or months.",
      security,
      ...permissionOf("register:read"),
      middleware: [requirePermission("register:read")] as const,
      request: { params: namedIdParam(NAMED_AGREEMENT), query: ClockQuery },
      responses: { 200: json(ClocksOut, "One deadline per clock the agreement has."), ...readErrors },
    }),
    async (c) => c.json(await agreementClocks(c.get("ctx"), c.req.param("id"), c.req.query()), 200),
  );
  app.openapi(
    createRoute({
      method: "get",
      path: "/api/v1/clearance",
      tags: ["Sub-processor changes"],
      summary: "May personal data flow to this vendor for this activity or agreement now?",
      description:
        "cleared / pending (until a date, or awaiting authorisations) / blocked (by the named objections) / not_authorised, with reasons.",
      security,
      ...permissionOf("register:read"),
      middleware: [requirePermission("register:read")] as const,
      request: { query: ClearanceQuery },
      responses: { 200: json(ClearanceOut, "The answer and why."), ...readErrors },
    }),
    async (c) => c.json(await clearance(c.get("ctx"), c.req.query()), 200),
  );
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/lifecycle/run",
      tags: ["Operations"],
      summary: "Run the scheduler now: due changes take effect, reminders of windows and duties are queued",
      description: "The same tick the Node scheduler runs every minute and the Worker's cron trigger runs.",
      security,
      ...permissionOf("operations:run"),
      middleware: [requirePermission("operations:run")] as const,
      responses: { 200: json(LifecycleOut, "What the tick did."), ...writeErrors },
    }),
    async (c) => c.json(await runLifecycle(withPublicBaseUrl(c, deps.publicBaseUrl), { windowReminderDays: deps.windowReminderDays }), 200),
  );
}
