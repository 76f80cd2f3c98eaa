import { and, eq, sql } from "drizzle-orm";
import { changeNotices } from "../../../../db/schema.ts";
import { auditRowsStatement } from "../../kernel/audit/audit-chain.ts";
import { auditRow } from "../../kernel/audit/audit-statement.ts";
import type { Ctx } from "../../kernel/context.ts";
import type { ChangeNotice } from "../model/change-notice.ts";
import type { Db, Statement } from "../../kernel/ports/store.ts";
import { guardCount } from "../../kernel/write-guard.ts";

/**
 * Closes every open notice of a change with one UPDATE (there may be
 * thousands) plus one audit entry each, showing the notice before and after.
 * `open` must be the change's open notices as read in the same use case.
 */
export function closeNotices(
  ctx: Ctx,
  changeId: string,
  open: ChangeNotice[],
  outcome: ChangeNotice["outcome"],
  outcomeReason: string,
  at: string,
): Statement[] {
  if (open.length === 0) return [];
  return [
    ctx.store.db
      .update(changeNotices)
      .set({ status: "closed", outcome, outcomeReason, revision: sql`${changeNotices.revision} + 1`, updatedAt: at })
      .where(and(eq(changeNotices.changeId, changeId), eq(changeNotices.status, "open"))),
    auditRowsStatement(
      open.map((n) =>
        auditRow(
          ctx,
          {
            action: "update",
            entityType: "change_notice",
            entityId: n.id,
            before: n,
            after: { ...n, status: "closed", outcome, outcomeReason, revision: n.revision + 1, updatedAt: at },
          },
          at,
        ),
      ),
    ),
  ];
}

/** Fails the atomic unit unless the change still has `expected` open notices: one closed since the read (an agreement taken out, a terms change applied to it) makes the decision stale. */
export function guardOpenNotices(db: Db, changeId: string, expected: number): Statement {
  return guardCount(
    db,
    sql`(select count(*) from ${changeNotices} where ${changeNotices.changeId} = ${changeId} and ${changeNotices.status} = 'open')`,
    expected,
  );
}
