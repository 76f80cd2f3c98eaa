import { closeSync, existsSync, fsyncSync, linkSync, openSync, renameSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { drizzle } from "drizzle-orm/better-sqlite3";
import * as schema from "../../../db/schema.ts";
import type { Db, Store } from "../../core/kernel/ports/store.ts";

/**
 * Whole-file operations on a register's SQLite database, for backup and
 * restore: a consistent online copy, the file checks, and putting a
 * database in place atomically. A database is one file plus, in WAL mode,
 * its -wal and -shm files: they always move together.
 */
export const companions = (path: string): string[] => [`${path}-wal`, `${path}-shm`, `${path}-journal`];

/**
 * A consistent copy of a live database: VACUUM INTO reads in one
 * transaction, so the copy holds every commit made before it started and
 * none after, while writers carry on (WAL readers block no one). The copy
 * is synced to disk (SQLite does not sync it) before this returns.
 */
export function copyDatabase(source: Database.Database, target: string): void {
  source.prepare("VACUUM INTO ?").run(target);
  fsyncPath(target);
}

/** What `PRAGMA integrity_check` and `foreign_key_check` find wrong with a database file; empty when it is sound. */
export function fileProblems(path: string): string[] {
  let sqlite: Database.Database;
  try {
    sqlite = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    return [`it cannot be opened as a SQLite database (${(error as Error).message})`];
  }
  try {
    const integrity = sqlite.pragma("integrity_check", { simple: false }) as { integrity_check: string }[];
    const problems = integrity.map((row) => row.integrity_check).filter((line) => line !== "ok");
    const dangling = sqlite.pragma("foreign_key_check") as { table: string; rowid: number; parent: string }[];
    problems.push(
      ...dangling.slice(0, 10).map((row) => `a row of ${row.table} (rowid ${row.rowid}) refers to a missing row of ${row.parent}`),
    );
    return problems;
  } catch (error) {
    return [`it cannot be read as a SQLite database (${(error as Error).message})`];
  } finally {
    sqlite.close();
  }
}

/** A register database opened read-only, for checks that must not touch the file (a backup). */
export function openReadonlyStore(path: string): Store & { close(): void } {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  return {
    db: drizzle(sqlite, { schema }) as unknown as Db,
    maxBoundParameters: 32_766,
    atomic: () => Promise.reject(new Error(`${path} is open read-only.`)),
    close: () => sqlite.close(),
  };
}

export type Occupancy = "absent" | "in-use" | "free";

/**
 * Whether another connection has the database open. Leaving WAL mode needs
 * the only connection, so it fails while the service (or anyone) has the
 * file open; when it succeeds the WAL has been folded into the file and the
 * database is one file, safe to move. Call only on a database about to be
 * replaced: it leaves the file in rollback-journal mode (the service turns
 * WAL on again when it opens it).
 */
export function takeOver(path: string): Occupancy {
  if (!existsSync(path)) return "absent";
  const sqlite = new Database(path, { fileMustExist: true });
  try {
    sqlite.pragma("busy_timeout = 0");
    const mode = sqlite.pragma("journal_mode = DELETE", { simple: true });
    return mode === "delete" ? "free" : "in-use";
  } catch (error) {
    if ((error as { code?: string }).code === "SQLITE_BUSY") return "in-use";
    throw error;
  } finally {
    sqlite.close();
  }
}

/**
 * Puts `replacement` (a synced file in the same directory) at `target`
 * atomically: at every instant `target` names either the old database or the
 * new one. The old one (with any -wal/-shm left) is kept under `aside`.
 */
export function replaceDatabase(target: string, replacement: string, aside: string): { kept: string[] } {
  const kept: string[] = [];
  for (const companion of companions(target)) {
    if (existsSync(companion)) {
      // A stale WAL beside the new file would be replayed into it: it goes aside with its database.
      renameSync(companion, `${aside}${companion.slice(target.length)}`);
      kept.push(`${aside}${companion.slice(target.length)}`);
    }
  }
  if (existsSync(target)) {
    try {
      linkSync(target, aside);
    } catch {
      renameSync(target, aside);
    }
    kept.unshift(aside);
  }
  renameSync(replacement, target);
  fsyncPath(dirname(target));
  return { kept };
}

/** Flushes a file (or a directory, after a rename) to disk. */
export function fsyncPath(path: string): void {
  const fd = openSync(path, "r");
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Removes a database file and its companions (a temporary copy that failed its checks). */
export function removeDatabase(path: string): void {
  for (const file of [path, ...companions(path)]) rmSync(file, { force: true });
}
