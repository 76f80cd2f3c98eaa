import { getTableColumns, getTableName } from "drizzle-orm";
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from "drizzle-orm/sqlite-core";
import * as schema from "../../../db/schema.ts";
import { SCHEMA_TABLES } from "../../../db/tables.ts";

/**
 * The tables a register export holds, in an order where every table comes
 * after the tables its foreign keys refer to, with each column as SQLite
 * stores it. Derived from db/schema.ts, so a new table or column is exported
 * (and checked on import) without a change here; a new column type fails
 * loudly below until the format says how it is written.
 */
export type ColumnKind = "text" | "json" | "integer" | "boolean";

export interface ColumnSpec {
  /** The SQL column name: rows in the file are keyed by it. */
  name: string;
  /** Drizzle's key for the column (for building inserts). */
  key: string;
  kind: ColumnKind;
  notNull: boolean;
}

export interface TableSpec {
  name: string;
  table: SQLiteTable;
  columns: ColumnSpec[];
  /** The primary key's columns: rows are exported in this order, the same on every runtime. */
  orderBy: string[];
  /** A column referring to the same table (a sub-processor's parent): parents are inserted first. */
  selfReference: { column: string; target: string } | null;
}

/**
 * Sessions end with the move (people sign in again); write guards never
 * outlive a unit; verification runs record checks of one database (the
 * import verifies and records its own), and would make two exports of the
 * same register differ.
 */
const LEFT_OUT: ReadonlySet<unknown> = new Set([schema.sessions, schema.writeGuards, schema.verificationRuns]);

const KINDS: Record<string, ColumnKind> = {
  SQLiteText: "text",
  SQLiteTextJson: "json",
  SQLiteInteger: "integer",
  SQLiteBoolean: "boolean",
};

function columnSpec(table: string, key: string, column: SQLiteColumn): ColumnSpec {
  const kind = KINDS[column.columnType];
  if (!kind)
    throw new Error(
      `The register export does not handle ${table}.${column.name} (${column.columnType}) yet: decide how it is written in src/core/register-transfer/register-tables.ts.`,
    );
  return { name: column.name, key, kind, notNull: column.notNull };
}

function tableSpec(table: SQLiteTable): TableSpec {
  const name = getTableName(table);
  const config = getTableConfig(table);
  const columns = Object.entries(getTableColumns(table)).map(([key, column]) => columnSpec(name, key, column as SQLiteColumn));
  const composite = config.primaryKeys[0]?.columns.map((c) => c.name);
  const single = Object.values(getTableColumns(table))
    .filter((c) => c.primary)
    .map((c) => c.name);
  const orderBy = composite ?? (single.length > 0 ? single : columns.map((c) => c.name));
  const self = config.foreignKeys.map((fk) => fk.reference()).find((ref) => ref.foreignTable === table);
  const selfReference = self ? { column: self.columns[0]?.name ?? "", target: self.foreignColumns[0]?.name ?? "" } : null;
  return { name, table, columns, orderBy, selfReference };
}

/** Tables ordered so each comes after the tables its foreign keys refer to: rows can be inserted in this order. */
export function referencedFirst(tables: SQLiteTable[]): SQLiteTable[] {
  const ordered: SQLiteTable[] = [];
  const visit = (table: SQLiteTable) => {
    if (ordered.includes(table)) return;
    for (const key of getTableConfig(table).foreignKeys) {
      const target = key.reference().foreignTable;
      if (target !== table) visit(target);
    }
    ordered.push(table);
  };
  tables.forEach(visit);
  return ordered;
}

// By name first: a module namespace lists its exports alphabetically on Node but in source order once bundled for a Worker.
export const EXPORTED_TABLES: readonly TableSpec[] = referencedFirst(
  SCHEMA_TABLES.filter((t) => !LEFT_OUT.has(t)).sort((a, b) => (getTableName(a) < getTableName(b) ? -1 : 1)),
).map(tableSpec);

export const TABLE_NAMES: ReadonlySet<string> = new Set(EXPORTED_TABLES.map((t) => t.name));

export const tableSpecOf = (name: string): TableSpec | undefined => EXPORTED_TABLES.find((t) => t.name === name);
