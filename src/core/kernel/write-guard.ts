import { and, eq, type SQL, sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { writeGuards } from "../../../db/schema.ts";
import type { Db, Statement } from "./ports/store.ts";

/**
 * A statement that makes the atomic unit fail unless the row still has the
 * revision the use case read: a concurrent edit then yields a conflict instead
 * of an audit entry whose "before" is wrong. See db/schema.ts writeGuards.
 */
export function guardRow(
  db: Db,
  row: { table: SQLiteTable; id: SQLiteColumn; revision: SQLiteColumn },
  id: string,
  revision: number,
): Statement {
  return db.insert(writeGuards).select(
    db
      .select({ ok: sql<number>`count(*)`.as("ok") })
      .from(row.table)
      .where(and(eq(row.id, id), eq(row.revision, revision))),
  );
}

/** A statement that makes the atomic unit fail unless `count` (a SQL count) still equals `expected`. */
export function guardCount(db: Db, count: SQL, expected: number): Statement {
  return db.insert(writeGuards).select(db.select({ ok: sql<number>`${count} = ${expected}`.as("ok") }).from(sql`(select 1)`));
}

/** The last statement of a guarded unit: guard rows never outlive it. */
export function clearGuards(db: Db): Statement {
  return db.delete(writeGuards);
}
