import { asc, eq } from "drizzle-orm";
import { agreements, customers, objections } from "../../../../db/schema.ts";
import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import type { ChangeNotice, Objection } from "../model/change-notice.ts";
import type { Language } from "../../kernel/values/values.ts";
import { loadFacts } from "../proposal/change-facts.ts";
import { findChangeRow, findNotice, toChange, toObjection } from "../queries/change-rows.ts";
import type { ChangeFacts } from "./mail-text.ts";

/** One notice with everything a page about it shows: the change as the e-mail described it, the agreement and customer, and its objections. */
export interface NoticeView {
  notice: ChangeNotice;
  facts: ChangeFacts;
  agreement: { id: string; reference: string; language: Language; timeZone: string };
  customer: { id: string; legalName: string };
  objections: Objection[];
}

export async function noticeView(ctx: Ctx, noticeId: string): Promise<NoticeView> {
  const db = ctx.store.db;
  const notice = await findNotice(db, noticeId);
  const change = toChange(await findChangeRow(db, notice.changeId));
  const [facts, [party], raised] = await Promise.all([
    loadFacts(ctx, change),
    db
      .select({
        id: agreements.id,
        reference: agreements.reference,
        language: agreements.language,
        timeZone: agreements.timeZone,
        customerId: customers.id,
        customerName: customers.legalName,
      })
      .from(agreements)
      .innerJoin(customers, eq(customers.id, agreements.customerId))
      .where(eq(agreements.id, notice.agreementId)),
    db.select().from(objections).where(eq(objections.noticeId, notice.id)).orderBy(asc(objections.id)),
  ]);
  if (!party) throw notFound("agreement", notice.agreementId);
  return {
    notice,
    facts,
    agreement: { id: party.id, reference: party.reference, language: party.language, timeZone: party.timeZone },
    customer: { id: party.customerId, legalName: party.customerName },
    objections: raised.map(toObjection),
  };
}
