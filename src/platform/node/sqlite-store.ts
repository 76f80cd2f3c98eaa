import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "../../../db/schema.ts";
import type { Db, Statement, Store } from "../../core/kernel/ports/store.ts";
import { bulkInsertStatement } from "./sqlite-bulk-insert.ts";
import { CHAIN_RETRIES, linkAuditRows, lostChainRace } from "../../core/kernel/audit/audit-chain.ts";
import { translateConstraintError } from "../constraint-errors.ts";

export const MIGRATIONS_FOLDER = new URL("../../../db/migrations", import.meta.url).pathname;

/** SQLite's default SQLITE_MAX_VARIABLE_NUMBER since 3.32. */
const SQLITE_MAX_VARIABLES = 32_766;

/** A statement built by a better-sqlite3 Drizzle instance runs synchronously. */
type SyncStatement = Statement & { run(): unknown };

/**
 * Opens (creating if needed) a SQLite database configured not to lose
 * committed writes: WAL with synchronous=FULL (WAL's usual NORMAL may drop the
 * last commits on power loss), foreign keys enforced, and a busy timeout so
 * concurrent writers wait instead of failing.
 */
export function openSqlite(path: string): Database.Database {
  const sqlite = new Database(path);
  if (path !== ":memory:") sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = FULL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  return sqlite;
}

export interface SqliteStore extends Store {
  readonly sqlite: Database.Database;
  close(): void;
}

/** The Store port over better-sqlite3, migrated to the latest schema. */
export function createSqliteStore(path: string): SqliteStore {
  const sqlite = openSqlite(path);
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  // BEGIN IMMEDIATE takes the write lock before the first statement, so a
  // second writer waits (busy_timeout) rather than failing half-way.
  const runAll = sqlite.transaction((statements: SyncStatement[]) => {
    for (const statement of statements) statement.run();
  });
  async function writeLinked(statements: Statement[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      // Linked to the chain's head as it is now; a process that got there first makes this fail, and it is linked again.
      const linked = await linkAuditRows(store, statements);
      try {
        runAll.immediate(linked as SyncStatement[]);
        return;
      } catch (error) {
        if (attempt < CHAIN_RETRIES && lostChainRace(error)) continue;
        translateConstraintError(error);
      }
    }
  }
  let queue: Promise<void> = Promise.resolve();
  const store: SqliteStore = {
    sqlite,
    db: db as unknown as Db,
    maxBoundParameters: SQLITE_MAX_VARIABLES,
    atomic(statements) {
      if (statements.length === 0) return Promise.resolve();
      // Units of this process take the head of the chain in turn; only another process can race it.
      const run = queue.then(() => writeLinked(statements));
      queue = run.catch(() => {});
      return run;
    },
    bulkInsert: (table, rows) => [bulkInsertStatement(sqlite, table, rows)],
    close: () => sqlite.close(),
  };
  return store;
}
