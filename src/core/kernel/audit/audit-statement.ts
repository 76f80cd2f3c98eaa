import type { Ctx } from "../context.ts";
import type { Statement } from "../ports/store.ts";
import { type AuditRow, auditRowsStatement } from "./audit-chain.ts";

export type { AuditRow };

export type AuditAction =
  | "create"
  | "update"
  | "archive"
  | "delete"
  | "revoke"
  | "export"
  | "announce"
  | "withdraw"
  | "object"
  | "resolve"
  | "decide"
  | "exclude"
  | "take_effect"
  | "correct"
  | "terminate"
  | "complete"
  | "waive"
  | "schedule"
  | "cancel"
  | "notify"
  | "sign_in"
  | "sign_in_failed"
  | "lock"
  | "sign_out";

export interface AuditChange {
  action: AuditAction;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  reason?: string;
}

/** The audit row for a change, for callers that insert many rows at once. */
export function auditRow(ctx: Ctx, change: AuditChange, at: string): AuditRow {
  return {
    id: ctx.newId(),
    at,
    actorId: ctx.actor.id,
    actorName: ctx.actor.name,
    action: change.action,
    entityType: change.entityType,
    entityId: change.entityId,
    before: change.before ?? null,
    after: change.after ?? null,
    reason: change.reason ?? null,
  };
}

/** The audit row for a change; callers put it in the same atomic unit as the change, where the store links it into the chain. */
export function auditStatement(ctx: Ctx, change: AuditChange, at: string): Statement {
  return auditRowsStatement([auditRow(ctx, change, at)]);
}
