import type Database from "better-sqlite3";
import { getTableName } from "drizzle-orm";
import { SCHEMA_TABLES } from "../../../db/tables.ts";
import { type AuditRow, auditRowsOf, auditRowsStatement } from "../../core/kernel/audit/audit-chain.ts";
import type { Statement } from "../../core/kernel/ports/store.ts";
import { bulkInsertStatement, bulkRowsOf } from "./sqlite-bulk-insert.ts";

/**
 * A write statement as plain data, so a unit can be handed to the writer
 * thread (sqlite-writer-thread.ts) by structured clone: a Drizzle query as
 * its SQL and bound values, bulk rows and audit rows as the rows themselves
 * (encoded and, for the audit trail, linked and hashed on the writer's side).
 */
export type WriteStep =
  | { kind: "sql"; sql: string; params: unknown[] }
  | { kind: "rows"; table: string; rows: Record<string, unknown>[] }
  | { kind: "audit"; rows: AuditRow[] };

export function toWriteStep(statement: Statement): WriteStep {
  const audit = auditRowsOf(statement);
  if (audit) return { kind: "audit", rows: audit };
  const bulk = bulkRowsOf(statement);
  if (bulk) return { kind: "rows", table: getTableName(bulk.table), rows: bulk.rows };
  // Drizzle's toSQL() is what its better-sqlite3 session binds: values already encoded per column.
  const { sql, params } = (statement as unknown as { toSQL(): { sql: string; params: unknown[] } }).toSQL();
  return { kind: "sql", sql, params };
}

const tablesByName = new Map(SCHEMA_TABLES.map((t) => [getTableName(t), t]));

/** The step as a statement that runs on `sqlite` (the writer's connection). */
export function fromWriteStep(sqlite: Database.Database, step: WriteStep): Statement {
  switch (step.kind) {
    case "audit":
      return auditRowsStatement(step.rows);
    case "rows": {
      const table = tablesByName.get(step.table);
      if (!table) throw new Error(`no table named ${step.table}`);
      return bulkInsertStatement(sqlite, table, step.rows);
    }
    case "sql":
      return { run: () => sqlite.prepare(step.sql).run(step.params) } as unknown as Statement;
  }
}
