import type { Ctx } from "../../kernel/context.ts";
import { translate } from "../../kernel/i18n/localise.ts";
import { type OutboxRow, outboxRow } from "../../outbox/index.ts";
import { dpoEmail } from "../announcement/mail-text.ts";
import { endOfLastDay, zonedTime } from "../announcement/deadline-words.ts";
import type { ChangeNotice, Objection } from "../model/change-notice.ts";
import { requireOrganisation } from "../proposal/change-facts.ts";
import { customerOfAgreement } from "../queries/notice-parties.ts";

/**
 * The customer's receipt for an objection, in the agreement's language and in
 * the words of the receipt page (the same catalogue entries): its reference,
 * when it was received, whether in time and what follows. It goes to the
 * customer's contact, whom the notice was sent to, and to the address given
 * on the objection form when that is another one. Written in the objection's
 * atomic unit, like the DPO's alert.
 */
export async function objectionReceiptMails(
  ctx: Ctx,
  notice: ChangeNotice,
  objection: Objection,
  givenAddress: string | undefined,
  at: string,
): Promise<OutboxRow[]> {
  const [party, organisation] = await Promise.all([customerOfAgreement(ctx.store.db, notice.agreementId), requireOrganisation(ctx)]);
  if (!party) return [];
  const lang = party.language;
  const t = (key: string, params: Record<string, string | number> = {}) => translate(lang, `objection.${key}`, params);
  const end = endOfLastDay(notice, lang);
  const subject = `${t("receipt.title")}: ${party.reference}`;
  const body = [
    t(`receipt.recorded.${notice.subject}`, { reference: party.reference }),
    [
      t("receipt.line", { label: t("receipt.reference"), value: objection.id }),
      t("receipt.line", { label: t("receipt.received"), value: zonedTime(objection.receivedAt, notice.timeZone, lang) }),
      t("receipt.line", { label: t("receipt.timing"), value: t(objection.onTime ? "onTime" : "late") }),
    ].join("\n"),
    t(`receipt.${objection.onTime ? "onTime" : "late"}.${notice.subject}`, { end }),
    t("receipt.told", { processor: organisation.legalName, dpoEmail: dpoEmail(organisation) }),
  ].join("\n\n");
  const recipients = [party.contact.email];
  if (givenAddress && givenAddress.toLowerCase() !== party.contact.email.toLowerCase()) recipients.push(givenAddress);
  return recipients.map((recipient) =>
    outboxRow(
      ctx,
      { kind: "objection_receipt", recipient, subject, body: `${body}\n`, related: { type: "objection", id: objection.id } },
      at,
    ),
  );
}
