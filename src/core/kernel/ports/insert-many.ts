import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Statement, Store } from "./store.ts";

/**
 * Multi-row INSERTs for many rows of one table, each statement within the
 * store's bound-parameter limit (D1 allows 100 per query). One row per
 * statement would make announcing to thousands of agreements slow.
 */
export function insertMany<R extends Record<string, unknown>>(store: Store, table: SQLiteTable, rows: R[]): Statement[] {
  if (rows.length === 0) return [];
  if (store.bulkInsert) return store.bulkInsert(table, rows);
  const columns = Object.keys(rows[0] as object).length;
  const perStatement = Math.max(1, Math.floor(store.maxBoundParameters / Math.max(1, columns)));
  const statements: Statement[] = [];
  for (let start = 0; start < rows.length; start += perStatement) {
    // biome-ignore lint: rows are built from the table's own insert type by the caller
    statements.push(store.db.insert(table).values(rows.slice(start, start + perStatement) as any));
  }
  return statements;
}
