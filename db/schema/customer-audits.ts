// Audits of the processor by its customers (Art. 28(3)(h), SCC clause 7.6): each requested with a
// notice that the agreement's audit clock measures, scheduled no earlier than that notice allows,
// and kept with its outcome.
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { type ClockPeriod, CUSTOMER_AUDIT_STATES } from "../../src/core/kernel/values/values.ts";
import { json, tracked } from "./columns.ts";
import { agreements } from "./register.ts";

export const customerAudits = sqliteTable(
  "customer_audits",
  {
    id: text("id").primaryKey(),
    agreementId: text("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "restrict" }),
    customerId: text("customer_id").notNull(),
    /** When the customer's notice of the audit was received. */
    requestedAt: text("requested_at").notNull(),
    /** The day the customer proposes to start. */
    proposedStart: text("proposed_start").notNull(),
    scope: text("scope").notNull(),
    auditor: text("auditor"),
    /** The agreement's audit clock when the notice came in (null: it sets no notice period). */
    noticePeriod: json<ClockPeriod | null>("notice_period"),
    timeZone: text("time_zone").notNull(),
    governingCountry: text("governing_country").notNull(),
    /** The last day of the notice period counted from the notice; the audit may start the day after. */
    noticeLastDay: text("notice_last_day"),
    earliestStart: text("earliest_start").notNull(),
    /** The proposed start comes before the earliest start the notice allows. */
    shortNotice: integer("short_notice", { mode: "boolean" }).notNull(),
    state: text("state", { enum: CUSTOMER_AUDIT_STATES }).notNull(),
    scheduledOn: text("scheduled_on"),
    /** Why it was scheduled before the earliest start (both parties agreed to a shorter notice). */
    earlierBecause: text("earlier_because"),
    completedOn: text("completed_on"),
    outcome: text("outcome"),
    reportReference: text("report_reference"),
    cancelReason: text("cancel_reason"),
    ...tracked,
  },
  (t) => [index("customer_audits_agreement").on(t.agreementId), index("customer_audits_state").on(t.state, t.scheduledOn)],
);
