import type { BatchItem } from "drizzle-orm/batch";
import type { BaseSQLiteDatabase, SQLiteTable } from "drizzle-orm/sqlite-core";
import type * as schema from "../../../../db/schema.ts";

/**
 * A Drizzle database over either driver: better-sqlite3 ("sync") or D1
 * ("async"). Core code only builds queries and awaits reads, which behave the
 * same on both.
 */
export type Db = BaseSQLiteDatabase<"sync" | "async", unknown, typeof schema>;

/** A write statement built with `Store.db`, not yet run. */
export type Statement = BatchItem<"sqlite">;

/**
 * The one way to write. D1 has no interactive transactions, so every write is
 * a fixed list of statements that commit together or not at all: `batch` on
 * D1, one `BEGIN IMMEDIATE` transaction on better-sqlite3. Constraint
 * failures surface as AppError("conflict").
 */
export interface Store {
  readonly db: Db;
  /** Most bound parameters one statement may carry (D1 allows 100), for splitting multi-row inserts. */
  readonly maxBoundParameters: number;
  atomic(statements: Statement[]): Promise<void>;
  /**
   * Optional fast path for many rows of one table, as statements for `atomic`.
   * Without it, callers build chunked multi-row INSERTs (insert-many.ts).
   */
  bulkInsert?(table: SQLiteTable, rows: Record<string, unknown>[]): Statement[];
  /**
   * Optional counters that move whenever something may have been committed:
   * `ownWrites` by this process (free to read), `othersCommits` by any other
   * connection, such as the CLI on the same file (a lock round trip, so read
   * once per request). Reads remembered under them (kernel/remembered.ts)
   * stay valid while both hold. Without them (D1 cannot tell cheaply), nothing
   * is remembered.
   */
  changeCounters?: { ownWrites(): number; othersCommits(): number };
}

const preparedByDb = new WeakMap<Db, Map<string, unknown>>();

/**
 * A read statement built and prepared once per database, then run with
 * `sql.placeholder` values: hot reads skip Drizzle's query building and the
 * driver's statement preparation. `key` names the statement; it must stand
 * for one fixed SQL text (vary it with whatever changes the query).
 * better-sqlite3 prepares at once; D1 binds a fresh copy on each run, so one
 * prepared statement serves concurrent requests on either driver.
 */
export function preparedOn<P>(db: Db, key: string, build: (db: Db) => P): P {
  let cache = preparedByDb.get(db);
  if (!cache) {
    cache = new Map();
    preparedByDb.set(db, cache);
  }
  let statement = cache.get(key) as P | undefined;
  if (statement === undefined) {
    statement = build(db);
    cache.set(key, statement);
  }
  return statement;
}
