import { z } from "zod";
import { EntityMeta } from "../../kernel/values/meta.ts";
import {
  AUTHORISATION_DECISIONS,
  ClockPeriod,
  Id,
  InstantInput,
  IsoDate,
  NOTICE_AUTHORISATIONS,
  NOTICE_KINDS,
  NOTICE_OUTCOMES,
  NOTICE_STATUSES,
  NOTICE_SUBJECTS,
  OBJECTION_CHANNELS,
  RESOLUTIONS,
} from "../../kernel/values/values.ts";

export { AUTHORISATION_DECISIONS, NOTICE_AUTHORISATIONS, NOTICE_KINDS, NOTICE_OUTCOMES, NOTICE_STATUSES, OBJECTION_CHANNELS, RESOLUTIONS };
export type { Resolution } from "../../kernel/values/values.ts";

const Timestamp = z.iso.datetime();

export const ChangeNotice = z.object({
  ...EntityMeta,
  subject: z.enum(NOTICE_SUBJECTS).describe("What the notice is about: a sub-processor change or a change of the agreement's terms."),
  changeId: Id.describe("The sub-processor change or terms change, as `subject` says."),
  agreementId: Id,
  customerId: Id,
  kind: z.enum(NOTICE_KINDS).describe("Clause 7.7 option 2: an objection window; option 1: a request for specific authorisation."),
  noticeDate: IsoDate.describe("The day of the notice, in the agreement's time zone; not counted."),
  lastDay: IsoDate.describe("The last day to object (or to answer), after moving off weekends and public holidays."),
  closesAt: Timestamp.describe("The end of the last day in the agreement's time zone: anything received before it is on time."),
  timeZone: z.string(),
  period: ClockPeriod,
  authorisation: z.enum(NOTICE_AUTHORISATIONS).nullable(),
  authorisationDecidedAt: Timestamp.nullable(),
  status: z.enum(NOTICE_STATUSES).describe("Closed once the change took effect or was withdrawn, or the agreement was taken out of it."),
  outcome: z.enum(NOTICE_OUTCOMES).describe("Whether the change applies to this agreement."),
  outcomeReason: z.string().nullable(),
});
export type ChangeNotice = z.infer<typeof ChangeNotice>;

export const ObjectionInput = z.strictObject({
  grounds: z.string().trim().min(1).max(20_000).describe("The customer's reasoned grounds, as received."),
  receivedAt: InstantInput.optional().describe(
    "When the objection reached the processor, with Z or an offset; defaults to now. Not in the future.",
  ),
  channel: z.enum(OBJECTION_CHANNELS).default("api"),
});

export const Objection = z.object({
  ...EntityMeta,
  noticeId: Id,
  changeId: Id,
  agreementId: Id,
  grounds: z.string(),
  receivedAt: Timestamp,
  onTime: z.boolean().describe("Received before the notice's window closed; late objections are kept and flagged."),
  channel: z.enum(OBJECTION_CHANNELS),
  resolution: z.enum(RESOLUTIONS).nullable(),
  resolutionReason: z.string().nullable(),
  resolvedAt: Timestamp.nullable(),
  resolvedBy: z.string().nullable(),
});
export type Objection = z.infer<typeof Objection>;

export const ResolutionInput = z
  .strictObject({
    resolution: z
      .enum(RESOLUTIONS)
      .describe(
        "withdrawn: the customer withdrew it; alternative_offered / customer_terminated: the change will not apply to this agreement; overruled: the change goes ahead for it (reason required).",
      ),
    reason: z.string().trim().min(1).max(5000).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.resolution === "overruled" && !r.reason) {
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Overruling an objection needs the reason, for the record." });
    }
  })
  // The refinement above, as the OpenAPI document states it.
  .meta({
    anyOf: [
      { properties: { resolution: { const: "overruled" }, reason: {} }, required: ["reason"] },
      { properties: { resolution: { enum: RESOLUTIONS.filter((r) => r !== "overruled") } } },
    ],
  });

export const AuthorisationInput = z.strictObject({
  decision: z.enum(AUTHORISATION_DECISIONS),
  receivedAt: InstantInput.optional().describe("When the answer reached the processor, with Z or an offset; defaults to now."),
  note: z.string().trim().min(1).max(5000).optional(),
});
