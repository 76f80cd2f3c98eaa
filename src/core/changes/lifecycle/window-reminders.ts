import { and, eq, gt } from "drizzle-orm";
import { changeNotices, objections, outbox } from "../../../../db/schema.ts";
import { addDays, localDate } from "../../kernel/clocks/deadline.ts";
import type { Ctx } from "../../kernel/context.ts";
import { formatDate, translate } from "../../kernel/i18n/localise.ts";
import { inList } from "../../kernel/ports/in-list.ts";
import { type OutboxRow, outboxRow } from "../../outbox/index.ts";
import { endOfLastDay } from "../announcement/deadline-words.ts";
import { changeLine, dpoEmail } from "../announcement/mail-text.ts";
import { noticeAbout } from "../announcement/notice-view.ts";
import { existingObjectionLinks, objectionLinks } from "../announcement/objection-link.ts";
import type { ChangeNotice } from "../model/change-notice.ts";
import { requireOrganisation } from "../proposal/change-facts.ts";
import { toNotice } from "../queries/change-rows.ts";
import { customerOfAgreement } from "../queries/notice-parties.ts";

/** Days before its window's last day a customer who has not objected is reminded (WINDOW_REMINDER_DAYS; 0: never). */
export const WINDOW_REMINDER_DAYS = 3;

export interface WindowReminderReport {
  /** Notices whose customer was reminded by this tick. */
  reminded: string[];
  failed: { noticeId: string; error: string }[];
}

/**
 * Reminds each customer, once, `days` days before its objection window's last
 * day (in the agreement's zone), unless it has objected already: the change,
 * the deadline, what happens without an objection, and its own link. Once per
 * notice even when two ticks run at once: the outbox holds at most one
 * reminder per notice (a unique index), the second insert does nothing.
 */
export async function remindCustomersOfWindows(ctx: Ctx, days: number): Promise<WindowReminderReport> {
  const report: WindowReminderReport = { reminded: [], failed: [] };
  if (days <= 0) return report;
  const db = ctx.store.db;
  const now = ctx.clock.now();
  const open = await db
    .select()
    .from(changeNotices)
    .where(
      and(eq(changeNotices.status, "open"), eq(changeNotices.kind, "objection_window"), gt(changeNotices.closesAt, now.toISOString())),
    );
  const near = open.filter((n) => addDays(localDate(now, n.timeZone), days) >= n.lastDay);
  if (near.length === 0) return report;
  const ids = near.map((n) => n.id);
  const [objected, reminded] = await Promise.all([
    db.select({ id: objections.noticeId }).from(objections).where(inList(objections.noticeId, ids)),
    db
      .select({ id: outbox.relatedId })
      .from(outbox)
      .where(and(eq(outbox.kind, "window_reminder"), inList(outbox.relatedId, ids))),
  ]);
  const skip = new Set([...objected, ...reminded].map((r) => r.id));
  const due = near.filter((n) => !skip.has(n.id)).map(toNotice);
  if (due.length === 0) return report;
  // The notices were announced with links, so the key exists; made here only if it somehow does not.
  const links = (await existingObjectionLinks(ctx)) ?? (await objectionLinks(ctx));
  for (const notice of due) {
    try {
      const mail = await reminderMail(ctx, notice, links.url(notice));
      await ctx.store.atomic([db.insert(outbox).values(mail).onConflictDoNothing()]);
      report.reminded.push(notice.id);
    } catch (error) {
      report.failed.push({ noticeId: notice.id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}

async function reminderMail(ctx: Ctx, notice: ChangeNotice, link: string): Promise<OutboxRow> {
  const [party, organisation, about] = await Promise.all([
    customerOfAgreement(ctx.store.db, notice.agreementId),
    requireOrganisation(ctx),
    noticeAbout(ctx, notice),
  ]);
  if (!party) throw new Error(`agreement ${notice.agreementId} of notice ${notice.id} not found`);
  const lang = party.language;
  const t = (key: string, params: Record<string, string | number> = {}) => translate(lang, key, params);
  const processor = organisation.legalName;
  const what =
    about.type === "terms_change"
      ? t("mail.windowReminder.intro.terms_change", {
          noticeDate: formatDate(notice.noticeDate, lang),
          processor,
          reference: party.reference,
          version: about.change.version,
          effectiveOn: formatDate(about.change.effectiveOn, lang),
        })
      : `${t("mail.windowReminder.intro.sub_processor_change", { noticeDate: formatDate(notice.noticeDate, lang), processor, reference: party.reference })}\n${changeLine(about.facts, lang)}`;
  const body = [
    t("mail.greeting", { name: party.contact.name ?? party.customer }),
    what,
    t(`mail.windowReminder.deadline.${notice.subject}`, { end: endOfLastDay(notice, lang) }),
    t("mail.notice.link", { link }),
    t("mail.windowReminder.reply", { dpoEmail: dpoEmail(organisation) }),
    t("mail.noticeReference", { noticeId: notice.id }),
    t("mail.signature", { processor }),
  ].join("\n\n");
  return outboxRow(
    ctx,
    {
      kind: "window_reminder",
      recipient: party.contact.email,
      subject: t("mail.windowReminder.subject", { reference: party.reference, lastDay: formatDate(notice.lastDay, lang) }),
      body: `${body}\n`,
      related: { type: "change_notice", id: notice.id },
    },
    ctx.clock.now().toISOString(),
  );
}
