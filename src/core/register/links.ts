import { asc, eq, getTableName } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { insertMany } from "../kernel/ports/insert-many.ts";
import type { Db, Statement, Store } from "../kernel/ports/store.ts";
import { inIds, runPrepared } from "./rows.ts";

/** A many-to-many link table, ordered by `position` so lists keep the order the user gave. */
export interface LinkTable {
  table: SQLiteTable;
  owner: SQLiteColumn;
  /** Property name of `owner` in selected rows, e.g. "activityId". */
  ownerKey: string;
  position: SQLiteColumn;
}

/** Statements replacing every link of `ownerId` with `rows` (already carrying owner and target). */
export function replaceLinks(store: Store, link: LinkTable, ownerId: string, rows: Record<string, unknown>[], isNew: boolean): Statement[] {
  const statements: Statement[] = [];
  if (!isNew) statements.push(store.db.delete(link.table).where(eq(link.owner, ownerId)));
  statements.push(
    ...insertMany(
      store,
      link.table,
      rows.map((row, position) => ({ ...row, position })),
    ),
  );
  return statements;
}

/** Link rows of many owners at once, grouped by owner id, in position order. */
export async function loadLinks<R extends Record<string, unknown>>(db: Db, link: LinkTable, ownerIds: string[]): Promise<Map<string, R[]>> {
  const grouped = new Map<string, R[]>();
  if (ownerIds.length === 0) return grouped;
  const rows = await runPrepared<R>(
    db,
    `links:${getTableName(link.table)}:${link.ownerKey}`,
    (d) => d.select().from(link.table).where(inIds(link.owner)).orderBy(asc(link.position)).prepare(),
    { ids: JSON.stringify(ownerIds) },
  );
  for (const row of rows) {
    const key = row[link.ownerKey] as string;
    const list = grouped.get(key) ?? [];
    list.push(row);
    grouped.set(key, list);
  }
  return grouped;
}

/** Rows in the order of `ids`, dropping ids that have no row. */
export function inOrder<T extends { id: string }>(ids: string[], rows: T[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => byId.get(id)).filter((r): r is T => r !== undefined);
}
