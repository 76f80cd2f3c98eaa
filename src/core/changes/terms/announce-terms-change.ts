import { termsEvent } from "./terms-events.ts";
import { and, eq } from "drizzle-orm";
import { changeNotices, termsChanges } from "../../../../db/schema.ts";
import { auditStatement } from "../../kernel/audit/audit-statement.ts";
import type { Ctx } from "../../kernel/context.ts";
import { AppError, invalid } from "../../kernel/errors.ts";
import { parseInput } from "../../kernel/input/parse-input.ts";
import { inList } from "../../kernel/ports/in-list.ts";
import type { Statement } from "../../kernel/ports/store.ts";
import { clearGuards } from "../../kernel/write-guard.ts";
import { outboxRow } from "../../outbox/index.ts";
import { earliestDay, noticeWrites, type NoticeParty, partiesAmong, windowNotices } from "../announcement/notice-windows.ts";
import { objectionLinks } from "../announcement/objection-link.ts";
import type { ChangeNotice } from "../model/change-notice.ts";
import { AnnounceTermsInput, type TermsChange } from "../model/terms-change.ts";
import { requireOrganisation } from "../proposal/change-facts.ts";
import { termsNoticeMail } from "./terms-mail.ts";
import { findTermsChange, guardTermsChange } from "./terms-rows.ts";

/**
 * Everything announcing a terms change writes, as one atomic unit: one
 * objection window per agreement it names that is in force, counted by that
 * agreement's terms-change clock, each with its audit entry and its e-mail,
 * and the change itself "announced" with the earliest day it may apply.
 * Refuses an effective date before that day, and agreements that have no
 * terms-change clock (nobody agreed how long their customer has to object).
 */
export async function termsAnnouncement(
  ctx: Ctx,
  change: TermsChange,
  effectiveOn: string,
): Promise<{ announced: TermsChange; notices: ChangeNotice[]; statements: Statement[] }> {
  const organisation = await requireOrganisation(ctx);
  const parties = await partiesAmong(ctx, change.agreementIds);
  if (parties.length === 0) {
    throw new AppError("conflict", "None of the agreements this terms change names is in force: there is nobody to announce it to.");
  }
  const clockless = parties.filter((p) => !p.clocks.termsChangeObjection);
  if (clockless.length > 0) {
    throw invalid(
      clockless.slice(0, 20).map((p) => ({
        path: "agreementIds",
        message: `Agreement ${p.reference} has no terms-change clock (termsChangeObjection): record how long its customer has to object first.`,
      })),
    );
  }
  await refuseOverlap(ctx, change, parties);
  const notices = windowNotices(ctx, parties, {
    subject: "terms_change",
    changeId: change.id,
    period: (p) => p.clocks.termsChangeObjection as NonNullable<NoticeParty["clocks"]["termsChangeObjection"]>,
    kind: () => "objection_window",
  });
  const earliestEffective = earliestDay(ctx, notices, parties, {
    path: "effectiveOn",
    date: effectiveOn,
    message: (earliest, why) => `The new terms may apply from ${earliest} at the earliest: ${why}.`,
    title: (earliest) => `Terms change effective on ${effectiveOn}, before its earliest allowed date, ${earliest}.`,
  });
  const at = ctx.clock.now().toISOString();
  const announced: TermsChange = {
    ...change,
    effectiveOn,
    status: "announced",
    announcedAt: at,
    earliestEffective,
    revision: change.revision + 1,
    updatedAt: at,
  };
  const links = await objectionLinks(ctx);
  const mails = notices.map((notice, i) => {
    const party = parties[i] as NoticeParty;
    const { subject, body } = termsNoticeMail(announced, notice, party, organisation, links.url(notice));
    return outboxRow(
      ctx,
      { kind: "terms_notice", recipient: party.contact.email, subject, body, related: { type: "change_notice", id: notice.id } },
      at,
    );
  });
  const statements: Statement[] = [
    ctx.store.db
      .update(termsChanges)
      .set({ effectiveOn, status: "announced", announcedAt: at, earliestEffective, revision: announced.revision, updatedAt: at })
      .where(eq(termsChanges.id, change.id)),
    auditStatement(ctx, { action: "announce", entityType: "terms_change", entityId: change.id, before: change, after: announced }, at),
    ...noticeWrites(ctx, notices, mails, at),
    ...(await termsEvent(ctx, "terms.announced", announced, at, { notices: notices.length })),
  ];
  return { announced, notices, statements };
}

/** Announces a proposed terms change: its notices, their audit entries and e-mails in one atomic unit. */
export async function announceTermsChange(ctx: Ctx, id: string, raw: unknown): Promise<TermsChange> {
  const input = parseInput(AnnounceTermsInput, raw);
  const db = ctx.store.db;
  const change = await findTermsChange(db, id);
  if (change.status !== "proposed") {
    throw new AppError("conflict", `Terms change ${id} is ${change.status}; only a proposed terms change can be announced.`);
  }
  const result = await termsAnnouncement(ctx, change, input.effectiveOn ?? change.effectiveOn);
  await ctx.store.atomic([guardTermsChange(db, change), ...result.statements, clearGuards(db)]);
  return result.announced;
}

/**
 * One change of the terms at a time per agreement: with two announced, the
 * later could take effect first and the earlier then move the agreement back.
 */
async function refuseOverlap(ctx: Ctx, change: TermsChange, parties: NoticeParty[]): Promise<void> {
  const pending = await ctx.store.db
    .select({ changeId: changeNotices.changeId, agreementId: changeNotices.agreementId })
    .from(changeNotices)
    .where(
      and(
        eq(changeNotices.subject, "terms_change"),
        eq(changeNotices.status, "open"),
        inList(
          changeNotices.agreementId,
          parties.map((p) => p.id),
        ),
      ),
    );
  const others = pending.filter((n) => n.changeId !== change.id);
  if (others.length === 0) return;
  const references = parties.filter((p) => others.some((n) => n.agreementId === p.id)).map((p) => p.reference);
  throw new AppError(
    "conflict",
    `Agreement(s) ${references.slice(0, 10).join(", ")}${references.length > 10 ? ` and ${references.length - 10} more` : ""} already have a change of the terms under way (${others[0]?.changeId}): let it take effect or withdraw it first.`,
  );
}
