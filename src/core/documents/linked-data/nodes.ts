// Register entities as DPV nodes, made from the stored values (ids, codes, texts in every
// language), never from a document's display strings.
import type { Activity, DataCategory, SecurityMeasure, SubjectCategory, SubProcessor } from "../../register/index.ts";
import { isInEea } from "../../kernel/values/countries.ts";
import type {
  Address,
  AnyPeriod,
  Contact,
  JointController,
  Representative,
  Retention,
  TimeLength,
  TransferMechanism,
} from "../../kernel/values/values.ts";
import { art9Condition, compact, country, legalBasis, mechanismBasis, type Node, ref, typed, urn } from "./vocabulary.ts";
import type { z } from "zod";

/** Annex III headings about how the organisation works rather than what its systems do. */
const ORGANISATIONAL = new Set(["regular_testing", "it_governance", "certification_assurance", "data_quality", "accountability"]);
const SPECIAL_TYPES = { none: "dpv:PersonalData", art9: "dpv:SpecialCategoryPersonalData", art10: "dpv:SensitivePersonalData" };

const address = (a: Address) =>
  compact({
    "@type": "schema:PostalAddress",
    "schema:streetAddress": a.street,
    "schema:postalCode": a.postalCode,
    "schema:addressLocality": a.city,
    "schema:addressRegion": a.region,
    "dpv:hasCountry": country(a.country),
  });

const contact = (c: Contact, type = "schema:ContactPoint") =>
  compact({ "@type": type, "schema:name": c.name, "schema:jobTitle": c.position, "schema:email": c.email, "schema:telephone": c.phone });

interface Party {
  legalName: string;
  companyNumber?: string | null;
  address?: Address;
  contact: Contact;
  dpo?: Contact | null;
  euRepresentative?: Representative | null;
}

/** A legal entity (Annex I, Art. 30(1)(a)/(2)(a)): name, number, address, contact person, DPO, representative. */
export function partyNode(id: string | null, type: string, p: Party): Node {
  const r = p.euRepresentative;
  return compact({
    "@id": id ? urn(id) : undefined,
    "@type": type,
    "dpv:hasName": p.legalName,
    "dct:identifier": p.companyNumber,
    "dpv:hasAddress": p.address && address(p.address),
    "dpv:hasContact": contact(p.contact),
    "dpv:hasDataProtectionOfficer": p.dpo && contact(p.dpo, "dpv:DataProtectionOfficer"),
    "dpv:hasRepresentative": r && {
      ...contact({ name: r.name, email: r.email, phone: r.phone }, "dpv:Representative"),
      "dpv:hasAddress": address(r.address),
    },
  });
}

export const jointControllerNode = (j: JointController) => ({
  ...partyNode(null, "dpv:DataController", j),
  ...compact({ arrangement: j.arrangement }),
});

/** A period as its length and unit (calendar or working days, months, years, hours): units xsd:duration cannot all say. */
export const periodNode = (p: AnyPeriod | z.infer<typeof TimeLength>) => ({
  "@type": "dpv:Duration",
  "dpar:length": p.length,
  "dpar:unit": ref(`dpar:${p.unit}`),
});

function storageNode(dataCategoryId: string, r: Retention): Node {
  const length = r.kind === "period" ? r.period : r.offset;
  return compact({
    "@type": "dpv:StorageDuration",
    "dpv:hasPersonalData": ref(urn(dataCategoryId)),
    "dpv:hasDuration": length && periodNode(length),
    event: r.kind === "event" ? r.event : undefined,
    note: r.note,
  });
}

/** A transfer to third countries (Art. 30(1)(e), 30(2)(c)) and what makes it lawful; no basis while undecided. */
export function transferNode(
  countries: string[],
  mechanism: TransferMechanism | null | undefined,
  recipient?: string,
  withSafeguards = true,
): Node {
  return compact({
    "@type": "dpv:Process",
    "dpv:hasProcessing": ref("dpv:CrossBorderTransfer"),
    "dpv:hasThirdCountry": countries.map(country),
    "dpv:hasRecipient": recipient && { "@type": "dpv:Recipient", "dpv:hasName": recipient },
    "dpv:hasLegalBasis": mechanism && mechanismBasis(mechanism),
    safeguards: withSafeguards ? mechanism?.safeguards : undefined,
  });
}

