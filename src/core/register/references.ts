import { and, inArray, isNull } from "drizzle-orm";
import type { SQLiteColumn, SQLiteTable } from "drizzle-orm/sqlite-core";
import type { FieldIssue } from "../kernel/errors.ts";
import type { Db } from "../kernel/ports/store.ts";

interface Target {
  table: SQLiteTable;
  id: SQLiteColumn;
  archivedAt?: SQLiteColumn;
  label: string;
}

/**
 * Issues for ids that name nothing (or something archived) in `target`, each
 * on its own path, e.g. "subjectCategoryIds.2". Runs before the write so the
 * client learns which field is wrong; foreign keys remain the backstop.
 */
export async function checkReferences(
  db: Db,
  target: Target,
  path: string,
  ids: Array<string | null | undefined>,
  idPath: (index: number) => string = (i) => `${path}.${i}`,
): Promise<FieldIssue[]> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === "string"))];
  if (wanted.length === 0) return [];
  const conditions = [inArray(target.id, wanted)];
  if (target.archivedAt) conditions.push(isNull(target.archivedAt));
  const found = await db
    .select({ id: target.id })
    .from(target.table)
    .where(and(...conditions));
  const present = new Set(found.map((r) => r.id as string));
  const issues: FieldIssue[] = [];
  ids.forEach((id, index) => {
    if (typeof id === "string" && !present.has(id)) {
      issues.push({ path: idPath(index), message: `No ${target.label} with id ${id} (or it is archived).` });
    }
  });
  return issues;
}

/** Issues for ids listed twice; a link appears once. */
export function checkDuplicates(path: string, ids: string[]): FieldIssue[] {
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  ids.forEach((id, index) => {
    if (seen.has(id)) issues.push({ path: `${path}.${index}`, message: `${id} is listed twice.` });
    seen.add(id);
  });
  return issues;
}
