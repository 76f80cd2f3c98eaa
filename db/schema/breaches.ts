// The register of personal data breaches (Art. 33(5)): what happened, what it involved, what was
// done, and whom the processor notified (Art. 33(2)).
import { index, integer, sqliteTable, text } from "drizzle-orm/sqlite-core";
import { json, tracked } from "./columns.ts";

/** A follow-up sent to the customers notified of a breach, as information comes in (Art. 33(4)). */
export interface BreachUpdate {
  at: string;
  text: string;
}

export const breaches = sqliteTable(
  "breaches",
  {
    id: text("id").primaryKey(),
    summary: text("summary").notNull(),
    discoveredAt: text("discovered_at").notNull(),
    occurredAt: text("occurred_at"),
    activityIds: json<string[]>("activity_ids").notNull(),
    subProcessorIds: json<string[]>("sub_processor_ids").notNull(),
    dataCategoryIds: json<string[]>("data_category_ids").notNull(),
    subjectCategoryIds: json<string[]>("subject_category_ids").notNull(),
    approxSubjects: integer("approx_subjects"),
    approxRecords: integer("approx_records"),
    likelyConsequences: text("likely_consequences").notNull(),
    measuresTaken: text("measures_taken").notNull(),
    /** The agreements it affects, found from the activities and sub-processors involved when it was recorded. */
    affectedAgreementIds: json<string[]>("affected_agreement_ids").notNull(),
    notifiedAt: text("notified_at"),
    updates: json<BreachUpdate[]>("updates").notNull(),
    ...tracked,
  },
  (t) => [index("breaches_discovered").on(t.discoveredAt)],
);
