import { z } from "zod";
import { EntityMeta } from "../kernel/values/meta.ts";
import { ClockPeriod, CUSTOMER_AUDIT_STATES, Id, InstantInput, IsoDate } from "../kernel/values/values.ts";

export { CUSTOMER_AUDIT_STATES };
export type { CustomerAuditState } from "../kernel/values/values.ts";

const Timestamp = z.iso.datetime();
const Reason = z.string().trim().min(1).max(2000);

export const CustomerAudit = z.object({
  ...EntityMeta,
  agreementId: Id,
  customerId: Id,
  requestedAt: Timestamp.describe("When the customer's notice of the audit was received."),
  proposedStart: IsoDate.describe("The day the customer proposed to start."),
  scope: z.string(),
  auditor: z.string().nullable().describe("Who audits: the customer, or an auditor it mandated."),
  noticePeriod: ClockPeriod.nullable().describe("The agreement's audit clock when the notice came in; null when it sets none."),
  timeZone: z.string(),
  governingCountry: z.string(),
  noticeLastDay: IsoDate.nullable().describe("The last day of the notice period, counted from the notice by the agreement's rules."),
  earliestStart: IsoDate.describe("The first day the audit may start under the agreement's notice period."),
  shortNotice: z.boolean().describe("The proposed start came before the earliest start."),
  state: z.enum(CUSTOMER_AUDIT_STATES),
  scheduledOn: IsoDate.nullable(),
  earlierBecause: z.string().nullable().describe("Why it was scheduled before the earliest start (a shorter notice both parties agreed)."),
  completedOn: IsoDate.nullable(),
  outcome: z.string().nullable(),
  reportReference: z.string().nullable(),
  cancelReason: z.string().nullable(),
});
export type CustomerAudit = z.infer<typeof CustomerAudit>;

export const AuditRequestInput = z.strictObject({
  proposedStart: IsoDate.describe("The day the customer proposes to start."),
  scope: z.string().trim().min(1).max(5000).describe("What the customer wants to audit (systems, measures, sites)."),
  auditor: z.string().trim().min(1).max(500).optional(),
  requestedAt: InstantInput.optional().describe("When the notice was received; defaults to now. Not in the future."),
});

export const ScheduleInput = z.strictObject({
  scheduledOn: IsoDate.describe("The agreed day the audit starts."),
  earlierBecause: Reason.optional().describe(
    "Required to schedule before the earliest start: why the notice period does not apply (e.g. the customer and the processor agreed to a shorter one).",
  ),
});

export const OutcomeInput = z.strictObject({
  completedOn: IsoDate.describe("The day the audit ended."),
  outcome: z.string().trim().min(1).max(20_000).describe("What the audit found, and what was agreed."),
  reportReference: z.string().trim().min(1).max(500).optional().describe("The audit report's reference."),
});

export const CancelInput = z.strictObject({ reason: Reason });
