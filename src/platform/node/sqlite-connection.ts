import Database from "better-sqlite3";

/** SQLite's default SQLITE_MAX_VARIABLE_NUMBER since 3.32. */
export const SQLITE_MAX_VARIABLES = 32_766;

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