/** An activity; its controllers, processor and the sub-processors it may use are the document's to add. */
export function activityNode(a: Activity, subProcessors: SubProcessor[], jointControllers: JointController[]): Node {
  return compact({
    "@id": urn(a.id),
    "@type": "dpv:Process",
    title: a.name,
    subjectMatter: a.subjectMatter,
    nature: a.nature,
    "dpv:hasPurpose": a.purposes.map((p) => ({ "@type": "dpv:Purpose", description: p })),
    "dpv:hasLegalBasis": [
      a.legalBasis && legalBasis(a.legalBasis),
      a.specialCategoryCondition && art9Condition(a.specialCategoryCondition),
    ].filter(Boolean),
    safeguards: a.specialCategorySafeguards,
    "dpv:hasDataSubject": a.subjectCategoryIds.map((id) => ref(urn(id))),
    "dpv:hasPersonalData": a.dataCategories.map((l) => ref(urn(l.dataCategoryId))),
    "dpv:hasStorageCondition": a.dataCategories.flatMap((l) => (l.retention ? [storageNode(l.dataCategoryId, l.retention)] : [])),
    "dpv:hasRecipient": [
      ...a.recipients.map((r) => compact({ "@type": "dpv:Recipient", title: r.name, "dpv:hasCountry": r.country && country(r.country) })),
      ...subProcessors.map((s) => ref(urn(s.id))),
    ],
    "dpv:hasProcess": a.transfers.map((t) => transferNode([t.country], t.mechanism, t.recipient)),
    "dpv:hasTechnicalOrganisationalMeasure": a.securityMeasureIds.map((id) => ref(urn(id))),
    "dpv:hasJointDataControllers": jointControllers.length
      ? { "@type": "dpv:JointDataControllers", "dpv:hasDataController": jointControllers.map(jointControllerNode) }
      : undefined,
  });
}

export const subjectNode = (s: SubjectCategory) =>
  compact({ "@id": urn(s.id), "@type": "dpv:DataSubject", title: s.name, description: s.description });

export const categoryNode = (c: DataCategory) =>
  compact({ "@id": urn(c.id), "@type": SPECIAL_TYPES[c.special], title: c.name, description: c.description });

export const measureNode = (m: SecurityMeasure) =>
  compact({
    "@id": urn(m.id),
    "@type": ORGANISATIONAL.has(m.heading) ? "dpv:OrganisationalMeasure" : "dpv:TechnicalMeasure",
    "dpar:annexIIIHeading": ref(`dpar:${m.heading}`),
    title: m.title,
    description: m.description,
    "dpar:certification": m.certifications.map((c) =>
      compact({
        "@type": "dpv:Certification",
        "dpv:hasName": c.name,
        "dct:publisher": c.issuer,
        "dpar:validUntil": c.validUntil && typed(c.validUntil, "date"),
      }),
    ),
  });

export type SubProcessorFields = Pick<
  SubProcessor,
  | "id"
  | "legalName"
  | "companyNumber"
  | "address"
  | "contact"
  | "service"
  | "processingDescription"
  | "locations"
  | "transferMechanism"
  | "parentId"
>;

/**
 * A sub-processor (Annex IV): who, where, what it does, the chain and any transfer outside the EEA.
 * The public list leaves out what the published HTML and JSON lists leave out: contacts, addresses, safeguard texts.
 */
export function subProcessorNode(s: SubProcessorFields, published = false): Node {
  const outside = [...new Set(s.locations.filter((l) => !isInEea(l.country)).map((l) => l.country))];
  return compact({
    ...(published
      ? { "@id": urn(s.id), "@type": "dpv:DataSubProcessor", "dpv:hasName": s.legalName }
      : partyNode(s.id, "dpv:DataSubProcessor", s)),
    service: s.service,
    description: published ? undefined : s.processingDescription,
    "dpv:hasLocation": s.locations.map((l) =>
      compact({ "@type": "dpv:Location", "dpv:hasCountry": country(l.country), "schema:addressRegion": l.region }),
    ),
    "dpv:hasProcess": outside.length ? [transferNode(outside, s.transferMechanism, undefined, !published)] : [],
    "dpar:engagedBy": s.parentId ? ref(urn(s.parentId)) : undefined,
  });
}
