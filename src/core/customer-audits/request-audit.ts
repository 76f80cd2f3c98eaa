import { customerAudits } from "../../../db/schema.ts";
import { auditStatement } from "../kernel/audit/audit-statement.ts";
import { addDays, deadlineFrom, localDate, startOfDay } from "../kernel/clocks/deadline.ts";
import type { Ctx } from "../kernel/context.ts";
import { AppError, invalid } from "../kernel/errors.ts";
import { parseInput } from "../kernel/input/parse-input.ts";
import { agreementKind, getEntity } from "../register/index.ts";
import { AuditRequestInput, type CustomerAudit } from "./model.ts";

/** How far ahead of the server's clock a stated receipt time may be (clock skew between systems). */
const MAX_SKEW_MS = 5 * 60_000;

/**
 * Records a customer's notice of an audit. The agreement's audit clock, counted from the notice by
 * the agreement's rules, gives the earliest day the audit may start; a proposed start before it is
 * kept and flagged as short notice (the processor may still agree to it when scheduling).
 */
export async function requestAudit(ctx: Ctx, agreementIdOrReference: string, raw: unknown): Promise<CustomerAudit> {
  const input = parseInput(AuditRequestInput, raw);
  const agreement = await getEntity(ctx, agreementKind, agreementIdOrReference);
  if (agreement.archivedAt || agreement.status === "draft") {
    throw new AppError(
      "conflict",
      `Agreement ${agreement.reference} is ${agreement.archivedAt ? "archived" : "a draft"}: it gives no audit right.`,
    );
  }
  const now = ctx.clock.now();
  const requestedAt = input.requestedAt ? new Date(input.requestedAt).toISOString() : now.toISOString();
  if (Date.parse(requestedAt) > now.getTime() + MAX_SKEW_MS) throw invalid([{ path: "requestedAt", message: "Cannot be in the future." }]);
  if (agreement.signedOn && Date.parse(requestedAt) < Date.parse(startOfDay(agreement.signedOn, agreement.timeZone))) {
    throw invalid([{ path: "requestedAt", message: `Cannot be before the agreement was signed (${agreement.signedOn}).` }]);
  }
  const rule = { governingCountry: agreement.governingCountry, timeZone: agreement.timeZone };
  const noticeDay = localDate(requestedAt, agreement.timeZone);
  if (input.proposedStart < noticeDay) {
    throw invalid([{ path: "proposedStart", message: `Cannot be before the notice was received (${noticeDay}).` }]);
  }
  const period = agreement.clocks.auditNotice ?? null;
  const noticeLastDay = period ? deadlineFrom(requestedAt, period, rule).lastDay : null;
  const earliestStart = noticeLastDay ? addDays(noticeLastDay, 1) : noticeDay;
  const at = now.toISOString();
  const audit: CustomerAudit = {
    id: ctx.newId(),
    agreementId: agreement.id,
    customerId: agreement.customerId,
    requestedAt,
    proposedStart: input.proposedStart,
    scope: input.scope,
    auditor: input.auditor ?? null,
    noticePeriod: period,
    ...rule,
    noticeLastDay,
    earliestStart,
    shortNotice: input.proposedStart < earliestStart,
    state: "requested",
    scheduledOn: null,
    earlierBecause: null,
    completedOn: null,
    outcome: null,
    reportReference: null,
    cancelReason: null,
    revision: 1,
    createdAt: at,
    updatedAt: at,
  };
  await ctx.store.atomic([
    ctx.store.db.insert(customerAudits).values(audit),
    auditStatement(ctx, { action: "create", entityType: "customer_audit", entityId: audit.id, before: null, after: audit }, at),
  ]);
  return audit;
}
