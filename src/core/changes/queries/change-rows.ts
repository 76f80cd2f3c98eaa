import { asc, eq, inArray } from "drizzle-orm";
import { changeNotices, objections, subProcessorChanges } from "../../../../db/schema.ts";
import { notFound } from "../../kernel/errors.ts";
import type { ChangeNotice, Objection } from "../model/change-notice.ts";
import type { SubProcessorChange } from "../model/sub-processor-change.ts";
import type { Db, Statement } from "../../kernel/ports/store.ts";
import { guardRow } from "../../kernel/write-guard.ts";

type ChangeRow = typeof subProcessorChanges.$inferSelect;
type NoticeRow = typeof changeNotices.$inferSelect;
type ObjectionRow = typeof objections.$inferSelect;

/** The API representation of a change (bookkeeping columns such as the request hash stay inside). */
export function toChange(row: ChangeRow): SubProcessorChange {
  return {
    id: row.id,
    kind: row.kind,
    subProcessorId: row.subProcessorId,
    replacesId: row.replacesId ?? null,
    locations: row.locations ?? null,
    transferMechanism: row.transferMechanism ?? null,
    parentId: row.parentId ?? null,
    activityIds: row.activityIds,
    reason: row.reason,
    intendedStart: row.intendedStart,
    status: row.status,
    announcedAt: row.announcedAt ?? null,
    earliestStart: row.earliestStart ?? null,
    effectiveAt: row.effectiveAt ?? null,
    withdrawnAt: row.withdrawnAt ?? null,
    withdrawalReason: row.withdrawalReason ?? null,
    idempotencyKey: row.idempotencyKey ?? null,
    revision: row.revision,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
  };
}

export function toNotice(row: NoticeRow): ChangeNotice {
  return {
    ...row,
    authorisation: row.authorisation ?? null,
    authorisationDecidedAt: row.authorisationDecidedAt ?? null,
    outcomeReason: row.outcomeReason ?? null,
  };
}

export function toObjection(row: ObjectionRow): Objection {
  return {
    ...row,
    resolution: row.resolution ?? null,
    resolutionReason: row.resolutionReason ?? null,
    resolvedAt: row.resolvedAt ?? null,
    resolvedBy: row.resolvedBy ?? null,
  };
}

export async function findChangeRow(db: Db, id: string): Promise<ChangeRow> {
  const [row] = await db.select().from(subProcessorChanges).where(eq(subProcessorChanges.id, id));
  if (!row) throw notFound("sub-processor change", id);
  return row;
}

export async function findNotice(db: Db, id: string): Promise<ChangeNotice> {
  const [row] = await db.select().from(changeNotices).where(eq(changeNotices.id, id));
  if (!row) throw notFound("change notice", id);
  return toNotice(row);
}

export async function findObjection(db: Db, id: string): Promise<Objection> {
  const [row] = await db.select().from(objections).where(eq(objections.id, id));
  if (!row) throw notFound("objection", id);
  return toObjection(row);
}

export async function noticesOf(db: Db, changeIds: string[]): Promise<ChangeNotice[]> {
  if (changeIds.length === 0) return [];
  const rows = await db.select().from(changeNotices).where(inArray(changeNotices.changeId, changeIds)).orderBy(asc(changeNotices.id));
  return rows.map(toNotice);
}

export async function objectionsOf(db: Db, changeIds: string[]): Promise<Objection[]> {
  if (changeIds.length === 0) return [];
  const rows = await db.select().from(objections).where(inArray(objections.changeId, changeIds)).orderBy(asc(objections.id));
  return rows.map(toObjection);
}

/** Fails the atomic unit unless the change still has the revision the use case read (a concurrent decision is a conflict). */
export function guardChange(db: Db, change: SubProcessorChange): Statement {
  return guardRow(
    db,
    { table: subProcessorChanges, id: subProcessorChanges.id, revision: subProcessorChanges.revision },
    change.id,
    change.revision,
  );
}
