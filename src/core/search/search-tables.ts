import { integer, sqliteTable, text } from "drizzle-orm/sqlite-core";

// The search index's tables (migration 0016), declared here rather than in db/schema: they hold
// derived data, which the register's snapshots, exports and verification leave out, and drizzle-kit
// cannot describe the FTS5 table. Only the search feature reads or writes them.

/** Each indexed record's integer key in the index, and the label a result shows. */
export const searchEntries = sqliteTable("search_entries", {
  rowid: integer("rowid").primaryKey(),
  kind: text("kind").notNull(),
  entityId: text("entity_id").notNull(),
  label: text("label").notNull(),
});

/** Records changed since the index last took them in (filled by triggers on every write). */
export const searchPending = sqliteTable("search_pending", {
  entityId: text("entity_id").primaryKey(),
  kind: text("kind").notNull(),
});

/** The FTS5 (trigram) index, keyed by search_entries.rowid. */
export const searchIndex = sqliteTable("search_index", {
  rowid: integer("rowid"),
  title: text("title"),
  body: text("body"),
});
