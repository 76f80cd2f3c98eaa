import { z } from "zod";
import { EntityMeta } from "../kernel/values/meta.ts";
import {
  CLOCK_NAMES,
  ClockPeriod,
  HoursPeriod,
  Id,
  InstantInput,
  IsoDate,
  OBLIGATION_KINDS,
  OBLIGATION_STATUSES,
  OBLIGATION_TRIGGERS,
} from "../kernel/values/values.ts";

export { OBLIGATION_KINDS, OBLIGATION_STATUSES };
export type { ObligationKind, ObligationStatus } from "../kernel/values/values.ts";

const Timestamp = z.iso.datetime();
const Owner = z.string().trim().min(1).max(200);

export const ObligationEvidence = z.object({
  reference: z.string().describe("The certificate, ticket or letter that shows it was done."),
  date: IsoDate.describe("The day it was done, as the evidence states it."),
  note: z.string().nullable(),
});

export const Obligation = z.object({
  ...EntityMeta,
  agreementId: Id,
  customerId: Id,
  kind: z
    .enum(OBLIGATION_KINDS)
    .describe("What must be done: deactivate the accounts, keep the export open until, delete or return the data."),
  trigger: z.enum(OBLIGATION_TRIGGERS).describe("The event that started it."),
  sourceId: Id.nullable().describe("The event's own record where it has one: the breach."),
  triggerDate: IsoDate.describe("The day of that event in the agreement's time zone; not counted."),
  clock: z.enum(CLOCK_NAMES).describe("The agreement's clock that sets the period."),
  period: z.union([ClockPeriod, HoursPeriod]),
  governingCountry: z.string(),
  timeZone: z.string(),
  lastDay: IsoDate.describe("The last day, after moving off weekends and public holidays."),
  movedFrom: IsoDate.nullable().describe("The nominal last day when it fell on a weekend or public holiday."),
  movedBecause: z.string().nullable(),
  dueAt: Timestamp.describe("The end of the last day in the agreement's time zone."),
  owner: z.string().nullable().describe("Who is responsible for doing it."),
  status: z.enum(OBLIGATION_STATUSES).describe("open; overdue (open past its deadline); done (with evidence); waived (with a reason)."),
  doneAt: Timestamp.nullable(),
  onTime: z.boolean().nullable().describe("Done before the deadline; null while not done."),
  evidence: ObligationEvidence.nullable(),
  waiverReason: z.string().nullable(),
  closedBy: z.string().nullable().describe("Who recorded it done or waived."),
});
export type Obligation = z.infer<typeof Obligation>;

export const TerminationInput = z.strictObject({
  endedOn: IsoDate.describe("The day the agreement ends; the post-termination clocks count from the day after."),
  reason: z.string().trim().min(1).max(2000).optional().describe("Why it ends (kept in the audit trail)."),
  owner: Owner.optional().describe("Who is responsible for the duties it starts."),
});
export type TerminationInput = z.infer<typeof TerminationInput>;

export const CompletionInput = z.strictObject({
  evidence: z.strictObject({
    reference: z.string().trim().min(1).max(500).describe("A certificate of deletion, a ticket, a letter: what shows it was done."),
    date: IsoDate.optional().describe("The day it was done; defaults to the day of doneAt in the agreement's time zone."),
    note: z.string().trim().min(1).max(5000).optional(),
  }),
  doneAt: InstantInput.optional().describe("When it was done; defaults to now. Not in the future, not before the trigger."),
});
export type CompletionInput = z.infer<typeof CompletionInput>;

export const WaiverInput = z.strictObject({
  reason: z.string().trim().min(1).max(2000).describe("Why the duty does not apply (e.g. the customer asked for return instead)."),
});

export const OwnerInput = z.strictObject({ owner: Owner.nullable().describe("Who is responsible; null for nobody yet.") });
