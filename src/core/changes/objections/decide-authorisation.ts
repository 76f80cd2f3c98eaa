import { answerEvents } from "./answer-events.ts";
import { eq } from "drizzle-orm";
import { changeNotices, outbox } from "../../../../db/schema.ts";
import { auditStatement } from "../../kernel/audit/audit-statement.ts";
import type { Ctx } from "../../kernel/context.ts";
import { formatInstant, translate } from "../../kernel/i18n/localise.ts";
import { AppError, invalid } from "../../kernel/errors.ts";
import { AuthorisationInput, type ChangeNotice } from "../model/change-notice.ts";
import { parseInput } from "../../kernel/input/parse-input.ts";
import { clearGuards } from "../../kernel/write-guard.ts";
import { findNotice } from "../queries/change-rows.ts";
import { noticeAlert } from "../announcement/dpo-mail.ts";
import { exclusionStatements, type ExclusionReason } from "./exclude-agreement.ts";
import { guardNotice, receivedInstant, requireOpen } from "./record-objection.ts";

/**
 * Records an option-1 customer's answer to an authorisation request. A grant
 * lets the change apply to the agreement; a refusal stops the change until
 * the DPO takes the agreement out of it or withdraws the change. The DPO is
 * told either way.
 */
export async function decideAuthorisation(ctx: Ctx, noticeId: string, raw: unknown): Promise<ChangeNotice> {
  const input = parseInput(AuthorisationInput, raw);
  const notice = await findNotice(ctx.store.db, noticeId);
  requireOpen(notice);
  if (notice.kind !== "authorisation_request") {
    throw new AppError(
      "conflict",
      `Notice ${notice.id} is an objection window (option 2): the customer objects, it is not asked to authorise.`,
    );
  }
  if (notice.authorisation === input.decision) {
    throw new AppError("conflict", `The customer already ${input.decision} this change on ${notice.authorisationDecidedAt}.`);
  }
  const receivedAt = receivedInstant(ctx, notice, input.receivedAt);
  const at = ctx.clock.now().toISOString();
  const decided: ChangeNotice = {
    ...notice,
    authorisation: input.decision,
    authorisationDecidedAt: receivedAt,
    revision: notice.revision + 1,
    updatedAt: at,
  };
  const alert = await noticeAlert(
    ctx,
    notice,
    "mail.authorisationAlert",
    (lang) => ({
      decision: translate(lang, `authorisationDecision.${input.decision}`),
      receivedAt: formatInstant(receivedAt, lang),
      note: input.note ?? "-",
    }),
    { type: "change_notice", id: notice.id },
    at,
  );
  const events = await answerEvents(ctx, { notice, decided }, at);
  const db = ctx.store.db;
  await ctx.store.atomic([
    guardNotice(ctx, notice),
    db
      .update(changeNotices)
      .set({ authorisation: decided.authorisation, authorisationDecidedAt: receivedAt, revision: decided.revision, updatedAt: at })
      .where(eq(changeNotices.id, notice.id)),
    auditStatement(ctx, { action: "decide", entityType: "change_notice", entityId: notice.id, before: notice, after: decided }, at),
    db.insert(outbox).values(alert),
    ...events,
    clearGuards(db),
  ]);
  return decided;
}

/** Takes an agreement out of a change by the DPO's decision, e.g. after a refused authorisation. */
export async function excludeAgreement(ctx: Ctx, noticeId: string, reason: ExclusionReason, note: string | null): Promise<ChangeNotice> {
  const notice = await findNotice(ctx.store.db, noticeId);
  requireOpen(notice);
  if (!note && reason === "alternative_offered") {
    throw invalid([{ path: "note", message: "Describe the alternative offered, for the record." }]);
  }
  const at = ctx.clock.now().toISOString();
  const { notice: closed, statements } = await exclusionStatements(ctx, notice, reason, note, at);
  await ctx.store.atomic([...statements, clearGuards(ctx.store.db)]);
  return closed;
}
