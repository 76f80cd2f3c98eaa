import type Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import * as schema from "../../../db/schema.ts";
import type { Db, Store } from "../../core/kernel/ports/store.ts";
import { bulkInsertStatement } from "./sqlite-bulk-insert.ts";
import { commitCounter } from "./sqlite-commit-counter.ts";
import { openSqlite, SQLITE_MAX_VARIABLES } from "./sqlite-connection.ts";
import { groupCommit } from "./group-commit.ts";
import { keepStatementsPrepared } from "./sqlite-statement-cache.ts";
import { startWriterThread } from "./sqlite-writer.ts";

export const MIGRATIONS_FOLDER = new URL("../../../db/migrations", import.meta.url).pathname;

/**
 * The writer thread's entry, beside this module: the .ts source when the
 * service runs from src/, the bundle's second entry point (named alike by
 * scripts/build-server.ts) when it runs from dist/node/server/.
 */
const WRITER_THREAD_ENTRY = new URL(`./sqlite-writer-thread${import.meta.url.endsWith(".ts") ? ".ts" : ".js"}`, import.meta.url);

export interface SqliteStore extends Store {
  readonly sqlite: Database.Database;
  close(): void;
}

export interface SqliteStoreOptions {
  /**
   * Write on a thread of its own (sqlite-writer.ts), as the service does, so
   * its event loop never waits for a commit. Ignored in memory, where only
   * this connection sees the database. Off by default: the CLI and scripts
   * write a few units and exit.
   */
  writerThread?: boolean;
}

/** The Store port over better-sqlite3, migrated to the latest schema. */
export function createSqliteStore(path: string, options: SqliteStoreOptions = {}): SqliteStore {
  const sqlite = openSqlite(path);
  keepStatementsPrepared(sqlite);
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
  const writer = options.writerThread && path !== ":memory:" ? startWriterThread(path, WRITER_THREAD_ENTRY) : undefined;
  // This process's writes: total_changes() of this connection, plus the batches the writer thread
  // has answered; the commit counter moves when any other connection commits.
  const ownChanges = sqlite.prepare("select total_changes()").pluck();
  const commits = commitCounter(sqlite, path);
  const store: SqliteStore = {
    sqlite,
    db: db as unknown as Db,
    maxBoundParameters: SQLITE_MAX_VARIABLES,
    atomic: (statements) => (statements.length === 0 ? Promise.resolve() : write(statements)),
    bulkInsert: (table, rows) => [bulkInsertStatement(sqlite, table, rows)],
    changeCounters: {
      ownWrites: () => (ownChanges.get() as number) + (writer?.commits() ?? 0),
      othersCommits: () => commits.read(),
    },
    close: () => {
      writer?.close();
      commits.close();
      sqlite.close();
    },
  };
  // Units commit in shared BEGIN IMMEDIATE transactions (group-commit.ts): the write lock is taken
  // before the first statement, so another process's writer waits (busy_timeout) rather than failing half-way.
  const write = writer ? writer.write : groupCommit(sqlite, store);
  return store;
}
