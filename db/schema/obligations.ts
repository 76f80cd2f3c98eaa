// Duties a contract clock starts (the end of an agreement starts its deactivation, export-window
// and deletion-or-return duties), each with its deadline counted by the agreement's own clock.
import { index, sqliteTable, text } from "drizzle-orm/sqlite-core";
import {
  CLOCK_NAMES,
  type AnyPeriod,
  OBLIGATION_KINDS,
  OBLIGATION_STATES,
  OBLIGATION_TRIGGERS,
} from "../../src/core/kernel/values/values.ts";
import { json, tracked } from "./columns.ts";
import { agreements } from "./register.ts";

/** What was recorded as done: a certificate or ticket reference, the day, a note. */
export interface ObligationEvidence {
  reference: string;
  date: string;
  note: string | null;
}

export const obligations = sqliteTable(
  "obligations",
  {
    id: text("id").primaryKey(),
    agreementId: text("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "restrict" }),
    customerId: text("customer_id").notNull(),
    kind: text("kind", { enum: OBLIGATION_KINDS }).notNull(),
    trigger: text("trigger", { enum: OBLIGATION_TRIGGERS }).notNull(),
    /** The event's own record where it has one (the breach). */
    sourceId: text("source_id"),
    /** The day of the event the period is counted from (not itself counted), in the agreement's zone. */
    triggerDate: text("trigger_date").notNull(),
    clock: text("clock", { enum: CLOCK_NAMES }).notNull(),
    period: json<AnyPeriod>("period").notNull(),
    governingCountry: text("governing_country").notNull(),
    timeZone: text("time_zone").notNull(),
    lastDay: text("last_day").notNull(),
    movedFrom: text("moved_from"),
    movedBecause: text("moved_because"),
    /** The first instant after the last day: done before it is on time. */
    dueAt: text("due_at").notNull(),
    owner: text("owner"),
    state: text("state", { enum: OBLIGATION_STATES }).notNull(),
    doneAt: text("done_at"),
    evidence: json<ObligationEvidence | null>("evidence"),
    waiverReason: text("waiver_reason"),
    closedBy: text("closed_by"),
    /** When the DPO's reminder was queued (once per obligation); not a change of the duty itself. */
    reminderQueuedAt: text("reminder_queued_at"),
    /** When the webhook event saying it is overdue was queued (once); the "due" event goes with the reminder. */
    overdueEventAt: text("overdue_event_at"),
    ...tracked,
  },
  (t) => [index("obligations_agreement").on(t.agreementId), index("obligations_due").on(t.state, t.dueAt)],
);
