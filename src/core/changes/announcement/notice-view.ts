import { asc, eq } from "drizzle-orm";
import { agreements, customers, objections } from "../../../../db/schema.ts";
import type { Ctx } from "../../kernel/context.ts";
import { notFound } from "../../kernel/errors.ts";
import type { Language } from "../../kernel/values/values.ts";
import type { Organisation } from "../../organisation/index.ts";
import type { ChangeNotice, Objection } from "../model/change-notice.ts";
import type { TermsChange } from "../model/terms-change.ts";
import { loadFacts, requireOrganisation } from "../proposal/change-facts.ts";
import { findChangeRow, findNotice, toChange, toObjection } from "../queries/change-rows.ts";
import { findTermsChange } from "../terms/terms-rows.ts";
import type { ChangeFacts } from "./mail-text.ts";

/** What a notice is about, as its e-mail described it. */
export type NoticeAbout = { type: "sub_processor_change"; facts: ChangeFacts } | { type: "terms_change"; change: TermsChange };

/** One notice with everything a page about it shows: what it is about, the agreement and customer, and its objections. */
export interface NoticeView {
  notice: ChangeNotice;
  about: NoticeAbout;
  organisation: Organisation;
  agreement: { id: string; reference: string; language: Language; timeZone: string };
  customer: { id: string; legalName: string };
  objections: Objection[];
}

/** The change a notice is about: each subject loads its own facts. */
export async function noticeAbout(ctx: Ctx, notice: ChangeNotice): Promise<NoticeAbout> {
  if (notice.subject === "terms_change") return { type: "terms_change", change: await findTermsChange(ctx.store.db, notice.changeId) };
  return { type: "sub_processor_change", facts: await loadFacts(ctx, toChange(await findChangeRow(ctx.store.db, notice.changeId))) };
}

/** The status of the change a notice is about (proposed, announced, effective, withdrawn) and when it got there. */
export function aboutStatus(about: NoticeAbout): { status: TermsChange["status"]; effectiveAt: string | null; withdrawnAt: string | null } {
  return about.type === "terms_change" ? about.change : about.facts.change;
}

export async function noticeView(ctx: Ctx, noticeId: string): Promise<NoticeView> {
  const db = ctx.store.db;
  const notice = await findNotice(db, noticeId);
  const [about, organisation, [party], raised] = await Promise.all([
    noticeAbout(ctx, notice),
    requireOrganisation(ctx),
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
    about,
    organisation,
    agreement: { id: party.id, reference: party.reference, language: party.language, timeZone: party.timeZone },
    customer: { id: party.customerId, legalName: party.customerName },
    objections: raised.map(toObjection),
  };
}
