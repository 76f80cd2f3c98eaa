import { createRoute, type OpenAPIHono, z } from "@hono/zod-openapi";
import { NAMED_AGREEMENT } from "../../core/register/index.ts";
import {
  assignObligation,
  CompletionInput,
  completeObligation,
  getObligation,
  listObligations,
  Obligation,
  ObligationListQuery,
  OwnerInput,
  TerminationInput,
  terminateAgreement,
  WaiverInput,
  waiveObligation,
} from "../../core/obligations/index.ts";
import type { AppEnv } from "../env.ts";
import { requirePermission } from "../middleware/auth.ts";
import { body } from "./change-api-common.ts";
import { IdParam, json, namedIdParam, permissionOf, security, writeErrors } from "./openapi-common.ts";
import { registerRecordRoutes } from "./record-routes.ts";
import { ETAG_HEADER, IfMatchHeader, ifMatchOf, tagged } from "./preconditions.ts";

const TAG = "Obligations";
const write = requirePermission("register:write");
const ObligationOut = Obligation.meta({ id: "Obligation" });
const TerminationOut = z
  .object({
    agreement: z.object({
      id: z.string(),
      reference: z.string(),
      status: z.literal("terminated"),
      endedOn: z.string(),
      revision: z.int().describe("The agreement's new revision (its ETag)."),
    }),
    obligations: z.array(ObligationOut).describe("The duties the end started, one per post-termination clock of the agreement."),
  })
  .meta({ id: "Termination" });

/** The end of an agreement and the duties it starts: listed, assigned, done with evidence or waived. */
export function registerObligationRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(
    createRoute({
      method: "post",
      path: "/api/v1/agreements/{id}/termination",
      tags: ["Agreements"],
      summary: "Terminate an agreement: it ends on a day, and the duties its clocks promise start",
      description:
        "Sets the agreement's status to terminated and its end date, and creates one obligation per post-termination clock it has (account deactivation, export window, deletion or return), each due by its clock counted from the day after the end in the agreement's country and time zone. One atomic unit with its audit entries. The only way to end an agreement: status and endedOn are not edited directly.",
      security,
      ...permissionOf("register:write"),
      middleware: [write] as const,
      request: { params: namedIdParam(NAMED_AGREEMENT), headers: IfMatchHeader, ...body(TerminationInput) },
      responses: { 201: json(TerminationOut, "Terminated; the duties it started."), ...writeErrors },
    }),
    async (c) => {
      const { agreement, obligations } = await terminateAgreement(c.get("ctx"), c.req.param("id"), await c.req.json(), ifMatchOf(c));
      const { id, reference, revision } = agreement;
      return c.json(
        { agreement: { id, reference, status: "terminated" as const, endedOn: agreement.endedOn ?? "", revision }, obligations },
        201,
      );
    },
  );
  const base = "/api/v1/obligations";
  registerRecordRoutes(app, {
    base,
    tag: TAG,
    schema: ObligationOut,
    pageId: "ObligationPage",
    label: "obligation",
    plural: "obligations",
    query: ObligationListQuery,
    list: listObligations,
    get: getObligation,
    steps: [
      {
        path: "completion",
        summary: "Record an obligation done, with its evidence",
        description: "A certificate of deletion, a ticket or a letter, and when. Done before the end of the last day is on time.",
        input: CompletionInput,
        run: completeObligation,
      },
      {
        path: "waiver",
        summary: "Record that an obligation does not apply, and why",
        description: "For example: the customer asked for its data to be returned, not deleted. Kept with the reason in the audit trail.",
        input: WaiverInput,
        run: waiveObligation,
      },
    ],
  });
  app.openapi(
    createRoute({
      method: "patch",
      path: `${base}/{id}`,
      tags: [TAG],
      summary: "Name who is responsible for an open obligation",
      security,
      ...permissionOf("register:write"),
      middleware: [write] as const,
      request: { params: IdParam, headers: IfMatchHeader, ...body(OwnerInput) },
      responses: { 200: { ...json(ObligationOut, "Changed."), headers: ETAG_HEADER }, ...writeErrors },
    }),
    async (c) => tagged(c, await assignObligation(c.get("ctx"), c.req.param("id"), await c.req.json(), ifMatchOf(c))),
  );
}
