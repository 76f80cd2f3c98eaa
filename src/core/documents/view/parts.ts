// Register entities turned into display values for one language. Every
// document format (HTML, PDF, CSV, JSON) is made from these, so the formats
// cannot disagree about what the register said.
import type { Activity, SecurityMeasure, SubProcessor } from "../../register/index.ts";
import { isInEea } from "../../kernel/values/countries.ts";
import type {
  Address,
  Contact,
  JointController,
  Language,
  Representative,
  Retention,
  TransferMechanism,
} from "../../kernel/values/values.ts";
import { displayText } from "../../kernel/i18n/display-text.ts";
import { countryName, formatPeriod, label, translate } from "../../kernel/i18n/localise.ts";
import type { RegisterSnapshot } from "../register-snapshot.ts";
import type { DocumentTexts, TextOwner } from "./texts.ts";

export interface PartyView {
  name: string;
  companyNumber: string | null;
  address: string;
  contact: string;
  dpo: string | null;
  representative: string | null;
}

export interface ActivityView {
  number: number;
  name: string;
  role: string;
  subjectMatter: string | null;
  nature: string | null;
  purposes: string[];
  legalBasis: string | null;
  subjects: string[];
  dataCategories: string[];
  sensitiveData: string[];
  specialCategoryCondition: string | null;
  specialCategorySafeguards: string | null;
  recipients: string[];
  transfers: string[];
  retention: string[];
  securityMeasures: string[];
  subProcessors: string[];
}

export interface MeasureView {
  heading: string;
  title: string;
  description: string;
  certifications: string[];
}

export interface SubProcessorView {
  name: string;
  companyNumber: string | null;
  address: string;
  contact: string;
  service: string;
  processingDescription: string | null;
  locations: string[];
  transferMechanism: string | null;
  activities: string[];
  engagedBy: string | null;
}

const text = (value: string | null | undefined): string | null => (value ? displayText(value) : null);

const ownerOf = (type: string, id: string, name: TextOwner["name"]): TextOwner => ({ type, id, name });

export function addressLine(address: Address, lang: Language): string {
  const parts = [address.street, `${address.postalCode} ${address.city}`, address.region, countryName(address.country, lang)];
  return displayText(parts.filter(Boolean).join(", "));
}

export function contactLine(contact: Contact): string {
  return displayText([contact.name, contact.position, contact.email, contact.phone].filter(Boolean).join(", "));
}

/** A joint controller (Art. 26) on one line: name, address, contact, and the essence of the arrangement (a text of `owner`). */
export function jointControllerLine(j: JointController, t: DocumentTexts, owner: TextOwner): string {
  const lang = t.lang;
  const arrangement = t.pick(j.arrangement, owner, "art30c.jointController");
  return [
    displayText(j.legalName),
    j.address ? addressLine(j.address, lang) : null,
    contactLine(j.contact),
    arrangement ? translate(lang, "jointController.arrangement", { arrangement: displayText(arrangement) }) : null,
  ]
    .filter(Boolean)
    .join("; ");
}

function representativeLine(r: Representative, lang: Language): string {
  return `${displayText(r.name)}, ${addressLine(r.address, lang)}, ${displayText([r.email, r.phone].filter(Boolean).join(", "))}`;
}

export function partyView(
  party: {
    legalName: string;
    companyNumber?: string | null;
    address: Address;
    contact: Contact;
    dpo?: Contact | null;
    euRepresentative?: Representative | null;
  },
  lang: Language,
): PartyView {
  return {
    name: displayText(party.legalName),
    companyNumber: text(party.companyNumber),
    address: addressLine(party.address, lang),
    contact: contactLine(party.contact),
    dpo: party.dpo ? contactLine(party.dpo) : null,
    representative: party.euRepresentative ? representativeLine(party.euRepresentative, lang) : null,
  };
}

/** Entities in the order they were added: stable across exports and runtimes. */
export function inCreationOrder<T extends { createdAt: string; id: string }>(entities: Iterable<T>): T[] {
  return [...entities].sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? -1 : 1) : a.createdAt < b.createdAt ? -1 : 1));
}

export function isCurrent(entity: { archivedAt?: string | null }): boolean {
  return !entity.archivedAt;
}

/** A retention period, its event and note being texts of `owner` (the activity that keeps the data). */
export function retentionText(retention: Retention, t: DocumentTexts, owner: TextOwner): string {
  const lang = t.lang;
  const note = t.pick(retention.note, owner, "activity.retention");
  let main: string;
  if (retention.kind === "period") main = formatPeriod(retention.period, lang);
  else {
    const event = t.required(retention.event, owner, "activity.retention");
    main = retention.offset ? translate(lang, "retention.afterEvent", { offset: formatPeriod(retention.offset, lang), event }) : event;
  }
  return note ? `${main} (${note})` : main;
}

