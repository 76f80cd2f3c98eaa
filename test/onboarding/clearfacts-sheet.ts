// The ClearFacts demo register (src/core/demo/clearfacts-register.ts) as a
// DPO would type it into the spreadsheet template: the same facts, cell by
// cell, referring to each other by Ref and Reference instead of ids.
import * as demo from "../../src/core/demo/clearfacts-register.ts";
import type { LocalizedText } from "../../src/core/kernel/values/values.ts";
import type { TemplateRows } from "../../src/spreadsheets/template-writer.ts";

type Cells = Record<string, string>;

const texts = (label: string, text: LocalizedText | undefined): Cells =>
  Object.fromEntries(Object.entries(text ?? {}).map(([lang, value]) => [`${label} (${lang})`, value as string]));
const list = (items: readonly string[]) => items.join("\n");
const address = (a: { street: string; postalCode: string; city: string; country: string }): Cells => ({
  Street: a.street,
  "Postal code": a.postalCode,
  City: a.city,
  Country: a.country,
});
const contact = (label: string, c: { name?: string; position?: string; email: string } | undefined): Cells =>
  c ? { [`${label} name`]: c.name ?? "", [`${label} position`]: c.position ?? "", [`${label} e-mail`]: c.email } : {};

const measureRefs = Object.keys(demo.securityMeasures);
const processorSubjects = ["accountants", "clients", "counterparties"];

type Retention =
  | { kind: "event"; event: LocalizedText; offset?: { length: number; unit: string } }
  | { kind: "period"; period: { length: number; unit: string } };
function retention(r: Retention): Cells {
  if (r.kind === "period") return { Retention: "period", "Retention length": String(r.period.length), "Retention unit": r.period.unit };
  return {
    Retention: "event",
    ...texts("Retention event", r.event),
    ...(r.offset ? { "Retention length": String(r.offset.length), "Retention unit": r.offset.unit } : {}),
  };
}

export function clearFactsRows(): TemplateRows {
  return {
    "data-categories": Object.entries(demo.dataCategories).map(([ref, c]) => ({ Ref: ref, ...texts("Name", c.name) })),
    "subject-categories": Object.entries(demo.subjectCategories).map(([ref, c]) => ({ Ref: ref, ...texts("Name", c.name) })),
    "security-measures": Object.entries(demo.securityMeasures).map(([ref, m]) => {
      const certifications = "certifications" in m ? m.certifications : [];
      return {
        Ref: ref,
        Heading: m.heading,
        ...texts("Title", m.title),
        ...texts("Description", m.description),
        Certifications: list(certifications.map((c) => c.name)),
        "Certification issuers": list(certifications.map((c) => c.issuer)),
      };
    }),
    activities: [
      ...Object.entries(demo.processorActivities).map(([ref, a]) => ({
        Ref: ref,
        Role: "processor",
        Status: "active",
        ...texts("Name", a.name),
        ...texts("Purposes", a.purposes[0]),
        ...texts("Subject matter", a.subjectMatter),
        ...texts("Nature", a.nature),
        "Subject categories": list(processorSubjects),
        "Data categories": list(a.dataCategories),
        ...retention(a.retention as Retention),
        "Security measures": list(measureRefs),
      })),
      {
        Ref: "commercial",
        Role: "controller",
        Status: "active",
        "Name (en)": "Maintaining commercial relations",
        "Name (nl)": "Onderhouden van commerciële relaties",
        "Purposes (en)": "Managing customer relationships, invoicing and support",
        "Purposes (nl)": "Beheer van klantrelaties, facturatie en ondersteuning",
        "Legal basis": "contract",
        "Subject categories": "customerContacts",
        "Data categories": "customerContacts",
        ...retention({
          kind: "event",
          event: { en: "End of the customer relationship", nl: "Einde van de klantrelatie" },
          offset: { length: 7, unit: "years" },
        }),
        "Recipients (en)": "Accounting firm of ClearFacts",
        "Recipients (nl)": "Boekhouder van ClearFacts",
        "Recipient countries": "BE",
        "Security measures": list(measureRefs),
      },
    ],
    "sub-processors": Object.values(demo.subProcessors).map((s) => ({
      Reference: s.reference,
      "Legal name": s.legalName,
      ...address(s.address),
      "Contact e-mail": s.contact.email,
      ...texts("Service", s.service),
      ...texts("Processing description", s.processingDescription),
      Locations: list(s.locations.map((l) => ("region" in l ? `${l.country}: ${l.region}` : l.country))),
      Status: "active",
      Activities: list(s.activities),
    })),
    customers: demo.customers.map((c) => ({
      Reference: c.reference,
      "Legal name": c.legalName,
      "Company number": c.companyNumber,
      ...address(c.address),
      ...contact("Contact", c.contact),
      ...contact("DPO", "dpo" in c ? c.dpo : undefined),
      Language: c.language,
    })),
  };
}
