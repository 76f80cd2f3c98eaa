import { and, asc, count, countDistinct, eq, max } from "drizzle-orm";
import { inList } from "../../kernel/ports/in-list.ts";
import { agreements, changeNotices, customers, objections } from "../../../../db/schema.ts";
import type { Ctx } from "../../kernel/context.ts";
import { parseInput } from "../../kernel/input/parse-input.ts";
import type { ChangeNotice, Objection } from "../model/change-notice.ts";
import { type TermsChange, TermsChangeListQuery } from "../model/terms-change.ts";
import { noticesOf, objectionsOf } from "../queries/change-rows.ts";
import { OBJECTED_REASON, objectedNotices, termsStartInstant } from "./take-terms-effect.ts";
import { activeParties } from "../announcement/notice-windows.ts";
import { termsStartDay } from "./terms-mail.ts";
import { findTermsChange, termsChangesWith } from "./terms-rows.ts";

/** One agreement's side of a terms change: its window, its customer's objections, and whether the new terms apply to it. */
export interface TermsNoticeLine {
  notice: ChangeNotice;
  agreementReference: string;
  customerName: string;
  objections: Objection[];
  /** The customer objected in time and keeps the current terms: it may terminate the agreement. */
  mayTerminate: boolean;
}

export interface TermsChangeDetail extends TermsChange {
  /** When it takes effect if it is announced: the start of its effective day, once every window has closed. */
  startsAt: string | null;
  notices: TermsNoticeLine[];
}

export async function listTermsChanges(ctx: Ctx, raw: Record<string, string>): Promise<{ items: TermsChange[] }> {
  const query = parseInput(TermsChangeListQuery, raw);
  return { items: await termsChangesWith(ctx.store.db, query.status) };
}

export async function termsChangeDetail(ctx: Ctx, id: string): Promise<TermsChangeDetail> {
  const db = ctx.store.db;
  const change = await findTermsChange(db, id);
  const [notices, raised] = await Promise.all([noticesOf(db, [id]), objectionsOf(db, [id])]);
  const parties =
    notices.length === 0
      ? []
      : await db
          .select({ id: agreements.id, reference: agreements.reference, customerName: customers.legalName })
          .from(agreements)
          .innerJoin(customers, eq(customers.id, agreements.customerId))
          .where(
            inList(
              agreements.id,
              notices.map((n) => n.agreementId),
            ),
          )
          .orderBy(asc(agreements.reference));
  const byAgreement = new Map(parties.map((p) => [p.id, p]));
  const objecting = objectedNotices(
    notices.filter((n) => n.status === "open"),
    raised,
  );
  const lines = notices
    .map((notice) => ({
      notice,
      agreementReference: byAgreement.get(notice.agreementId)?.reference ?? notice.agreementId,
      customerName: byAgreement.get(notice.agreementId)?.customerName ?? "",
      objections: raised.filter((o) => o.noticeId === notice.id),
      mayTerminate: objecting.has(notice.id) || notice.outcomeReason === OBJECTED_REASON,
    }))
    .sort((a, b) => a.agreementReference.localeCompare(b.agreementReference));
  return { ...change, startsAt: change.status === "announced" ? termsStartInstant(change, notices) : null, notices: lines };
}

/** An announced terms change as the dashboard sums it up: its day, its windows and the customers who objected in time. */
export interface TermsUnderWay {
  id: string;
  version: string;
  appliesFrom: string;
  notified: number;
  lastWindowDay: string | null;
  objectedInTime: number;
  lateObjections: number;
}

/** Every announced terms change, from two grouped queries whatever the number of notices. */
export async function termsUnderWay(ctx: Ctx): Promise<TermsUnderWay[]> {
  const db = ctx.store.db;
  const changes = await termsChangesWith(db, "announced");
  if (changes.length === 0) return [];
  const ids = changes.map((c) => c.id);
  const [notices, raised] = await Promise.all([
    db
      .select({ changeId: changeNotices.changeId, notified: count(), lastDay: max(changeNotices.lastDay) })
      .from(changeNotices)
      .where(and(eq(changeNotices.subject, "terms_change"), inList(changeNotices.changeId, ids)))
      .groupBy(changeNotices.changeId),
    db
      .select({ changeId: objections.changeId, onTime: objections.onTime, total: countDistinct(objections.noticeId) })
      .from(objections)
      .where(inList(objections.changeId, ids))
      .groupBy(objections.changeId, objections.onTime),
  ]);
  return changes.map((change) => {
    const n = notices.find((row) => row.changeId === change.id);
    const of = (onTime: boolean) => raised.find((row) => row.changeId === change.id && row.onTime === onTime)?.total ?? 0;
    return {
      id: change.id,
      version: change.version,
      appliesFrom: termsStartDay(change),
      notified: n?.notified ?? 0,
      lastWindowDay: n?.lastDay ?? null,
      objectedInTime: of(true),
      lateObjections: of(false),
    };
  });
}

/** Every agreement in force (whatever their number), by reference, as the proposal form offers them. */
export async function agreementsInForce(ctx: Ctx): Promise<{ id: string; reference: string; customerName: string }[]> {
  return (await activeParties(ctx)).map((p) => ({ id: p.id, reference: p.reference, customerName: p.customerName }));
}
