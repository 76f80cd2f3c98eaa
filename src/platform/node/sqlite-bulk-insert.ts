import type Database from "better-sqlite3";
import { getTableColumns, getTableName } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import type { Statement } from "../../core/kernel/ports/store.ts";

const BULK_ROWS = Symbol("bulk rows");

interface BulkInsert {
  [BULK_ROWS]: { table: SQLiteTable; rows: Record<string, unknown>[] };
}

/**
 * Many rows of one table as one statement for `atomic`: a single-row INSERT
 * prepared once and run per row inside the caller's transaction. Building the
 * same rows through Drizzle's query builder cost about twice what SQLite
 * itself spends when announcing to 10,000 agreements. Values are encoded by
 * each column's own Drizzle mapping (JSON columns, booleans), so rows are
 * stored exactly as the query builder would store them.
 */
export function bulkInsertStatement(sqlite: Database.Database, table: SQLiteTable, rows: Record<string, unknown>[]): Statement {
  const statement = {
    [BULK_ROWS]: { table, rows },
    run() {
      const { sql, columns } = insertFor(table, rows[0] ?? {});
      const insert = sqlite.prepare(sql);
      for (const row of rows) {
        insert.run(
          columns.map(([key, column]) => {
            const value = row[key];
            return value === undefined || value === null ? null : column.mapToDriverValue(value);
          }),
        );
      }
    },
    toSQL: () => ({ sql: insertFor(table, rows[0] ?? {}).sql, params: [] }),
  };
  // atomic() only calls run() (and tests read toSQL()); this is not a Drizzle query.
  return statement as unknown as Statement;
}

type Column = ReturnType<typeof getTableColumns>[string];
interface Insert {
  sql: string;
  columns: Array<[key: string, column: Column]>;
}

/** Per table, the INSERT for each set of keys its rows have: built on first use (a service thread that only hands rows over never builds it). */
const inserts = new WeakMap<SQLiteTable, Map<string, Insert>>();

function insertFor(table: SQLiteTable, firstRow: Record<string, unknown>): Insert {
  let byKeys = inserts.get(table);
  if (!byKeys) {
    byKeys = new Map();
    inserts.set(table, byKeys);
  }
  const keys = Object.keys(firstRow).join(",");
  let insert = byKeys.get(keys);
  if (!insert) {
    const columns = Object.entries(getTableColumns(table)).filter(([key]) => key in firstRow);
    const sql = `insert into "${getTableName(table)}" (${columns.map(([, c]) => `"${c.name}"`).join(", ")}) values (${columns.map(() => "?").join(", ")})`;
    insert = { sql, columns };
    byKeys.set(keys, insert);
  }
  return insert;
}

/** The table and rows of a statement made by bulkInsertStatement, else undefined. */
export function bulkRowsOf(statement: Statement): BulkInsert[typeof BULK_ROWS] | undefined {
  return (statement as Partial<BulkInsert>)[BULK_ROWS];
}
