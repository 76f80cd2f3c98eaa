import { and, asc, count, eq, isNull, sql } from "drizzle-orm";
import { agreements, changeNotices, customers, objections, subProcessorChanges, subProcessors, termsChanges } from "../../../db/schema.ts";
import { noticesWithParties } from "../changes/index.ts";
import type { Ctx } from "../kernel/context.ts";

/** How many rows of each list the dashboard shows; the totals say when there are more. */
export const DECISIONS_SHOWN = 50;

export interface AwaitedObjection {
  id: string;
  changeId: string;
  /** What the objection is against: a sub-processor change or a terms change. */
  subject: "sub_processor_change" | "terms_change";
  /** The vendor of a sub-processor change, or "Terms version …". */
  vendorName: string;
  agreementId: string;
  reference: string;
  customerName: string;
  receivedAt: string;
  onTime: boolean;
  channel: string;
}

export interface AwaitedAuthorisation {
  noticeId: string;
  changeId: string;
  vendorName: string;
  agreementId: string;
  reference: string;
  customerName: string;
  noticeDate: string;
  lastDay: string;
  timeZone: string;
}

export interface AwaitingDecisions {
  objections: { items: AwaitedObjection[]; total: number };
  authorisations: { items: AwaitedAuthorisation[]; total: number };
}

/**
 * What waits for someone: objections nobody has decided on (only those the
 * DPO can still decide, i.e. on notices still open) and option-1
 * authorisation requests the customer has not answered. Oldest first, so
 * the longest wait is on top.
 */
export async function awaitingDecisions(ctx: Ctx): Promise<AwaitingDecisions> {
  const db = ctx.store.db;
  const undecided = and(isNull(objections.resolution), eq(changeNotices.status, "open"));
  const unanswered = and(
    eq(changeNotices.authorisation, "requested"),
    eq(changeNotices.status, "open"),
    eq(subProcessorChanges.status, "announced"),
  );
  const [objectionRows, [objectionCount], authorisationRows, [authorisationCount]] = await Promise.all([
    db
      .select({
        id: objections.id,
        changeId: objections.changeId,
        subject: changeNotices.subject,
        vendorName: sql<string>`coalesce(${subProcessors.legalName}, 'Terms version ' || ${termsChanges.version})`,
        agreementId: objections.agreementId,
        reference: agreements.reference,
        customerName: customers.legalName,
        receivedAt: objections.receivedAt,
        onTime: objections.onTime,
        channel: objections.channel,
      })
      .from(objections)
      .innerJoin(changeNotices, eq(changeNotices.id, objections.noticeId))
      // A notice is about one or the other, so each pair of joins finds a row for its own subject only.
      .leftJoin(
        subProcessorChanges,
        and(eq(changeNotices.subject, "sub_processor_change"), eq(subProcessorChanges.id, objections.changeId)),
      )
      .leftJoin(subProcessors, eq(subProcessors.id, subProcessorChanges.subProcessorId))
      .leftJoin(termsChanges, and(eq(changeNotices.subject, "terms_change"), eq(termsChanges.id, objections.changeId)))
      .innerJoin(agreements, eq(agreements.id, objections.agreementId))
      .innerJoin(customers, eq(customers.id, agreements.customerId))
      .where(undecided)
      .orderBy(asc(objections.receivedAt), asc(objections.id))
      .limit(DECISIONS_SHOWN),
    db.select({ total: count() }).from(objections).innerJoin(changeNotices, eq(changeNotices.id, objections.noticeId)).where(undecided),
    noticesWithParties(db).where(unanswered).orderBy(asc(changeNotices.lastDay), asc(changeNotices.id)).limit(DECISIONS_SHOWN),
    db
      .select({ total: count() })
      .from(changeNotices)
      .innerJoin(subProcessorChanges, eq(subProcessorChanges.id, changeNotices.changeId))
      .where(unanswered),
  ]);
  return {
    objections: { items: objectionRows, total: objectionCount?.total ?? 0 },
    authorisations: {
      items: authorisationRows.map(
        ({ notice, vendorName, agreementReference, customerName }): AwaitedAuthorisation => ({
          noticeId: notice.id,
          changeId: notice.changeId,
          vendorName,
          agreementId: notice.agreementId,
          reference: agreementReference,
          customerName,
          noticeDate: notice.noticeDate,
          lastDay: notice.lastDay,
          timeZone: notice.timeZone,
        }),
      ),
      total: authorisationCount?.total ?? 0,
    },
  };
}
