import { and, eq, getTableName, ne, sql } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import { agreements, customers, subProcessors } from "../../../db/schema.ts";
import { AppError, type FieldIssue, invalid } from "../kernel/errors.ts";
import { Id } from "../kernel/values/values.ts";
import type { Db } from "../kernel/ports/store.ts";
import { runPrepared } from "./rows.ts";

/**
 * A kind of record that people and the procurement workflow name by its
 * reference (CF-DPA-2024-001, AWS) as readily as by its id. Every path and
 * query parameter naming one takes either; bodies and storage keep the id.
 */
export interface NamedRecord {
  label: string;
  table: SQLiteTable;
  id: SQLiteColumn;
  reference: SQLiteColumn;
  example: string;
}

export const NAMED_AGREEMENT: NamedRecord = {
  label: "agreement",
  table: agreements,
  id: agreements.id,
  reference: agreements.reference,
  example: "CF-DPA-2024-001",
};
export const NAMED_CUSTOMER: NamedRecord = {
  label: "customer",
  table: customers,
  id: customers.id,
  reference: customers.reference,
  example: "CF-CUST-001",
};
export const NAMED_SUB_PROCESSOR: NamedRecord = {
  label: "sub-processor",
  table: subProcessors,
  id: subProcessors.id,
  reference: subProcessors.reference,
  example: "AWS",
};

/** The named kinds by the entity type audit entries carry. */
export const NAMED_BY_ENTITY_TYPE: Partial<Record<string, NamedRecord>> = {
  agreement: NAMED_AGREEMENT,
  customer: NAMED_CUSTOMER,
  sub_processor: NAMED_SUB_PROCESSOR,
};

/** The schema of a path or query parameter naming such a record. */
export const idOrReference = (named: NamedRecord) =>
  z.string().trim().min(1).max(100).describe(`The ${named.label}'s id or its reference (e.g. ${named.example}).`);

/** The id `value` names: an id as it is (whether or not it exists), else the id of the record with that reference, else null. */
export async function idOfNamed(db: Db, named: NamedRecord, value: string): Promise<string | null> {
  if (Id.safeParse(value).success) return value;
  const [row] = await runPrepared<{ id: unknown }>(
    db,
    `id-of-named:${getTableName(named.table)}`,
    (d) =>
      d
        .select({ id: named.id })
        .from(named.table)
        .where(eq(named.reference, sql.placeholder("reference")))
        .prepare(),
    { reference: value },
  );
  return (row?.id as string | undefined) ?? null;
}

/** For a path: the id `value` names, or not found. */
export async function resolveNamed(db: Db, named: NamedRecord, value: string): Promise<string> {
  const id = await idOfNamed(db, named, value);
  if (id === null) throw new AppError("not_found", `No ${named.label} with id or reference "${value}".`);
  return id;
}

/**
 * For a parsed query: the same query with each named field's reference
 * replaced by the record's id. A reference that names nothing is an invalid
 * field, as a malformed id is.
 */
export async function resolveNamedFields<Q extends object>(db: Db, query: Q, fields: Partial<Record<string, NamedRecord>>): Promise<Q> {
  const resolved: Record<string, unknown> = { ...(query as Record<string, unknown>) };
  const issues: FieldIssue[] = [];
  for (const [field, named] of Object.entries(fields) as [string, NamedRecord][]) {
    const value = resolved[field];
    if (typeof value !== "string") continue;
    const id = await idOfNamed(db, named, value);
    if (id === null) issues.push({ path: field, message: `No ${named.label} with id or reference "${value}".` });
    else resolved[field] = id;
  }
  if (issues.length > 0) throw invalid(issues);
  return resolved as Q;
}

/** An issue when another record of the kind already has `reference`: a reference names one record. */
export async function checkReferenceFree(
  db: Db,
  named: NamedRecord,
  reference: string | null | undefined,
  id: string,
): Promise<FieldIssue[]> {
  if (!reference) return [];
  const [taken] = await db
    .select({ id: named.id })
    .from(named.table)
    .where(and(eq(named.reference, reference), ne(named.id, id)));
  return taken ? [{ path: "reference", message: `Another ${named.label} already has reference ${reference}.` }] : [];
}
