import { changeEvent } from "../change-events.ts";
import { eq, inArray } from "drizzle-orm";
import { agreementActivities, agreements, outbox, subProcessorChanges } from "../../../../db/schema.ts";
import { auditStatement } from "../../kernel/audit/audit-statement.ts";
import type { Ctx } from "../../kernel/context.ts";
import type { ChangeNotice } from "../model/change-notice.ts";
import type { SubProcessorChange } from "../model/sub-processor-change.ts";
import { outboxRow } from "../../outbox/index.ts";
import type { Statement } from "../../kernel/ports/store.ts";
import { DEFAULT_TIME_ZONE } from "../../kernel/clocks/zoned-time.ts";
import { formatDate, translate } from "../../kernel/i18n/localise.ts";
import { subscriberMails } from "../../subscriptions/index.ts";
import { type ChangeFacts, changeLine, maxDate, noticeMail } from "./mail-text.ts";
import { activeParties, earliestDay, type NoticeParty, noticeWrites, windowNotices } from "./notice-windows.ts";
import { objectionLinks, publicBaseUrl } from "./objection-link.ts";

export { DEFAULT_TIME_ZONE };

/** Active agreements covering at least one of the activities: those a change must be announced to. */
export async function affectedAgreements(ctx: Ctx, activityIds: string[]): Promise<NoticeParty[]> {
  if (activityIds.length === 0) return [];
  const covering = ctx.store.db
    .selectDistinct({ id: agreementActivities.agreementId })
    .from(agreementActivities)
    .where(inArray(agreementActivities.activityId, activityIds));
  return activeParties(ctx, inArray(agreements.id, covering));
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
  const notices = windowNotices(ctx, agreementsToTell, {
    subject: "sub_processor_change",
    changeId: change.id,
    period: (a) => a.clocks.subProcessorNotice,
    kind: (a) => (a.authorisation === "prior_specific" ? "authorisation_request" : "objection_window"),
  });
  const earliestStart = earliestDay(ctx, notices, agreementsToTell, {
    path: "intendedStart",
    date: intendedStart,
    message: (earliest, why) => `The change may start on ${earliest} at the earliest: ${why}.`,
    title: (earliest) => `Intended start ${intendedStart} is before the earliest allowed start, ${earliest}.`,
  });

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
    const agreement = agreementsToTell[i] as NoticeParty;
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
    ...noticeWrites(ctx, notices, mails, at),
  ];
  // People who subscribed on the public page hear of it too, in the same atomic unit.
  const news = await subscriberMails(
    ctx,
    "subscriber_notice",
    (lang, unsubscribe) => {
      const organisation = fullFacts.organisation.legalName;
      return {
        subject: translate(lang, "subscription.notice.subject", { organisation }),
        body: `${translate(lang, "subscription.notice.body", {
          organisation,
          change: changeLine(fullFacts, lang),
          intendedStart: formatDate(maxDate(intendedStart, earliestStart), lang),
          page: `${publicBaseUrl(ctx)}/public/sub-processors?lang=${lang}`,
          unsubscribe,
        })}\n`,
      };
    },
    { type: "sub_processor_change", id: change.id },
    at,
  );
  if (news.length > 0) statements.push(db.insert(outbox).values(news));
  statements.push(...(await changeEvent(ctx, "change.announced", announced, at, { notices: notices.length })));
  return { announced, notices, statements };
}
