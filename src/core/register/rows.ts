import { eq, getTableName, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { insertMany } from "../kernel/ports/insert-many.ts";
import { type Db, preparedOn, type Statement, type Store } from "../kernel/ports/store.ts";
import type { LocalizedText } from "../kernel/values/values.ts";

/** Insert a new row (through the store's bulk path where it has one), or overwrite every column of an existing one. */
export function putRow(
  store: Store,
  table: SQLiteTable,
  idColumn: SQLiteColumn,
  row: Record<string, unknown> & { id: string },
  isNew: boolean,
): Statement[] {
  if (isNew) return insertMany(store, table, [row]);
  // biome-ignore lint: each kind passes a row built from its own table's columns
  const values = row as any;
  return [store.db.update(table).set(values).where(eq(idColumn, row.id))];
}

/** A readable name for messages: the first language present. */
export function displayName(text: LocalizedText): string {
  return text.en ?? text.nl ?? text.fr ?? "";
}

/** Rows of optional JSON columns come back as null; the contract says null too. */
export const orNull = <T>(value: T | undefined | null): T | null => value ?? null;

/** An entity's user-given fields: what PATCH merges into. */
export function withoutMeta<E extends { id: string; revision: number; createdAt: string; updatedAt: string; archivedAt?: string | null }>(
  entity: E,
): Omit<E, "id" | "revision" | "createdAt" | "updatedAt" | "archivedAt"> {
  const { id: _id, revision: _r, createdAt: _c, updatedAt: _u, archivedAt: _a, ...input } = entity;
  return input;
}

/** `column` contains `text` literally: % and _ in what a person typed match themselves, not any text. */
export function contains(column: SQLiteColumn, text: string): SQL {
  const escaped = text.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql`${column} like ${`%${escaped}%`} escape '\\'`;
}

/**
 * `column in (…ids)` with the ids bound as one JSON array (placeholder `ids`):
 * one SQL text whatever the number of ids, so the statement is prepared once,
 * and one bound parameter, well under D1's cap.
 */
export const inIds = (column: SQLiteColumn): SQL => sql`${column} in (select value from json_each(${sql.placeholder("ids")}))`;

/** A read prepared once per database and run with `values`; the same rows as building and running it each time. */
export function runPrepared<R>(
  db: Db,
  key: string,
  build: (db: Db) => { all(values: Record<string, unknown>): unknown },
  values: Record<string, unknown>,
): Promise<R[]> {
  return Promise.resolve(preparedOn(db, key, build).all(values) as R[] | Promise<R[]>);
}

/** Every row of `table` whose `id` is among `ids`, in no particular order: one prepared statement per table. */
export function rowsByIds<T extends SQLiteTable>(db: Db, table: T, id: SQLiteColumn, ids: readonly string[]): Promise<T["$inferSelect"][]> {
  return runPrepared(db, `rows-by-id:${getTableName(table)}`, (d) => d.select().from(table).where(inIds(id)).prepare(), {
    ids: JSON.stringify(ids),
  });
}
