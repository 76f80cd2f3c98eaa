import type Database from "better-sqlite3";

/** Distinct SQL texts kept prepared; the register's queries number in the low hundreds. */
const MAX_STATEMENTS = 1_000;

/**
 * Keeps the statements of one connection prepared, by SQL text. Drizzle
 * prepares every query it runs, and preparing costs more than running most
 * of the register's queries; with this, a query text is compiled once.
 * A statement handed out again is first reset to return plain rows (Drizzle
 * switches statements to raw rows and back as it needs), and is used at once:
 * better-sqlite3 runs it synchronously, so no two callers share it at a time.
 * SQLite prepares a kept statement again by itself after a schema change.
 */
export function keepStatementsPrepared(sqlite: Database.Database): void {
  const prepare = sqlite.prepare.bind(sqlite);
  const kept = new Map<string, Database.Statement>();
  sqlite.prepare = ((source: string) => {
    let statement = kept.get(source);
    if (statement) {
      kept.delete(source); // re-inserted below: the map's order is least recently used first
      if (statement.reader) statement.pluck(false).expand(false).raw(false);
    } else {
      statement = prepare(source);
      if (kept.size >= MAX_STATEMENTS) kept.delete(kept.keys().next().value as string);
    }
    kept.set(source, statement);
    return statement;
  }) as typeof sqlite.prepare;
}
