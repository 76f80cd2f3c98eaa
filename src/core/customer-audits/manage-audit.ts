import { eq } from "drizzle-orm";
import { customerAudits } from "../../../db/schema.ts";
import { type AuditAction, auditStatement } from "../kernel/audit/audit-statement.ts";
import { localDate } from "../kernel/clocks/deadline.ts";
import type { Ctx } from "../kernel/context.ts";
import { AppError, checkPrecondition, invalid } from "../kernel/errors.ts";
import { parseInput } from "../kernel/input/parse-input.ts";
import { clearGuards } from "../kernel/write-guard.ts";
import { findCustomerAudit, guardCustomerAudit } from "./audit-rows.ts";
import { CancelInput, type CustomerAudit, type CustomerAuditState, OutcomeInput, ScheduleInput } from "./model.ts";

interface Options {
  ifMatch?: number[];
}

/** Fixes the day the audit starts: not before the earliest start the notice allows, unless both parties agreed why. */
export async function scheduleAudit(ctx: Ctx, id: string, raw: unknown, options: Options = {}): Promise<CustomerAudit> {
  const input = parseInput(ScheduleInput, raw);
  const audit = await inState(ctx, id, ["requested", "scheduled"], options);
  const noticeDay = localDate(audit.requestedAt, audit.timeZone);
  if (input.scheduledOn < noticeDay) {
    throw invalid([{ path: "scheduledOn", message: `Cannot be before the notice was received (${noticeDay}).` }]);
  }
  if (input.scheduledOn < audit.earliestStart && !input.earlierBecause) {
    throw invalid([
      {
        path: "scheduledOn",
        message: `The notice allows the audit from ${audit.earliestStart} (${audit.noticeLastDay ? `the notice period ends on ${audit.noticeLastDay}` : "the day of the notice"}); give earlierBecause to schedule it sooner.`,
      },
    ]);
  }
  const earlierBecause = input.scheduledOn < audit.earliestStart ? (input.earlierBecause ?? null) : null;
  return write(ctx, audit, "schedule", { state: "scheduled", scheduledOn: input.scheduledOn, earlierBecause });
}

/** Records what the audit found, once it ended. */
export async function recordAuditOutcome(ctx: Ctx, id: string, raw: unknown, options: Options = {}): Promise<CustomerAudit> {
  const input = parseInput(OutcomeInput, raw);
  const audit = await inState(ctx, id, ["scheduled"], options);
  if (audit.scheduledOn && input.completedOn < audit.scheduledOn) {
    throw invalid([{ path: "completedOn", message: `Cannot be before the audit started (${audit.scheduledOn}).` }]);
  }
  if (input.completedOn > localDate(ctx.clock.now(), audit.timeZone)) {
    throw invalid([{ path: "completedOn", message: "Cannot be in the future." }]);
  }
  return write(ctx, audit, "complete", {
    state: "completed",
    completedOn: input.completedOn,
    outcome: input.outcome,
    reportReference: input.reportReference ?? null,
  });
}

/** The audit will not take place (the customer withdrew it, or both agreed on another way), and why. */
export async function cancelAudit(ctx: Ctx, id: string, raw: unknown, options: Options = {}): Promise<CustomerAudit> {
  const input = parseInput(CancelInput, raw);
  const audit = await inState(ctx, id, ["requested", "scheduled"], options);
  return write(ctx, audit, "cancel", { state: "cancelled", cancelReason: input.reason }, input.reason);
}

async function inState(ctx: Ctx, id: string, states: CustomerAuditState[], options: Options): Promise<CustomerAudit> {
  const audit = await findCustomerAudit(ctx.store.db, id);
  checkPrecondition("This audit", audit.revision, options.ifMatch);
  if (!states.includes(audit.state)) {
    throw new AppError("conflict", `Audit ${audit.id} is ${audit.state}; this needs it ${states.join(" or ")}.`);
  }
  return audit;
}

async function write(
  ctx: Ctx,
  audit: CustomerAudit,
  action: AuditAction,
  changes: Partial<CustomerAudit>,
  reason?: string,
): Promise<CustomerAudit> {
  const at = ctx.clock.now().toISOString();
  const next: CustomerAudit = { ...audit, ...changes, revision: audit.revision + 1, updatedAt: at };
  const db = ctx.store.db;
  await ctx.store.atomic([
    guardCustomerAudit(ctx, audit),
    db
      .update(customerAudits)
      .set({ ...changes, revision: next.revision, updatedAt: at })
      .where(eq(customerAudits.id, audit.id)),
    auditStatement(ctx, { action, entityType: "customer_audit", entityId: audit.id, before: audit, after: next, reason }, at),
    clearGuards(db),
  ]);
  return next;
}
