import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "../../../db/schema.ts";
import type { Db, Store } from "../../core/kernel/ports/store.ts";
import { bulkInsertStatement } from "./sqlite-bulk-insert.ts";
import { commitCounter } from "./sqlite-commit-counter.ts";
import { groupCommit } from "./group-commit.ts";
import { keepStatementsPrepared } from "./sqlite-statement-cache.ts";

export const MIGRATIONS_FOLDER = new URL("../../../db/migrations", import.meta.url).pathname;

/** SQLite's default SQLITE_MAX_VARIABLE_NUMBER since 3.32. */
const SQLITE_MAX_VARIABLES = 32_766;

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
  keepStatementsPrepared(sqlite);
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  // total_changes() counts this connection's writes; the commit counter moves when any connection commits.
  const ownChanges = sqlite.prepare("select total_changes()").pluck();
  const commits = commitCounter(sqlite, path);
  const store: SqliteStore = {
    sqlite,
    db: db as unknown as Db,
    maxBoundParameters: SQLITE_MAX_VARIABLES,
    atomic: (statements) => (statements.length === 0 ? Promise.resolve() : write(statements)),
    bulkInsert: (table, rows) => [bulkInsertStatement(sqlite, table, rows)],
    changeCounters: { ownWrites: () => ownChanges.get() as number, othersCommits: () => commits.read() },
    close: () => {
      commits.close();
      sqlite.close();
    },
  };
  // Units commit in shared BEGIN IMMEDIATE transactions (group-commit.ts): the write lock is taken
  // before the first statement, so another process's writer waits (busy_timeout) rather than failing half-way.
  const write = groupCommit(sqlite, store);
  return store;
}
