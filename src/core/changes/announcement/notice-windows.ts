import { and, eq, isNull, type SQL } from "drizzle-orm";
import { agreements, changeNotices, customers, outbox } from "../../../../db/schema.ts";
import { auditRowsStatement } from "../../kernel/audit/audit-chain.ts";
import { auditRow } from "../../kernel/audit/audit-statement.ts";
import { inList } from "../../kernel/ports/in-list.ts";
import { insertMany } from "../../kernel/ports/insert-many.ts";
import type { Statement } from "../../kernel/ports/store.ts";
import type { OutboxRow } from "../../outbox/index.ts";
import { addDays, type Deadline, deadlineFrom, localDate } from "../../kernel/clocks/deadline.ts";
import { DEFAULT_TIME_ZONE } from "../../kernel/clocks/zoned-time.ts";
import type { Ctx } from "../../kernel/context.ts";
import { invalid } from "../../kernel/errors.ts";
import type { ClockPeriod, Clocks, Language, NoticeSubject } from "../../kernel/values/values.ts";
import type { Customer } from "../../register/index.ts";
import type { ChangeNotice } from "../model/change-notice.ts";

/**
 * The part of announcing that every kind of change shares: which agreements
 * are told, one notice each with the window of that agreement's own clock,
 * and the first day the change may apply once every window has closed.
 */

/** An agreement as a notice addresses it: its clocks and counting rules, its language and its customer's contact. */
export interface NoticeParty {
  id: string;
  reference: string;
  language: Language;
  clocks: Clocks;
  authorisation: string;
  governingCountry: string;
  timeZone: string;
  customerId: string;
  customerName: string;
  contact: Customer["contact"];
}

/** Active, unarchived agreements matching `where` (and their customers), by reference. */
export async function activeParties(ctx: Ctx, where?: SQL): Promise<NoticeParty[]> {
  return ctx.store.db
    .select({
      id: agreements.id,
      reference: agreements.reference,
      language: agreements.language,
      clocks: agreements.clocks,
      authorisation: agreements.authorisation,
      governingCountry: agreements.governingCountry,
      timeZone: agreements.timeZone,
      customerId: agreements.customerId,
      customerName: customers.legalName,
      contact: customers.contact,
    })
    .from(agreements)
    .innerJoin(customers, eq(customers.id, agreements.customerId))
    .where(and(eq(agreements.status, "active"), isNull(agreements.archivedAt), where))
    .orderBy(agreements.reference);
}

/** Active agreements among these ids. */
export const partiesAmong = (ctx: Ctx, ids: string[]): Promise<NoticeParty[]> =>
  ids.length === 0 ? Promise.resolve([]) : activeParties(ctx, inList(agreements.id, ids));

export interface WindowRule {
  subject: NoticeSubject;
  changeId: string;
  /** The clock the agreement counts this kind of notice by. */
  period(party: NoticeParty): ClockPeriod;
  kind(party: NoticeParty): ChangeNotice["kind"];
}

/** One open notice per party, its window counted from now by the party's clock, country and zone. */
export function windowNotices(ctx: Ctx, parties: NoticeParty[], rule: WindowRule): ChangeNotice[] {
  const now = ctx.clock.now();
  const at = now.toISOString();
  // Thousands of agreements share a handful of (period, country, zone) rules: count each once.
  const deadlines = new Map<string, Deadline>();
  return parties.map((a) => {
    const period = rule.period(a);
    const key = `${period.length}/${period.unit}/${a.governingCountry}/${a.timeZone}`;
    let deadline = deadlines.get(key);
    if (!deadline) {
      deadline = deadlineFrom(now, period, { governingCountry: a.governingCountry, timeZone: a.timeZone });
      deadlines.set(key, deadline);
    }
    const kind = rule.kind(a);
    return {
      id: ctx.newId(),
      subject: rule.subject,
      changeId: rule.changeId,
      agreementId: a.id,
      customerId: a.customerId,
      kind,
      noticeDate: deadline.triggerDate,
      lastDay: deadline.lastDay,
      closesAt: deadline.closesAt,
      timeZone: a.timeZone,
      period,
      authorisation: kind === "authorisation_request" ? "requested" : null,
      authorisationDecidedAt: null,
      status: "open",
      outcome: "pending",
      outcomeReason: null,
      revision: 1,
      createdAt: at,
      updatedAt: at,
    };
  });
}

/**
 * The first day the change may apply: the day after the latest window's last
 * day (today when nobody is told). A wanted date before it is refused,
 * naming the agreement whose window runs longest.
 */
export function earliestDay(
  ctx: Ctx,
  notices: ChangeNotice[],
  parties: NoticeParty[],
  wanted: { path: string; date: string; message(earliest: string, why: string): string; title(earliest: string): string },
): string {
  const latest = notices.reduce<ChangeNotice | null>((max, n) => (!max || n.lastDay > max.lastDay ? n : max), null);
  const earliest = latest ? addDays(latest.lastDay, 1) : localDate(ctx.clock.now(), DEFAULT_TIME_ZONE);
  if (wanted.date < earliest) {
    const why = latest
      ? `the window of agreement ${parties[notices.indexOf(latest)]?.reference} runs until the end of ${latest.lastDay} (${latest.timeZone})`
      : "it cannot start in the past";
    throw invalid([{ path: wanted.path, message: wanted.message(earliest, why) }], wanted.title(earliest));
  }
  return earliest;
}

/** Writes the notices, one audit entry each, and their e-mails (for the announcing use case's atomic unit). */
export function noticeWrites(ctx: Ctx, notices: ChangeNotice[], mails: OutboxRow[], at: string): Statement[] {
  return [
    ...insertMany(ctx.store, changeNotices, notices),
    auditRowsStatement(
      notices.map((n) => auditRow(ctx, { action: "create", entityType: "change_notice", entityId: n.id, before: null, after: n }, at)),
    ),
    ...insertMany(ctx.store, outbox, mails),
  ];
}