/** A transfer mechanism, its safeguards being a text of `owner` (the activity or sub-processor that transfers). */
export function mechanismText(mechanism: TransferMechanism | null | undefined, t: DocumentTexts, owner: TextOwner): string | null {
  if (!mechanism) return null;
  const lang = t.lang;
  let main = label(lang, "mechanism", mechanism.kind);
  if (mechanism.derogation) main += `: ${label(lang, "derogation", mechanism.derogation)}`;
  const safeguards = t.pick(mechanism.safeguards, owner, "subProcessor.transferMechanism");
  return safeguards ? `${main}. ${translate(lang, "mechanism.safeguards", { safeguards })}` : main;
}

export function locationText(location: { country: string; region?: string | undefined }, lang: Language): string {
  const country = countryName(location.country, lang);
  return location.region ? `${country} (${displayText(location.region)})` : country;
}

// Indexed once per snapshot: a record asks for every activity's sub-processors several times.
const subProcessorIndex = new WeakMap<RegisterSnapshot, Map<string, SubProcessor[]>>();

/**
 * The active sub-processors serving an activity, in creation order; for one
 * agreement, without those an objection's resolution kept out of it (entries
 * written before that field existed have none).
 */
export function subProcessorsOf(snapshot: RegisterSnapshot, activityId: string, agreementId?: string): SubProcessor[] {
  let index = subProcessorIndex.get(snapshot);
  if (!index) {
    index = new Map();
    for (const s of inCreationOrder(snapshot.subProcessors.values())) {
      if (!isCurrent(s) || s.status !== "active") continue;
      for (const id of new Set(s.activityIds)) {
        const list = index.get(id);
        if (list) list.push(s);
        else index.set(id, [s]);
      }
    }
    subProcessorIndex.set(snapshot, index);
  }
  const serving = index.get(activityId) ?? [];
  return agreementId ? serving.filter((s) => !(s.excludedAgreementIds ?? []).includes(agreementId)) : serving;
}

export function activityView(
  snapshot: RegisterSnapshot,
  activity: Activity,
  number: number,
  t: DocumentTexts,
  agreementId?: string,
): ActivityView {
  const lang = t.lang;
  const own = ownerOf("processing_activity", activity.id, activity.name);
  const categories = activity.dataCategories.flatMap((link) => {
    const category = snapshot.dataCategories.get(link.dataCategoryId);
    return category ? [{ category, retention: link.retention }] : [];
  });
  const categoryName = (c: (typeof categories)[number]["category"]) =>
    t.required(c.name, ownerOf("data_category", c.id, c.name), "activity.dataCategories");
  const retentions = categories.map((c) => ({
    name: categoryName(c.category),
    text: c.retention ? retentionText(c.retention, t, own) : null,
  }));
  const distinct = new Set(retentions.map((r) => r.text));
  const retention =
    distinct.size === 1 && retentions[0]?.text
      ? [retentions[0].text]
      : retentions.map((r) => `${r.name}: ${r.text ?? translate(lang, "retention.unknown")}`);

  return {
    number,
    name: t.required(activity.name, own, "activity.name"),
    role: label(lang, "role", activity.role),
    subjectMatter: t.pick(activity.subjectMatter, own, "activity.subjectMatter"),
    nature: t.pick(activity.nature, own, "activity.nature"),
    purposes: activity.purposes.map((p) => t.required(p, own, "activity.purposes")),
    legalBasis: activity.legalBasis ? label(lang, "legalBasis", activity.legalBasis) : null,
    subjects: activity.subjectCategoryIds.flatMap((id) => {
      const subject = snapshot.subjectCategories.get(id);
      return subject ? [t.required(subject.name, ownerOf("subject_category", subject.id, subject.name), "activity.subjects")] : [];
    }),
    dataCategories: categories.filter((c) => c.category.special === "none").map((c) => categoryName(c.category)),
    sensitiveData: categories
      .filter((c) => c.category.special !== "none")
      .map((c) => `${categoryName(c.category)} (${label(lang, "special", c.category.special)})`),
    specialCategoryCondition: activity.specialCategoryCondition ? label(lang, "art9", activity.specialCategoryCondition) : null,
    specialCategorySafeguards: t.pick(activity.specialCategorySafeguards, own, "activity.safeguards"),
    recipients: activity.recipients.map((r) => {
      const name = t.required(r.name, own, "art30c.d");
      return r.country ? `${name} (${countryName(r.country, lang)})` : name;
    }),
    transfers: transfersOf(snapshot, activity, t, agreementId),
    retention,
    securityMeasures: activity.securityMeasureIds.flatMap((id) => {
      const measure = snapshot.securityMeasures.get(id);
      return measure ? [t.required(measure.title, ownerOf("security_measure", measure.id, measure.title), "measure.title")] : [];
    }),
    subProcessors: subProcessorsOf(snapshot, activity.id, agreementId).map(
      (s) => `${displayText(s.legalName)}: ${t.required(s.service, ownerOf("sub_processor", s.id, s.legalName), "subProcessor.service")}`,
    ),
  };
}

