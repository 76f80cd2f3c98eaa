import { countryName, formatDate, formatPeriod, pick, translate } from "../../kernel/i18n/localise.ts";
import type { Agreement, Customer } from "../../register/index.ts";
import type { ChangeNotice } from "../model/change-notice.ts";
import { dpoEmail, type Organisation } from "../../organisation/index.ts";
import type { SubProcessorChange } from "../model/sub-processor-change.ts";
import type { Language, LocalizedText, Location } from "../../kernel/values/values.ts";

export { dpoEmail };

/** What a notice e-mail says about the change, independent of the recipient. */
export interface ChangeFacts {
  change: SubProcessorChange;
  vendor: { legalName: string; service: LocalizedText; locations: Location[] };
  replaced: { legalName: string } | null;
  /** change_chain: the sub-processor that engages the vendor from then on (null: the organisation directly). */
  parent?: { legalName: string } | null;
  activityNames: LocalizedText[];
  organisation: Organisation;
}

/** One line describing the change, e.g. "New sub-processor: IxorDocs NV, OCR, located in Germany." */
export function changeLine(facts: ChangeFacts, lang: Language): string {
  const { change, vendor } = facts;
  const locations = (change.locations ?? vendor.locations).map((l) => countryName(l.country, lang) + (l.region ? ` (${l.region})` : ""));
  return translate(lang, `mail.change.${change.kind}`, {
    vendor: vendor.legalName,
    service: pick(vendor.service, lang) ?? "",
    locations: locations.join(", "),
    replaced: facts.replaced?.legalName ?? "",
    parent: facts.parent?.legalName ?? translate(lang, "change.chain.direct"),
  });
}

/**
 * The notice (option 2) or authorisation request (option 1) sent to one
 * customer for one agreement, with `link` to that notice's objection page
 * (absent only where the text alone is measured).
 */
export function noticeMail(
  facts: ChangeFacts,
  notice: ChangeNotice,
  agreement: Pick<Agreement, "reference" | "language">,
  customer: Pick<Customer, "legalName" | "contact">,
  link?: string,
) {
  const lang = agreement.language;
  const processor = facts.organisation.legalName;
  const request = notice.kind === "authorisation_request";
  const lastDay = formatDate(notice.lastDay, lang);
  const startDate = formatDate(maxDate(facts.change.intendedStart, facts.change.earliestStart), lang);
  const lines = [
    translate(lang, "mail.greeting", { name: customer.contact.name ?? customer.legalName }),
    "",
    translate(lang, request ? "mail.authorisation.intro" : "mail.notice.intro", { reference: agreement.reference, processor }),
    "",
    changeLine(facts, lang),
    translate(lang, "mail.activities", { activities: facts.activityNames.map((n) => pick(n, lang)).join("; ") }),
    translate(lang, "mail.reason", { reason: pick(facts.change.reason, lang) ?? "" }),
    translate(lang, "mail.intendedStart", { date: formatDate(facts.change.intendedStart, lang) }),
    "",
    request
      ? translate(lang, "mail.authorisation.howToAnswer", { dpoEmail: dpoEmail(facts.organisation), lastDay, timeZone: notice.timeZone })
      : translate(lang, "mail.notice.howToObject", {
          dpoEmail: dpoEmail(facts.organisation),
          lastDay,
          timeZone: notice.timeZone,
          period: formatPeriod(notice.period, lang),
          date: startDate,
        }),
    ...(link ? ["", translate(lang, request ? "mail.authorisation.link" : "mail.notice.link", { link })] : []),
    "",
    translate(lang, "mail.noticeReference", { noticeId: notice.id }),
    "",
    translate(lang, "mail.signature", { processor }),
  ];
  const subject = translate(lang, request ? "mail.authorisation.subject" : "mail.notice.subject", {
    processor,
    reference: agreement.reference,
    lastDay,
  });
  return { subject, body: lines.join("\n") };
}

export const maxDate = (a: string, b: string | null) => (b && b > a ? b : a);
