import { z } from "@hono/zod-openapi";
import { ChangeNotice, Objection, SubProcessorChange } from "../../core/changes/index.ts";
import { requirePermission } from "../middleware/auth.ts";

// What the change, notice and objection routes share. The component ids are declared once here:
// two `.meta({ id })` declarations of one id would clash in the OpenAPI document.

/** One tag for all three resources: the document groups the change workflow in one section. */
export const TAG = "Sub-processor changes";
export const read = requirePermission("register:read");
export const propose = requirePermission("sub-processors:write");
export const decide = requirePermission("register:write");

export const ChangeOut = SubProcessorChange.meta({ id: "SubProcessorChange" });
export const NoticeOut = ChangeNotice.meta({ id: "ChangeNotice" });
export const ObjectionOut = Objection.meta({ id: "Objection" });
const Verdict = z.enum(["proposed", "blocked", "awaiting_authorisation", "pending", "due", "effective", "withdrawn"]);
export const ChangeDetailOut = SubProcessorChange.extend({
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

export const pageOf = <T extends z.ZodType>(item: T, id: string) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() }).meta({ id });
export const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { "application/json": { schema } }, required: true } });

export const IdempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .optional()
    .openapi({
      param: { name: "idempotency-key", in: "header" },
      description:
        "Makes retries safe: a repeated request with the same key returns the first result (200, Idempotent-Replayed: true) and creates nothing.",
    }),
});
