import { eq } from "drizzle-orm";
import { changeNotices, objections } from "../../../../db/schema.ts";
import { auditStatement } from "../../kernel/audit/audit-statement.ts";
import type { Ctx } from "../../kernel/context.ts";
import type { ChangeNotice, Objection, Resolution } from "../model/change-notice.ts";
import type { Statement } from "../../kernel/ports/store.ts";
import { guardRow } from "../../kernel/write-guard.ts";
import { objectionsOf } from "../queries/change-rows.ts";
import { guardNotice } from "./record-objection.ts";

export type ExclusionReason = Extract<Resolution, "alternative_offered" | "customer_terminated">;

/**
 * Takes one agreement out of a change (the customer got an alternative, or
 * terminates): its notice closes as "excluded", and its open objections are
 * resolved the same way. The vendor will not serve that agreement.
 */
export async function exclusionStatements(
  ctx: Ctx,
  notice: ChangeNotice,
  reason: ExclusionReason,
  note: string | null,
  at: string,
): Promise<{ notice: ChangeNotice; statements: Statement[] }> {
  const db = ctx.store.db;
  const closed: ChangeNotice = {
    ...notice,
    status: "closed",
    outcome: "excluded",
    outcomeReason: note ? `${reason}: ${note}` : reason,
    revision: notice.revision + 1,
    updatedAt: at,
  };
  const statements: Statement[] = [
    guardNotice(ctx, notice),
    db
      .update(changeNotices)
      .set({
        status: closed.status,
        outcome: closed.outcome,
        outcomeReason: closed.outcomeReason,
        revision: closed.revision,
        updatedAt: at,
      })
      .where(eq(changeNotices.id, notice.id)),
    auditStatement(ctx, { action: "exclude", entityType: "change_notice", entityId: notice.id, before: notice, after: closed }, at),
  ];
  const open = (await objectionsOf(db, [notice.changeId])).filter((o) => o.noticeId === notice.id && o.resolution === null);
  for (const objection of open) statements.push(...resolutionStatements(ctx, objection, reason, note, at));
  return { notice: closed, statements };
}

export function resolvedObjection(ctx: Ctx, objection: Objection, resolution: Resolution, reason: string | null, at: string): Objection {
  return {
    ...objection,
    resolution,
    resolutionReason: reason,
    resolvedAt: at,
    resolvedBy: ctx.actor.name,
    revision: objection.revision + 1,
    updatedAt: at,
  };
}

export function resolutionStatements(
  ctx: Ctx,
  objection: Objection,
  resolution: Resolution,
  reason: string | null,
  at: string,
): Statement[] {
  const db = ctx.store.db;
  const resolved = resolvedObjection(ctx, objection, resolution, reason, at);
  return [
    guardRow(db, { table: objections, id: objections.id, revision: objections.revision }, objection.id, objection.revision),
    db
      .update(objections)
      .set({
        resolution,
        resolutionReason: reason,
        resolvedAt: at,
        resolvedBy: resolved.resolvedBy,
        revision: resolved.revision,
        updatedAt: at,
      })
      .where(eq(objections.id, objection.id)),
    auditStatement(ctx, { action: "resolve", entityType: "objection", entityId: objection.id, before: objection, after: resolved }, at),
  ];
}