/**
 * Art. 30(1)(e) and 30(2)(c): the activity's own transfers plus each of its
 * sub-processors' locations outside the EEA, each with its mechanism.
 */
function transfersOf(snapshot: RegisterSnapshot, activity: Activity, t: DocumentTexts, agreementId?: string): string[] {
  const lang = t.lang;
  const owner = ownerOf("processing_activity", activity.id, activity.name);
  const own = activity.transfers.map((transfer) => {
    const where = transfer.recipient
      ? `${countryName(transfer.country, lang)} (${displayText(transfer.recipient)})`
      : countryName(transfer.country, lang);
    return `${where}: ${mechanismText(transfer.mechanism, t, owner) ?? translate(lang, "transfer.noMechanism")}`;
  });
  const viaSubProcessors = subProcessorsOf(snapshot, activity.id, agreementId).flatMap((s) =>
    s.locations
      .filter((l) => !isInEea(l.country))
      .map(
        (l) =>
          `${locationText(l, lang)} (${displayText(s.legalName)}): ${mechanismText(s.transferMechanism, t, ownerOf("sub_processor", s.id, s.legalName)) ?? translate(lang, "transfer.noMechanism")}`,
      ),
  );
  return [...own, ...viaSubProcessors];
}

export function measureView(measure: SecurityMeasure, t: DocumentTexts): MeasureView {
  const lang = t.lang;
  const own = ownerOf("security_measure", measure.id, measure.title);
  return {
    heading: label(lang, "annexIII", measure.heading),
    title: t.required(measure.title, own, "measure.title"),
    description: t.required(measure.description, own, "measure.description"),
    certifications: measure.certifications.map((c) =>
      displayText(
        [c.name, c.issuer, c.validUntil ? translate(lang, "certification.validUntil", { date: c.validUntil }) : null]
          .filter(Boolean)
          .join(", "),
      ),
    ),
  };
}

/** The measures the given activities name, in Annex III heading order then creation order. */
export function measuresOf(snapshot: RegisterSnapshot, activities: Activity[], headingOrder: readonly string[]): SecurityMeasure[] {
  const ids = new Set(activities.flatMap((a) => a.securityMeasureIds));
  const measures = inCreationOrder([...ids].flatMap((id) => snapshot.securityMeasures.get(id) ?? []));
  return measures.sort((a, b) => headingOrder.indexOf(a.heading) - headingOrder.indexOf(b.heading));
}

export function subProcessorView(
  snapshot: RegisterSnapshot,
  s: SubProcessor,
  t: DocumentTexts,
  activityFilter?: Set<string>,
): SubProcessorView {
  const lang = t.lang;
  const own = ownerOf("sub_processor", s.id, s.legalName);
  const parent = s.parentId ? snapshot.subProcessors.get(s.parentId) : undefined;
  return {
    name: displayText(s.legalName),
    companyNumber: text(s.companyNumber),
    address: addressLine(s.address, lang),
    contact: contactLine(s.contact),
    service: t.required(s.service, own, "subProcessor.service"),
    processingDescription: t.pick(s.processingDescription, own, "subProcessor.description"),
    locations: s.locations.map((l) => locationText(l, lang)),
    transferMechanism: s.locations.some((l) => !isInEea(l.country))
      ? (mechanismText(s.transferMechanism, t, own) ?? translate(lang, "transfer.noMechanism"))
      : translate(lang, "transfer.withinEea"),
    activities: s.activityIds
      .filter((id) => !activityFilter || activityFilter.has(id))
      .flatMap((id) => {
        const activity = snapshot.activities.get(id);
        return activity ? [t.required(activity.name, ownerOf("processing_activity", activity.id, activity.name), "activity.name")] : [];
      }),
    engagedBy: parent ? displayText(parent.legalName) : null,
  };
}
