import { answerEvents } from "./answer-events.ts";
import { auditStatement } from "../../kernel/audit/audit-statement.ts";
import { isOnTime } from "../../kernel/clocks/deadline.ts";
import type { Ctx } from "../../kernel/context.ts";
import { formatDate, formatInstant, translate } from "../../kernel/i18n/localise.ts";
import { AppError, invalid } from "../../kernel/errors.ts";
import { type ChangeNotice, type Objection, ObjectionInput } from "../model/change-notice.ts";
import { and, eq, sql } from "drizzle-orm";
import { changeNotices, objections, outbox } from "../../../../db/schema.ts";
import type { Statement } from "../../kernel/ports/store.ts";
import { parseInput } from "../../kernel/input/parse-input.ts";
import { clearGuards, guardCount, guardRow } from "../../kernel/write-guard.ts";
import { findNotice, toObjection } from "../queries/change-rows.ts";
import { noticeAlert } from "../announcement/dpo-mail.ts";
import { objectionReceiptMails } from "./receipt-mail.ts";

/** How far ahead of the server's clock a stated receipt time may be (clock skew between systems). */
const MAX_SKEW_MS = 5 * 60_000;

/** Open notices take objections; a closed one (change in effect or withdrawn, agreement taken out) does not. */
export function requireOpen(notice: ChangeNotice): void {
  if (notice.status === "closed") {
    throw new AppError("conflict", `Notice ${notice.id} is closed (${notice.outcomeReason ?? notice.outcome}); it takes no more answers.`);
  }
}

/** Fails the atomic unit if the notice changed (e.g. closed by the change taking effect) since it was read. */
export function guardNotice(ctx: Ctx, notice: ChangeNotice): Statement {
  return guardRow(
    ctx.store.db,
    { table: changeNotices, id: changeNotices.id, revision: changeNotices.revision },
    notice.id,
    notice.revision,
  );
}

/** The instant something was received: as stated (not in the future, not before the notice) or now. */
export function receivedInstant(ctx: Ctx, notice: ChangeNotice, stated: string | undefined): string {
  const now = ctx.clock.now();
  const receivedAt = stated ? new Date(stated).toISOString() : now.toISOString();
  if (new Date(receivedAt).getTime() > now.getTime() + MAX_SKEW_MS) {
    throw invalid([{ path: "receivedAt", message: "Cannot be in the future." }]);
  }
  if (receivedAt < notice.createdAt) {
    throw invalid([{ path: "receivedAt", message: `Cannot be before the notice was given (${notice.createdAt}).` }]);
  }
  return receivedAt;
}

/**
 * Records a customer's objection against its notice, on time or late by the
 * notice's deadline, and alerts the DPO and sends the customer its receipt
 * (to `receiptTo` as well, the address given on the objection form) in the
 * same atomic unit. Late
 * objections are kept and flagged; they do not stop the change by themselves.
 */
export async function recordObjection(
  ctx: Ctx,
  noticeId: string,
  raw: unknown,
  options: { sameTwiceIsOnce?: boolean; receiptTo?: string } = {},
): Promise<Objection> {
  const input = parseInput(ObjectionInput, raw);
  const notice = await findNotice(ctx.store.db, noticeId);
  const earlier = options.sameTwiceIsOnce ? await sameObjection(ctx, noticeId, input.grounds) : null;
  if (earlier) return earlier;
  requireOpen(notice);
  if (notice.kind === "authorisation_request") {
    throw new AppError(
      "conflict",
      `Agreement ${notice.agreementId} is under prior specific authorisation (option 1): record the customer's refusal with POST /api/v1/change-notices/${notice.id}/authorisation.`,
    );
  }
  const receivedAt = receivedInstant(ctx, notice, input.receivedAt);
  const at = ctx.clock.now().toISOString();
  const objection: Objection = {
    id: ctx.newId(),
    noticeId: notice.id,
    changeId: notice.changeId,
    agreementId: notice.agreementId,
    grounds: input.grounds,
    receivedAt,
    onTime: isOnTime(receivedAt, notice),
    channel: input.channel,
    resolution: null,
    resolutionReason: null,
    resolvedAt: null,
    resolvedBy: null,
    revision: 1,
    createdAt: at,
    updatedAt: at,
  };
  const alert = await noticeAlert(
    ctx,
    notice,
    "mail.alert",
    (lang) => ({
      receivedAt: formatInstant(receivedAt, lang),
      timing: translate(lang, objection.onTime ? "mail.alert.onTime" : "mail.alert.late", { lastDay: formatDate(notice.lastDay, lang) }),
      grounds: input.grounds,
      objectionId: objection.id,
    }),
    { type: "objection", id: objection.id },
    at,
  );
  const receipts = await objectionReceiptMails(ctx, notice, objection, options.receiptTo, at);
  const events = await answerEvents(ctx, { notice, objection }, at);
  const db = ctx.store.db;
  const statements = [
    guardNotice(ctx, notice),
    // Two identical submissions racing each other: only the first is written.
    ...(options.sameTwiceIsOnce ? [guardNoSameObjection(ctx, noticeId, input.grounds)] : []),
    db.insert(objections).values(objection),
    auditStatement(ctx, { action: "object", entityType: "objection", entityId: objection.id, before: null, after: objection }, at),
    db.insert(outbox).values([alert, ...receipts]),
    ...events,
    clearGuards(db),
  ];
  try {
    await ctx.store.atomic(statements);
  } catch (error) {
    const raced =
      options.sameTwiceIsOnce && error instanceof AppError && error.code === "conflict"
        ? await sameObjection(ctx, noticeId, input.grounds)
        : null;
    if (raced) return raced;
    throw error;
  }
  return objection;
}

async function sameObjection(ctx: Ctx, noticeId: string, grounds: string): Promise<Objection | null> {
  const [row] = await ctx.store.db
    .select()
    .from(objections)
    .where(and(eq(objections.noticeId, noticeId), eq(objections.grounds, grounds)))
    .limit(1);
  return row ? toObjection(row) : null;
}

function guardNoSameObjection(ctx: Ctx, noticeId: string, grounds: string): Statement {
  const same = sql`(select count(*) from ${objections} where ${objections.noticeId} = ${noticeId} and ${objections.grounds} = ${grounds})`;
  return guardCount(ctx.store.db, same, 0);
}
