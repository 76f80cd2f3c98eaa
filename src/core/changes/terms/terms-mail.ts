import { formatDate, formatPeriod, pick, translate } from "../../kernel/i18n/localise.ts";
import { dpoEmail, type Organisation } from "../../organisation/index.ts";
import type { ChangeNotice } from "../model/change-notice.ts";
import type { TermsChange } from "../model/terms-change.ts";
import type { NoticeParty } from "../announcement/notice-windows.ts";
import { maxDate } from "../announcement/mail-text.ts";

/** The day the new terms apply: the date announced, or the first day every window allows if that is later. */
export const termsStartDay = (change: TermsChange): string => maxDate(change.effectiveOn, change.earliestEffective);

/**
 * The notice of a terms change to one customer, in the agreement's language:
 * what changes, from when, where to read it, until when to object and what
 * an objection does (the current terms stay; the customer may terminate).
 */
export function termsNoticeMail(
  change: TermsChange,
  notice: ChangeNotice,
  party: Pick<NoticeParty, "reference" | "language" | "customerName" | "contact">,
  organisation: Organisation,
  link?: string,
): { subject: string; body: string } {
  const lang = party.language;
  const processor = organisation.legalName;
  const lastDay = formatDate(notice.lastDay, lang);
  const lines = [
    translate(lang, "mail.greeting", { name: party.contact.name ?? party.customerName }),
    "",
    translate(lang, "mail.terms.intro", { reference: party.reference, processor, version: change.version }),
    "",
    pick(change.summary, lang) ?? "",
    "",
    translate(lang, "mail.terms.effectiveOn", { date: formatDate(termsStartDay(change), lang) }),
    ...(change.documents.length > 0
      ? [translate(lang, "mail.terms.documents"), ...change.documents.map((d) => `- ${d.title}: ${d.url}`)]
      : []),
    "",
    translate(lang, "mail.terms.howToObject", {
      lastDay,
      timeZone: notice.timeZone,
      period: formatPeriod(notice.period, lang),
      dpoEmail: dpoEmail(organisation),
    }),
    ...(link ? ["", translate(lang, "mail.terms.link", { link })] : []),
    "",
    translate(lang, "mail.noticeReference", { noticeId: notice.id }),
    "",
    translate(lang, "mail.signature", { processor }),
  ];
  return {
    subject: translate(lang, "mail.terms.subject", { processor, reference: party.reference, lastDay }),
    body: lines.join("\n"),
  };
}
