/**
 * Obligations: the duties a contract clock starts (the end of an agreement starts its account
 * deactivation, export window and deletion or return), each with its deadline, owner, status and
 * evidence, reminded to the DPO and shown on the dashboard and in the calendar feed.
 * This file is the feature's public surface: other features and the outer layers import only what it exports.
 */
export { assignObligation, completeObligation, waiveObligation } from "./close-obligation.ts";
export { dutyEvents } from "./duty-calendar.ts";
export type { DutyEvent } from "./duty-calendar.ts";
export {
  CompletionInput,
  OBLIGATION_KINDS,
  OBLIGATION_STATUSES,
  Obligation,
  OwnerInput,
  TerminationInput,
  WaiverInput,
} from "./model.ts";
export type { ObligationKind, ObligationStatus } from "./model.ts";
export { ObligationListQuery, getObligation, listObligations, namedDuties, openDutiesUntil } from "./obligation-queries.ts";
export type { DutyView } from "./obligation-queries.ts";
export { DUTY_REMINDER_DAYS, remindOfDuties } from "./obligation-reminders.ts";
export type { DutyReminderReport } from "./obligation-reminders.ts";
export { AUDITED_OBLIGATION_FIELDS, openDuty } from "./obligation-rows.ts";
export type { ObligationRow } from "./obligation-rows.ts";
export { changeDutyStatements, startDutyStatements } from "./obligation-writes.ts";
export { terminateAgreement } from "./terminate-agreement.ts";
export { TERMINATION_DUTIES } from "./termination-duties.ts";
