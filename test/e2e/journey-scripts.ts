import type { Language } from "../../src/core/kernel/values/values.ts";

/**
 * What the DPO of each journey run reads and types, where it is more than one
 * catalogue message: a control's accessible name made of its label and the
 * row or language it belongs to, and the register texts typed in the
 * browser's language. The pages' own words come from the catalogues.
 */
export interface JourneyScript {
  lang: Language;
  /** The browser's locale, which Chromium sends as Accept-Language. */
  locale: string;
  dataCategory: {
    name: [label: string, typed: string];
    description: [label: string, typed: string];
    /** The button of the other language's texts, and its name input. */
    otherLanguage: string;
    otherName: [label: string, typed: string];
  };
  activity: {
    name: [label: string, typed: string];
    role: string;
    category: string;
    retention: string;
    length: string;
    unit: string;
    tenYears: string;
  };
  unnamedCategory: string;
  maintenance: string;
  germany: string;
  service: string;
  reason: [label: string, typed: string];
  announcedFlash: RegExp;
  overruleReason: string;
}

export const SCRIPTS: Record<"en" | "nl", JourneyScript> = {
  en: {
    lang: "en",
    locale: "en-GB",
    dataCategory: {
      name: ["Name (English)", "Bank account numbers"],
      description: ["Description (English)", "IBANs of the accountants' clients, read from their statements."],
      otherLanguage: "Dutch",
      otherName: ["Name (Dutch)", "Bankrekeningnummers"],
    },
    activity: {
      name: ["Name (English)", "Payment reconciliation"],
      role: "Role (required)",
      category: "Category (data category 1)",
      retention: "Retention rule (data category 1)",
      length: "Length (period, data category 1)",
      unit: "Unit (period, data category 1)",
      tenYears: "10 years",
    },
    unnamedCategory: "A category without a name",
    maintenance: "Maintenance and availability of the ClearFacts application",
    germany: "Germany",
    service: "OCR of invoices and receipts",
    reason: ["Reason (required)", "Better recognition of handwritten receipts."],
    announcedFlash: /proposed and announced: \d+ notices? queued/,
    overruleReason: "Klippa processes in Germany only, inside the EEA, under the same safeguards as our other vendors.",
  },
  nl: {
    lang: "nl",
    locale: "nl-BE",
    dataCategory: {
      name: ["Naam (Nederlands)", "Bankrekeningnummers"],
      description: ["Beschrijving (Nederlands)", "IBAN's van de klanten van de boekhouders, gelezen uit hun rekeninguittreksels."],
      otherLanguage: "Engels",
      otherName: ["Naam (Engels)", "Bank account numbers"],
    },
    activity: {
      name: ["Naam (Nederlands)", "Afstemming van betalingen"],
      role: "Rol (verplicht)",
      category: "Categorie (categorie van persoonsgegevens 1)",
      retention: "Bewaarregel (categorie van persoonsgegevens 1)",
      length: "Duur (termijn, categorie van persoonsgegevens 1)",
      unit: "Eenheid (termijn, categorie van persoonsgegevens 1)",
      tenYears: "10 jaar",
    },
    unnamedCategory: "Een categorie zonder naam",
    maintenance: "Onderhoud en terbeschikkingstelling van de Clearfacts-applicatie",
    germany: "Duitsland",
    service: "OCR van facturen en bonnetjes",
    reason: ["Reden (verplicht)", "Betere herkenning van handgeschreven bonnetjes."],
    announcedFlash: /voorgesteld en aangekondigd: \d+ kennisgevingen? klaargezet/,
    overruleReason: "Klippa verwerkt alleen in Duitsland, binnen de EER, met dezelfde waarborgen als onze andere leveranciers.",
  },
};
