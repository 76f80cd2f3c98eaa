import { AppError } from "../../kernel/errors.ts";
import { isInEea } from "../../kernel/values/countries.ts";
import { ANNEX_III_HEADINGS } from "../../register/index.ts";
import { CLOCK_NAMES, type Language } from "../../kernel/values/values.ts";
import { checkActivity } from "../completeness/activity-checks.ts";
import { checkCertifications } from "../completeness/certification-checks.ts";
import { findingSink } from "../completeness/finding.ts";
import { displayText } from "../../kernel/i18n/display-text.ts";
import { countryName, formatDate, formatPeriod, label, translate } from "../../kernel/i18n/localise.ts";
import type { RegisterSnapshot } from "../register-snapshot.ts";
import type { DocumentContent } from "./document-content.ts";
import { DocumentTexts } from "./texts.ts";
import { activityView, inCreationOrder, isCurrent, measuresOf, measureView, partyView, subProcessorView } from "./parts.ts";

/**
 * The annexes of one customer's DPA in the shape of the standard contractual
 * clauses (Implementing Decision 2021/915): I parties, II description of the
 * processing per covered activity, III technical and organisational
 * measures, IV sub-processors, with the clause 7.7 option and its period.
 */
export function annexContent(snapshot: RegisterSnapshot, agreementId: string, requested: Language | null): DocumentContent {
  const agreement = snapshot.agreements.get(agreementId);
  if (!agreement) throw new AppError("not_found", `No agreement ${agreementId} in the register as of ${snapshot.asOf}.`);
  const customer = snapshot.customers.get(agreement.customerId);
  if (!customer)
    throw new AppError("not_found", `The customer of agreement ${agreement.reference} is not in the register as of ${snapshot.asOf}.`);
  const lang = requested ?? agreement.language;
  const org = snapshot.organisation;
  const sink = findingSink(lang);
  const texts = new DocumentTexts(lang);

  if (!org) sink.add("Annex I", "organisationMissing");
  else if (!org.contact.name) sink.add("Annex I", "contactPersonMissing", { party: org.legalName });
  if (!customer.contact.name) sink.add("Annex I", "contactPersonMissing", { party: customer.legalName });
  if (!agreement.signedOn) sink.add("Annex I", "unsigned", { reference: agreement.reference }, { type: "agreement", id: agreement.id });

  const activities = agreement.activityIds.flatMap((id) => snapshot.activities.get(id) ?? []);
  if (activities.length === 0) sink.add("Annex II", "noActivities");
  for (const activity of activities) {
    checkActivity(
      snapshot,
      activity,
      lang,
      {
        purposes: "Annex II",
        nature: "Annex II",
        subjects: "Annex II",
        dataCategories: "Annex II",
        specialSafeguards: "Annex II",
        retention: "Annex II",
        transfers: "Annex IV",
      },
      sink,
    );
  }
  const measures = measuresOf(snapshot, activities, ANNEX_III_HEADINGS);
  if (measures.length === 0) sink.add("Annex III", "noMeasures");
  checkCertifications(measures, snapshot.asOf, "Annex III", lang, sink);

  const covered = new Set(activities.map((a) => a.id));
  const subProcessors = inCreationOrder(
    [...snapshot.subProcessors.values()].filter(
      (s) => isCurrent(s) && s.status === "active" && s.activityIds.some((id) => covered.has(id)) && !excludes(s, agreement.id),
    ),
  );
  for (const s of subProcessors) {
    if (!s.processingDescription)
      sink.add("Annex IV", "subProcessorWithoutDescription", { subProcessor: s.legalName }, { type: "sub_processor", id: s.id });
  }

  // Places of processing: the processor's own establishment and every location of its sub-processors for these activities.
  const places = [...new Set([...(org ? [org.address.country] : []), ...subProcessors.flatMap((s) => s.locations.map((l) => l.country))])];
  const notice = formatPeriod(agreement.clocks.subProcessorNotice, lang);
  const processor = org ? partyView(org, lang) : null;
  const content: DocumentContent = {
    template: "annex",
    language: lang,
    title: translate(lang, "annex.title"),
    subject: displayText(agreement.reference),
    findings: sink.findings,
    body: {
      agreement: {
        reference: displayText(agreement.reference),
        version: displayText(agreement.version),
        signedOn: agreement.signedOn ? formatDate(agreement.signedOn, lang) : null,
        status: label(lang, "agreementStatus", agreement.status),
        authorisationOption: translate(lang, `authorisation.${agreement.authorisation}.option`),
        authorisationText: translate(lang, `authorisation.${agreement.authorisation}.text`, {
          period: notice,
          processor: processor?.name ?? "",
        }),
        clocks: CLOCK_NAMES.flatMap((name) => {
          const period = agreement.clocks[name];
          return period ? [{ name: translate(lang, `clock.${name}`), period: formatPeriod(period, lang) }] : [];
        }),
        governingCountry: countryName(agreement.governingCountry, lang),
      },
      controller: partyView(customer, lang),
      processor,
      activities: activities.map((a, i) => activityView(snapshot, a, i + 1, texts, agreement.id)),
      places: places.map((code) => ({ country: countryName(code, lang), outsideEea: !isInEea(code) })),
      measures: measures.map((m) => measureView(m, texts)),
      subProcessors: subProcessors.map((s) => subProcessorView(snapshot, s, texts, covered)),
    },
  };
  // The views are built: every register text they showed in another language is now known.
  texts.report(translate(lang, "findings.language"), sink);
  return content;
}

/** A vendor kept out of this agreement by an objection's resolution; entries older than the field have none. */
const excludes = (s: { excludedAgreementIds?: string[] }, agreementId: string) => (s.excludedAgreementIds ?? []).includes(agreementId);
