// Sub-processor changes (Art. 28(2), SCC clause 7.7), the notices they open
// per agreement, and the objections customers raise against them.
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import {
  CHANGE_KINDS,
  CHANGE_STATUSES,
  type ClockPeriod,
  type LocalizedText,
  type Location,
  NOTICE_AUTHORISATIONS,
  NOTICE_KINDS,
  NOTICE_OUTCOMES,
  NOTICE_STATUSES,
  NOTICE_SUBJECTS,
  OBJECTION_CHANNELS,
  RESOLUTIONS,
  type TransferMechanism,
} from "../../src/core/kernel/values/values.ts";
import { json, tracked } from "./columns.ts";
import { agreements, subProcessors } from "./register.ts";

/**
 * A proposed change to the sub-processors (Art. 28(2), SCC clause 7.7):
 * add a vendor, replace one with another, remove one, change its locations
 * or the chain it is engaged through, for the affected activities. Announcing it opens one notice per
 * affected agreement; it becomes effective once every window has closed with
 * no open objection and every prior-specific authorisation is granted.
 */
export const subProcessorChanges = sqliteTable(
  "sub_processor_changes",
  {
    id: text("id").primaryKey(),
    kind: text("kind", { enum: CHANGE_KINDS }).notNull(),
    subProcessorId: text("sub_processor_id")
      .notNull()
      .references(() => subProcessors.id, { onDelete: "restrict" }),
    replacesId: text("replaces_id").references(() => subProcessors.id, { onDelete: "restrict" }),
    locations: json<Location[] | null>("locations"),
    transferMechanism: json<TransferMechanism | null>("transfer_mechanism"),
    /** change_chain: the sub-processor that engages this one from then on (null: engaged directly). */
    parentId: text("parent_id").references(() => subProcessors.id, { onDelete: "restrict" }),
    activityIds: json<string[]>("activity_ids").notNull(),
    reason: json<LocalizedText>("reason").notNull(),
    intendedStart: text("intended_start").notNull(),
    status: text("status", { enum: CHANGE_STATUSES }).notNull(),
    announcedAt: text("announced_at"),
    /** The first day work may start: the day after the latest notice's last day. */
    earliestStart: text("earliest_start"),
    effectiveAt: text("effective_at"),
    withdrawnAt: text("withdrawn_at"),
    withdrawalReason: text("withdrawal_reason"),
    reminderQueuedAt: text("reminder_queued_at"),
    /** A retried proposal with the same key returns this change instead of making another. */
    idempotencyKey: text("idempotency_key").unique(),
    requestHash: text("request_hash"),
    ...tracked,
  },
  (t) => [index("sub_processor_changes_status").on(t.status), index("sub_processor_changes_vendor").on(t.subProcessorId)],
);

/**
 * A change of the agreements' terms (e.g. Efficado 1.3: deemed accepted unless
 * the customer objects in writing within 14 days; ClearFacts art. 11: two
 * months' notice). Announcing it opens one notice per agreement it names,
 * each with the window of that agreement's terms-change clock; it takes
 * effect per agreement, for those whose customer did not object in time.
 */
export const termsChanges = sqliteTable(
  "terms_changes",
  {
    id: text("id").primaryKey(),
    /** The version of the terms the agreements move to (shown in the annexes from then on). */
    version: text("version").notNull(),
    summary: json<LocalizedText>("summary").notNull(),
    documents: json<{ title: string; url: string }[]>("documents").notNull(),
    /** The agreements the change is for; the notices name the ones that were active when it was announced. */
    agreementIds: json<string[]>("agreement_ids").notNull(),
    effectiveOn: text("effective_on").notNull(),
    status: text("status", { enum: CHANGE_STATUSES }).notNull(),
    announcedAt: text("announced_at"),
    /** The first day the terms may apply: the day after the latest notice's last day. */
    earliestEffective: text("earliest_effective"),
    effectiveAt: text("effective_at"),
    withdrawnAt: text("withdrawn_at"),
    withdrawalReason: text("withdrawal_reason"),
    ...tracked,
  },
  (t) => [index("terms_changes_status").on(t.status)],
);

/**
 * What one agreement was told about one change: an objection window (clause
 * 7.7 option 2) or an authorisation request (option 1), with its deadline
 * counted from the notice day by the agreement's own clock. `subject` says
 * which kind of change `change_id` names (a sub-processor change or a terms
 * change); the use cases check it exists, as one column cannot carry a
 * foreign key to two tables.
 */
export const changeNotices = sqliteTable(
  "change_notices",
  {
    id: text("id").primaryKey(),
    subject: text("subject", { enum: NOTICE_SUBJECTS }).notNull().default("sub_processor_change"),
    changeId: text("change_id").notNull(),
    agreementId: text("agreement_id")
      .notNull()
      .references(() => agreements.id, { onDelete: "restrict" }),
    customerId: text("customer_id").notNull(),
    kind: text("kind", { enum: NOTICE_KINDS }).notNull(),
    noticeDate: text("notice_date").notNull(),
    lastDay: text("last_day").notNull(),
    /** The first instant after the window: an objection received before it is on time. */
    closesAt: text("closes_at").notNull(),
    timeZone: text("time_zone").notNull(),
    period: json<ClockPeriod>("period").notNull(),
    authorisation: text("authorisation", { enum: NOTICE_AUTHORISATIONS }),
    authorisationDecidedAt: text("authorisation_decided_at"),
    status: text("status", { enum: NOTICE_STATUSES }).notNull(),
    outcome: text("outcome", { enum: NOTICE_OUTCOMES }).notNull(),
    outcomeReason: text("outcome_reason"),
    ...tracked,
  },
  (t) => [
    index("change_notices_change").on(t.changeId, t.status),
    index("change_notices_agreement").on(t.agreementId),
    index("change_notices_closes").on(t.status, t.closesAt),
  ],
);

/** A customer's objection to a change, received against one notice; kept even when late. */
export const objections = sqliteTable(
  "objections",
  {
    id: text("id").primaryKey(),
    noticeId: text("notice_id")
      .notNull()
      .references(() => changeNotices.id, { onDelete: "restrict" }),
    changeId: text("change_id").notNull(),
    agreementId: text("agreement_id").notNull(),
    grounds: text("grounds").notNull(),
    receivedAt: text("received_at").notNull(),
    onTime: integer("on_time", { mode: "boolean" }).notNull(),
    channel: text("channel", { enum: OBJECTION_CHANNELS }).notNull(),
    resolution: text("resolution", { enum: RESOLUTIONS }),
    resolutionReason: text("resolution_reason"),
    resolvedAt: text("resolved_at"),
    resolvedBy: text("resolved_by"),
    ...tracked,
  },
  (t) => [index("objections_notice").on(t.noticeId), index("objections_change").on(t.changeId, t.resolution)],
);
