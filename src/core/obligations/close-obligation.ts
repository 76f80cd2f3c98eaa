import type { AuditAction } from "../kernel/audit/audit-statement.ts";
import { localDate, startOfDay } from "../kernel/clocks/deadline.ts";
import type { Ctx } from "../kernel/context.ts";
import { AppError, checkPrecondition, invalid } from "../kernel/errors.ts";
import { parseInput } from "../kernel/input/parse-input.ts";
import { clearGuards } from "../kernel/write-guard.ts";
import { CompletionInput, type Obligation, OwnerInput, WaiverInput } from "./model.ts";
import { findObligationRow, guardObligation, type ObligationRow, toObligation } from "./obligation-rows.ts";
import { changeDutyStatements } from "./obligation-writes.ts";

/** How far ahead of the server's clock a stated time may be (clock skew between systems). */
const MAX_SKEW_MS = 5 * 60_000;

interface Options {
  ifMatch?: number[];
}

/** Records a duty done, with its evidence (a certificate of deletion, a ticket) and when. */
export async function completeObligation(ctx: Ctx, id: string, raw: unknown, options: Options = {}): Promise<Obligation> {
  const input = parseInput(CompletionInput, raw);
  const row = await openObligation(ctx, id, options);
  const now = ctx.clock.now();
  const doneAt = input.doneAt ? new Date(input.doneAt).toISOString() : now.toISOString();
  if (Date.parse(doneAt) > now.getTime() + MAX_SKEW_MS) throw invalid([{ path: "doneAt", message: "Cannot be in the future." }]);
  if (Date.parse(doneAt) < Date.parse(startOfDay(row.triggerDate, row.timeZone))) {
    throw invalid([{ path: "doneAt", message: `Cannot be before the day that started this duty (${row.triggerDate}).` }]);
  }
  const evidenceDate = input.evidence.date ?? localDate(doneAt, row.timeZone);
  if (evidenceDate < row.triggerDate) {
    throw invalid([{ path: "evidence.date", message: `Cannot be before the day that started this duty (${row.triggerDate}).` }]);
  }
  return write(ctx, row, "complete", {
    state: "done",
    doneAt,
    evidence: { reference: input.evidence.reference, date: evidenceDate, note: input.evidence.note ?? null },
    closedBy: ctx.actor.name,
  });
}

/** Records that a duty does not apply (the customer asked for return instead of deletion, say), and why. */
export async function waiveObligation(ctx: Ctx, id: string, raw: unknown, options: Options = {}): Promise<Obligation> {
  const input = parseInput(WaiverInput, raw);
  const row = await openObligation(ctx, id, options);
  return write(ctx, row, "waive", { state: "waived", waiverReason: input.reason, closedBy: ctx.actor.name }, input.reason);
}

/** Names who is responsible for an open duty. */
export async function assignObligation(ctx: Ctx, id: string, raw: unknown, options: Options = {}): Promise<Obligation> {
  const input = parseInput(OwnerInput, raw);
  const row = await openObligation(ctx, id, options);
  if (row.owner === input.owner) return toObligation(row, ctx.clock.now());
  return write(ctx, row, "update", { owner: input.owner });
}

async function openObligation(ctx: Ctx, id: string, options: Options): Promise<ObligationRow> {
  const row = await findObligationRow(ctx.store.db, id);
  checkPrecondition("This obligation", row.revision, options.ifMatch);
  if (row.state === "done") throw new AppError("conflict", `Obligation ${row.id} was already recorded done on ${row.doneAt}.`);
  if (row.state === "waived") throw new AppError("conflict", `Obligation ${row.id} was waived: ${row.waiverReason}`);
  return row;
}

async function write(
  ctx: Ctx,
  row: ObligationRow,
  action: AuditAction,
  changes: Partial<ObligationRow>,
  reason?: string,
): Promise<Obligation> {
  const at = ctx.clock.now().toISOString();
  const { next, statements } = changeDutyStatements(ctx, row, action, changes, at, reason);
  await ctx.store.atomic([guardObligation(ctx, row), ...statements, clearGuards(ctx.store.db)]);
  return toObligation(next, ctx.clock.now());
}
