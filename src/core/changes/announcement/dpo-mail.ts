import { eq } from "drizzle-orm";
import { agreements, customers, subProcessors } from "../../../../db/schema.ts";
import type { Ctx } from "../../kernel/context.ts";
import type { ChangeNotice } from "../model/change-notice.ts";
import type { Organisation } from "../../organisation/index.ts";
import { type MessageKind, outboxRow, type OutboxRow } from "../../outbox/index.ts";
import { translate, type Params } from "../../kernel/i18n/localise.ts";
import { requireOrganisation } from "../proposal/change-facts.ts";
import { findChangeRow } from "../queries/change-rows.ts";
import { findTermsChange } from "../terms/terms-rows.ts";
import { dpoEmail } from "./mail-text.ts";

/** Names a DPO message about one notice quotes: what it is about (a vendor, or a terms version), its agreement and customer. */
export interface NoticeParties {
  vendor: string;
  version: string;
  reference: string;
  customer: string;
  organisation: Organisation;
}

export async function noticeParties(ctx: Ctx, notice: ChangeNotice): Promise<NoticeParties> {
  const db = ctx.store.db;
  const [about, [agreement], organisation] = await Promise.all([
    notice.subject === "terms_change"
      ? findTermsChange(db, notice.changeId).then((terms) => ({ vendor: "", version: terms.version }))
      : findChangeRow(db, notice.changeId).then(async (change) => {
          const [vendor] = await db
            .select({ name: subProcessors.legalName })
            .from(subProcessors)
            .where(eq(subProcessors.id, change.subProcessorId));
          return { vendor: vendor?.name ?? "", version: "" };
        }),
    db
      .select({ reference: agreements.reference, customer: customers.legalName })
      .from(agreements)
      .innerJoin(customers, eq(customers.id, agreements.customerId))
      .where(eq(agreements.id, notice.agreementId)),
    requireOrganisation(ctx),
  ]);
  return { ...about, reference: agreement?.reference ?? "", customer: agreement?.customer ?? "", organisation };
}

/** A message to the organisation's DPO, in the organisation's language, from catalogue keys `<key>.subject` / `<key>.body`. */
export function dpoMessage(
  ctx: Ctx,
  organisation: Organisation,
  kind: MessageKind,
  keys: { subject: string; body: string },
  params: Params,
  related: { type: string; id: string },
  at: string,
): OutboxRow {
  const lang = organisation.defaultLanguage;
  return outboxRow(
    ctx,
    {
      kind,
      recipient: dpoEmail(organisation),
      subject: translate(lang, keys.subject, params),
      body: translate(lang, keys.body, params),
      related,
    },
    at,
  );
}

/**
 * The DPO's alert about something a customer did on a notice (an objection,
 * an authorisation answer): the catalogue's `<key>.subject` and `<key>.body`,
 * with the notice's parties filled in and `details` in the DPO's language.
 */
export async function noticeAlert(
  ctx: Ctx,
  notice: ChangeNotice,
  key: "mail.alert" | "mail.authorisationAlert",
  details: (lang: Organisation["defaultLanguage"]) => Params,
  related: { type: string; id: string },
  at: string,
): Promise<OutboxRow> {
  const parties = await noticeParties(ctx, notice);
  const params = {
    customer: parties.customer,
    reference: parties.reference,
    vendor: parties.vendor,
    version: parties.version,
    noticeId: notice.id,
    changeId: notice.changeId,
    ...details(parties.organisation.defaultLanguage),
  };
  // A terms change has its own wording: there is no vendor, and an objection in time keeps the old terms and lets the customer terminate.
  const keys = notice.subject === "terms_change" && key === "mail.alert" ? "mail.termsAlert" : key;
  return dpoMessage(
    ctx,
    parties.organisation,
    "objection_alert",
    { subject: `${keys}.subject`, body: `${keys}.body` },
    params,
    related,
    at,
  );
}
