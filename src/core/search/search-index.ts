import { count, inArray, type SQL, sql } from "drizzle-orm";
import type { Ctx } from "../kernel/context.ts";
import type { Statement } from "../kernel/ports/store.ts";
import type { SearchKind } from "./search-kinds.ts";
import { searchEntries, searchIndex, searchPending } from "./search-tables.ts";

/** The text values of a JSON column (a LocalizedText, a list of them, a contact), space-separated. */
const texts = (column: string) => `coalesce((select group_concat(value, ' ') from json_tree(r.${column}) where type = 'text'), '')`;
/** A LocalizedText's first language present, for the label. */
const first = (column: string) =>
  `coalesce(json_extract(r.${column}, '$.en'), json_extract(r.${column}, '$.nl'), json_extract(r.${column}, '$.fr'), '')`;
const joined = (...parts: string[]) => parts.join(" || ' ' || ");

/** What each kind of record is found by (title, body) and shown as (label); `r` is its row. */
const INDEXED: Record<SearchKind, { table: string; label: string; title: string; body: string }> = {
  customer: {
    table: "customers",
    label: "r.legal_name",
    title: "r.legal_name",
    body: joined("coalesce(r.reference, '')", "coalesce(r.company_number, '')", texts("contact")),
  },
  agreement: {
    table: "agreements",
    label: "r.reference",
    title: "r.reference",
    body: joined("coalesce((select legal_name from customers where id = r.customer_id), '')", "r.version"),
  },
  sub_processor: {
    table: "sub_processors",
    label: "r.legal_name",
    title: "r.legal_name",
    body: joined("coalesce(r.reference, '')", texts("service"), texts("processing_description")),
  },
  activity: {
    table: "processing_activities",
    label: first("name"),
    title: texts("name"),
    body: joined(texts("purposes"), texts("subject_matter"), texts("nature")),
  },
  data_category: { table: "data_categories", label: first("name"), title: texts("name"), body: texts("description") },
  subject_category: { table: "subject_categories", label: first("name"), title: texts("name"), body: texts("description") },
  security_measure: { table: "security_measures", label: first("title"), title: texts("title"), body: texts("description") },
};

const pendingOf = (kind: string): SQL => sql`(select entity_id from search_pending where kind = ${kind})`;

/**
 * Takes the queue of changed records (search_pending, filled by triggers on every write) into the
 * index, in one atomic unit of set-wise statements whatever its length: each queued record's old
 * entry goes, its current row (if it still exists) is indexed again, and the queue is emptied.
 * Indexing here rather than in each write keeps the audited write as cheap as before the index.
 */
export async function refreshSearchIndex(ctx: Ctx): Promise<void> {
  const db = ctx.store.db;
  const [pending] = await db.select({ n: count() }).from(searchPending);
  if (!pending || pending.n === 0) return;
  const queued = sql`(select entity_id from search_pending)`;
  const statements: Statement[] = [
    db.delete(searchIndex).where(sql`rowid in (select rowid from search_entries where entity_id in ${queued})`),
    db.delete(searchEntries).where(inArray(searchEntries.entityId, queued)),
  ];
  for (const [kind, spec] of Object.entries(INDEXED)) {
    const rows = sql.raw(`"${spec.table}" r`);
    statements.push(
      db.insert(searchEntries).select(
        db
          .select({
            // A new rowid for each (insert-select names every column, in the table's order).
            rowid: sql`null`.as("rowid"),
            kind: sql`${kind}`.as("kind"),
            entityId: sql`r.id`.as("entity_id"),
            label: sql.raw(spec.label).as("label"),
          })
          .from(rows)
          .where(sql`r.id in ${pendingOf(kind)}`),
      ),
      db.insert(searchIndex).select(
        db
          .select({ rowid: sql`e.rowid`.as("rowid"), title: sql.raw(spec.title).as("title"), body: sql.raw(spec.body).as("body") })
          .from(sql`${rows} join search_entries e on e.entity_id = r.id`)
          .where(sql`r.id in ${pendingOf(kind)}`),
      ),
    );
  }
  statements.push(db.delete(searchPending));
  await ctx.store.atomic(statements);
}
