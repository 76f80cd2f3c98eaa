import { eq } from "drizzle-orm";
import { obligations } from "../../../db/schema.ts";
import { type AuditAction, auditStatement } from "../kernel/audit/audit-statement.ts";
import type { Ctx } from "../kernel/context.ts";
import type { Statement } from "../kernel/ports/store.ts";
import { auditedObligation, type ObligationRow } from "./obligation-rows.ts";

/**
 * The statements that start duties: each row with its audit entry, for the atomic unit of the
 * event that starts them (a termination, a breach). Only this feature writes the obligations table.
 */
export function startDutyStatements(ctx: Ctx, duties: ObligationRow[], at: string): Statement[] {
  return duties.flatMap((duty) => [
    ctx.store.db.insert(obligations).values(duty),
    auditStatement(
      ctx,
      { action: "create", entityType: "obligation", entityId: duty.id, before: null, after: auditedObligation(duty) },
      at,
    ),
  ]);
}

/** The statements that change one duty, with its audit entry, and the row as it then is; the caller guards and runs them. */
export function changeDutyStatements(
  ctx: Ctx,
  row: ObligationRow,
  action: AuditAction,
  changes: Partial<ObligationRow>,
  at: string,
  reason?: string,
): { next: ObligationRow; statements: Statement[] } {
  const next: ObligationRow = { ...row, ...changes, revision: row.revision + 1, updatedAt: at };
  return {
    next,
    statements: [
      ctx.store.db
        .update(obligations)
        .set({ ...changes, revision: next.revision, updatedAt: at })
        .where(eq(obligations.id, row.id)),
      auditStatement(
        ctx,
        { action, entityType: "obligation", entityId: row.id, before: auditedObligation(row), after: auditedObligation(next), reason },
        at,
      ),
    ],
  };
}
