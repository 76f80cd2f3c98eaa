import { max, sql } from "drizzle-orm";
import type { SQLiteTable } from "drizzle-orm/sqlite-core";
import {
  activities,
  activityDataCategories,
  activitySecurityMeasures,
  activitySubjectCategories,
  agreementActivities,
  agreements,
  auditEntries,
  customers,
  dataCategories,
  organisation,
  securityMeasures,
  subjectCategories,
  subProcessorActivities,
  subProcessorChanges,
  subProcessors,
} from "../../../db/schema.ts";
import { auditRowsStatement } from "../kernel/audit/audit-chain.ts";
import type { AuditRow } from "../kernel/audit/audit-statement.ts";
import { AppError } from "../kernel/errors.ts";
import type { Statement, Store } from "../kernel/ports/store.ts";
import { insertMany } from "../kernel/ports/insert-many.ts";
import { clearGuards, guardCount } from "../kernel/write-guard.ts";

/**
 * What the register's use cases read when they check new rows, each table
 * after the ones its foreign keys name. Audit entries, users, exports and
 * notices are not copied: no check of a new entity reads them.
 */
const COPIED: SQLiteTable[] = [
  organisation,
  dataCategories,
  subjectCategories,
  securityMeasures,
  activities,
  activitySubjectCategories,
  activityDataCategories,
  activitySecurityMeasures,
  subProcessors,
  subProcessorActivities,
  customers,
  agreements,
  agreementActivities,
  subProcessorChanges,
];

/** The register as copied: the head of its audit trail and every copied row. */
export interface Baseline {
  seq: number;
  rows: Map<SQLiteTable, Set<string>>;
}

type Row = Record<string, unknown>;

const rowKey = (row: Row) => JSON.stringify(row);

/** Sub-processors before those they engage, so every chunk of an insert finds its parents. */
function parentsFirst(table: SQLiteTable, rows: Row[]): Row[] {
  if (table !== subProcessors) return rows;
  const byId = new Map(rows.map((r) => [r.id as string, r]));
  const ordered: Row[] = [];
  const placed = new Set<string>();
  const place = (row: Row, depth: number) => {
    const id = row.id as string;
    if (placed.has(id)) return;
    const parent = byId.get(row.parentId as string);
    if (parent && depth < rows.length) place(parent, depth + 1);
    placed.add(id);
    ordered.push(row);
  };
  for (const row of rows) place(row, 0);
  return ordered;
}

async function headSeq(store: Store): Promise<number> {
  const [row] = await store.db.select({ seq: max(auditEntries.seq) }).from(auditEntries);
  return row?.seq ?? 0;
}

/** Loads `scratch` with the register of `real`; the baseline tells later what the import added. */
export async function copyRegister(real: Store, scratch: Store): Promise<Baseline> {
  // Read first: a write during the copy moves the head, and the commit's guard then refuses.
  const seq = await headSeq(real);
  const rows = new Map<SQLiteTable, Set<string>>();
  const statements: Statement[] = [];
  for (const table of COPIED) {
    const found = (await real.db.select().from(table)) as Row[];
    rows.set(table, new Set(found.map(rowKey)));
    statements.push(...insertMany(scratch, table, parentsFirst(table, found)));
  }
  await scratch.atomic(statements);
  return { seq, rows };
}

/**
 * One atomic unit for the real store holding everything the import wrote to
 * the scratch register: its new rows, and its audit entries as placeholders
 * the store links onto the real chain. It starts with a guard that the
 * register's audit head has not moved since the copy, so a unit that would
 * rest on checks against an outdated register fails whole (conflict).
 */
export async function commitUnit(real: Store, scratch: Store, baseline: Baseline): Promise<Statement[]> {
  const statements: Statement[] = [
    guardCount(real.db, sql`(select coalesce(max(${auditEntries.seq}), 0) from ${auditEntries})`, baseline.seq),
  ];
  for (const table of COPIED) {
    const before = baseline.rows.get(table) ?? new Set<string>();
    const after = (await scratch.db.select().from(table)) as Row[];
    const kept = new Set(after.map(rowKey).filter((key) => before.has(key)));
    // An import only adds: a changed or vanished row would be a write this unit does not guard.
    if (kept.size !== before.size)
      throw new AppError("internal", "The import changed a record that was already in the register; nothing was written.");
    statements.push(
      ...insertMany(
        real,
        table,
        parentsFirst(
          table,
          after.filter((row) => !before.has(rowKey(row))),
        ),
      ),
    );
  }
  const audit = await scratch.db.select().from(auditEntries).orderBy(auditEntries.seq);
  const rows: AuditRow[] = audit.map(({ seq: _seq, hash: _hash, prevHash: _prev, ...row }) => row);
  statements.push(auditRowsStatement(rows), clearGuards(real.db));
  return statements;
}
