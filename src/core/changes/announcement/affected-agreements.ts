import { and, eq, inArray, isNull } from "drizzle-orm";
import { agreementActivities, agreements, changeNotices, customers, outbox, subProcessorChanges } from "../../../../db/schema.ts";
import { auditRowsStatement } from "../../kernel/audit/audit-chain.ts";
import { auditRow, auditStatement } from "../../kernel/audit/audit-statement.ts";
import { addDays, type Deadline, deadlineFrom, localDate } from "../../kernel/clocks/deadline.ts";
import type { Ctx } from "../../kernel/context.ts";
import { invalid } from "../../kernel/errors.ts";
import type { ChangeNotice } from "../model/change-notice.ts";
import type { Customer } from "../../register/index.ts";
import type { SubProcessorChange } from "../model/sub-processor-change.ts";
import type { ClockPeriod, Clocks, Language } from "../../kernel/values/values.ts";
import { outboxRow } from "../../outbox/index.ts";
import type { Statement } from "../../kernel/ports/store.ts";
import { insertMany } from "../../kernel/ports/insert-many.ts";
import { DEFAULT_TIME_ZONE } from "../../kernel/clocks/zoned-time.ts";
import { type ChangeFacts, noticeMail } from "./mail-text.ts";
import { objectionLinks } from "./objection-link.ts";

export { DEFAULT_TIME_ZONE };

interface AffectedAgreement {
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

/** Active agreements covering at least one of the activities: those a change must be announced to. */
export async function affectedAgreements(ctx: Ctx, activityIds: string[]): Promise<AffectedAgreement[]> {
  if (activityIds.length === 0) return [];
  const db = ctx.store.db;
  const covering = db
    .selectDistinct({ id: agreementActivities.agreementId })
    .from(agreementActivities)
    .where(inArray(agreementActivities.activityId, activityIds));
  const rows = await db
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
    .where(and(eq(agreements.status, "active"), isNull(agreements.archivedAt), inArray(agreements.id, covering)))
    .orderBy(agreements.reference);
  return rows;
}

export interface Announcement {
  announced: SubProcessorChange;
  notices: ChangeNotice[];
  statements: Statement[];
}

/**
 * Everything announcing a change writes, as one atomic unit: one notice per
 * affected agreement with its deadline from that agreement's own clock, its
 * audit entry and its e-mail, and the change itself now "announced" with the
 * earliest start. Refuses an intended start before that date.
 */
export async function announcement(
  ctx: Ctx,
  change: SubProcessorChange,
  facts: Omit<ChangeFacts, "change">,
  intendedStart: string,
): Promise<Announcement> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  const agreementsToTell = await affectedAgreements(ctx, change.activityIds);
  // Thousands of agreements share a handful of (period, country, zone) rules: count each once.
  const deadlines = new Map<string, Deadline>();
  const notices: ChangeNotice[] = agreementsToTell.map((a) => {
    const period: ClockPeriod = a.clocks.subProcessorNotice;
    const rule = `${period.length}/${period.unit}/${a.governingCountry}/${a.timeZone}`;
    let deadline = deadlines.get(rule);
    if (!deadline) {
      deadline = deadlineFrom(now, period, { governingCountry: a.governingCountry, timeZone: a.timeZone });
      deadlines.set(rule, deadline);
    }
    const priorSpecific = a.authorisation === "prior_specific";
    return {
      id: ctx.newId(),
      changeId: change.id,
      agreementId: a.id,
      customerId: a.customerId,
      kind: priorSpecific ? "authorisation_request" : "objection_window",
      noticeDate: deadline.triggerDate,
      lastDay: deadline.lastDay,
      closesAt: deadline.closesAt,
      timeZone: a.timeZone,
      period,
      authorisation: priorSpecific ? "requested" : null,
      authorisationDecidedAt: null,
      status: "open",
      outcome: "pending",
      outcomeReason: null,
      revision: 1,
      createdAt: at,
      updatedAt: at,
    };
  });

  const today = localDate(now, DEFAULT_TIME_ZONE);
  const latest = notices.reduce<ChangeNotice | null>((max, n) => (!max || n.lastDay > max.lastDay ? n : max), null);
  const earliestStart = latest ? addDays(latest.lastDay, 1) : today;
  if (intendedStart < earliestStart) {
    const why = latest
      ? `the window of agreement ${agreementsToTell[notices.indexOf(latest)]?.reference} runs until the end of ${latest.lastDay} (${latest.timeZone})`
      : "it cannot start in the past";
    throw invalid(
      [{ path: "intendedStart", message: `The change may start on ${earliestStart} at the earliest: ${why}.` }],
      `Intended start ${intendedStart} is before the earliest allowed start, ${earliestStart}.`,
    );
  }

  const announced: SubProcessorChange = {
    ...change,
    intendedStart,
    status: "announced",
    announcedAt: at,
    earliestStart,
    revision: change.revision + 1,
    updatedAt: at,
  };
  const fullFacts: ChangeFacts = { ...facts, change: announced };
  // Each e-mail carries its notice's own signed link; the key is read (or made, once) only now that the announcement is valid.
  const links = await objectionLinks(ctx);
  const mails = notices.flatMap((notice, i) => {
    const agreement = agreementsToTell[i] as AffectedAgreement;
    const { subject, body } = noticeMail(
      fullFacts,
      notice,
      agreement,
      { legalName: agreement.customerName, contact: agreement.contact },
      links.url(notice),
    );
    return [
      outboxRow(
        ctx,
        {
          kind: notice.kind === "authorisation_request" ? "authorisation_request" : "change_notice",
          recipient: agreement.contact.email,
          subject,
          body,
          related: { type: "change_notice", id: notice.id },
        },
        at,
      ),
    ];
  });
  const db = ctx.store.db;
  const statements: Statement[] = [
    db
      .update(subProcessorChanges)
      .set({ intendedStart, status: "announced", announcedAt: at, earliestStart, revision: announced.revision, updatedAt: at })
      .where(eq(subProcessorChanges.id, change.id)),
    auditStatement(
      ctx,
      { action: "announce", entityType: "sub_processor_change", entityId: change.id, before: change, after: announced },
      at,
    ),
    ...insertMany(ctx.store, changeNotices, notices),
    auditRowsStatement(
      notices.map((n) => auditRow(ctx, { action: "create", entityType: "change_notice", entityId: n.id, before: null, after: n }, at)),
    ),
    ...insertMany(ctx.store, outbox, mails),
  ];
  return { announced, notices, statements };
}
