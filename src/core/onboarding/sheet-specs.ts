import {
  ACTIVITY_STATUSES,
  ANNEX_III_HEADINGS,
  ART9_CONDITIONS,
  LEGAL_BASES,
  SPECIAL_CATEGORIES,
  SUB_PROCESSOR_STATUSES,
} from "../register/index.ts";
import { COUNTRY_CODES } from "../kernel/values/countries.ts";
import { ART49_DEROGATIONS, LANGUAGES } from "../kernel/values/values.ts";

/** The kinds a spreadsheet can hold, by their API path segment, in the order they are imported. */
export const IMPORT_KINDS = [
  "data-categories",
  "subject-categories",
  "security-measures",
  "activities",
  "sub-processors",
  "customers",
] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface ColumnSpec {
  header: string;
  note: string;
  /** Values the template offers in a drop-down (and the API accepts). */
  choices?: readonly string[];
}

export interface SheetSpec {
  kind: ImportKind;
  sheet: string;
  /** What one row is, for the notes sheet. */
  about: string;
  columns: ColumnSpec[];
}

const LIST = "A list: one item per line (Alt+Enter) or items separated by semicolons.";
const ALIGNED = (base: string) => `${LIST} One item per item of "${base}", in the same order; "-" for none.`;

/** "Name (en)", "Name (nl)", "Name (fr)": one column per language, as the API's localized text. */
export const langHeader = (label: string, lang: string) => `${label} (${lang})`;
function localized(label: string, note: string): ColumnSpec[] {
  return LANGUAGES.map((lang) => ({ header: langHeader(label, lang), note: `${note} In ${lang}; give at least one language.` }));
}

const REF: ColumnSpec = {
  header: "Ref",
  note: "Optional short key other sheets may use to refer to this row (instead of its name). Not stored.",
};
const addressColumns: ColumnSpec[] = [
  { header: "Street", note: "Street and number." },
  { header: "Postal code", note: "Postal code." },
  { header: "City", note: "City." },
  { header: "Region", note: "Optional region or state." },
  { header: "Country", note: "ISO 3166-1 alpha-2 code, e.g. BE.", choices: COUNTRY_CODES },
];
const contactColumns = (label: string, required: boolean): ColumnSpec[] => [
  { header: `${label} name`, note: "Optional name." },
  { header: `${label} position`, note: "Optional position." },
  {
    header: `${label} e-mail`,
    note: required ? "E-mail address (required)." : "E-mail address (required when any other cell of this contact is filled).",
  },
  { header: `${label} phone`, note: "Optional phone number." },
];
/** A company the register names: its reference, legal name, number, address and contact. */
const partyColumns = (reference: string): ColumnSpec[] => [
  { header: "Reference", note: reference },
  { header: "Legal name", note: "Required." },
  { header: "Company number", note: "Optional." },
  ...addressColumns,
  ...contactColumns("Contact", true),
];
const mechanismColumns = (prefix: string, aligned: string | null): ColumnSpec[] => [
  {
    header: `${prefix} mechanism${aligned ? "s" : ""}`,
    note: `adequacy, scc, bcr or art49_derogation.${aligned ? ` ${ALIGNED(aligned)} "-": not decided yet.` : " Needed for an active vendor outside the EEA."}`,
    choices: aligned ? undefined : ["adequacy", "scc", "bcr", "art49_derogation"],
  },
  {
    header: `${prefix} derogation${aligned ? "s" : ""}`,
    note: `For art49_derogation: ${ART49_DEROGATIONS.join(", ")}.${aligned ? ` ${ALIGNED(aligned)}` : ""}`,
    choices: aligned ? undefined : ART49_DEROGATIONS,
  },
  ...LANGUAGES.map((lang) => ({
    header: langHeader(`${prefix} safeguards`, lang),
    note: `Documented safeguards (required for compelling_legitimate_interests), in ${lang}.${aligned ? ` ${ALIGNED(aligned)}` : ""}`,
  })),
];

export const SHEET_SPECS: Record<ImportKind, SheetSpec> = {
  "data-categories": {
    kind: "data-categories",
    sheet: "Data categories",
    about: "Categories of personal data.",
    columns: [
      REF,
      ...localized("Name", "The category's name; other sheets may refer to it by any of its names."),
      ...localized("Description", "Optional description."),
      {
        header: "Special category",
        note: "none (default), art9 (special categories, Art. 9) or art10 (criminal convictions, Art. 10).",
        choices: SPECIAL_CATEGORIES,
      },
    ],
  },
  "subject-categories": {
    kind: "subject-categories",
    sheet: "Subject categories",
    about: "Categories of data subjects.",
    columns: [
      REF,
      ...localized("Name", "The category's name; other sheets may refer to it by any of its names."),
      ...localized("Description", "Optional description."),
    ],
  },
  "security-measures": {
    kind: "security-measures",
    sheet: "Security measures",
    about: "Technical and organisational measures (Annex III).",
    columns: [
      REF,
      { header: "Heading", note: "The Annex III heading.", choices: ANNEX_III_HEADINGS },
      ...localized("Title", "The measure's title; activities may refer to it by any of its titles."),
      ...localized("Description", "Concretely what is done."),
      { header: "Certifications", note: `Certification names, e.g. ISO/IEC 27001. ${LIST}` },
      { header: "Certification issuers", note: ALIGNED("Certifications") },
      { header: "Certifications valid until", note: `Dates (YYYY-MM-DD). ${ALIGNED("Certifications")}` },
    ],
  },
  activities: {
    kind: "activities",
    sheet: "Activities",
    about: "Processing activities, as controller (Art. 30(1)) or processor (Art. 30(2)).",
    columns: [
      REF,
      { header: "Role", note: "controller or processor.", choices: ["controller", "processor"] },
      { header: "Status", note: "draft (default), active or retired.", choices: ACTIVITY_STATUSES },
      ...localized("Name", "The activity's name; sub-processors may refer to it by any of its names."),
      ...localized("Purposes", `The purposes. ${LIST} The n-th purpose of each language is one purpose.`),
      ...localized("Subject matter", "Optional subject matter."),
      ...localized("Nature", "Optional nature of the processing."),
      { header: "Legal basis", note: "Art. 6(1) legal basis (needed for an active controller activity).", choices: LEGAL_BASES },
      { header: "Art. 9 condition", note: "Art. 9(2) condition, where special-category data is processed.", choices: ART9_CONDITIONS },
      ...localized("Art. 9 safeguards", "Optional safeguards for special-category data."),
      { header: "Subject categories", note: `Data-subject categories by name or Ref (this sheet's or the register's). ${LIST}` },
      { header: "Data categories", note: `Data categories by name or Ref. ${LIST}` },
      {
        header: "Retention",
        note: "How long the data categories of this row are kept: period (a fixed time) or event (from an event, plus an optional offset). Empty: not known yet.",
        choices: ["period", "event"],
      },
      { header: "Retention length", note: "A whole number: the period, or the offset after the event." },
      { header: "Retention unit", note: "days, months or years.", choices: ["days", "months", "years"] },
      ...localized("Retention event", "For event: what starts the clock, e.g. end of the contract."),
      { header: "Security measures", note: `Security measures by title or Ref. ${LIST}` },
      ...localized("Recipients", `Categories of recipients. ${LIST} The n-th item of each language is one recipient.`),
      { header: "Recipient countries", note: `ISO country codes. ${ALIGNED("Recipients")}` },
      { header: "Transfer countries", note: `Third countries data is transferred to (ISO codes). ${LIST}` },
      { header: "Transfer recipients", note: ALIGNED("Transfer countries") },
      ...mechanismColumns("Transfer", "Transfer countries"),
    ],
  },
  "sub-processors": {
    kind: "sub-processors",
    sheet: "Sub-processors",
    about:
      "Sub-processors. Into a register without agreements they are recorded as they stand; once agreements exist they arrive as proposed changes for the objection workflow.",
    columns: [
      ...partyColumns("Your short unique name for the vendor, e.g. AWS; other rows may refer to it by this or its legal name."),
      ...localized("Service", "What it does for you, e.g. hosting."),
      ...localized("Processing description", "Annex IV: the processing it carries out."),
      {
        header: "Locations",
        note: `Where it processes data: ISO country code, optionally with a region after a colon, e.g. "DE: Frankfurt". ${LIST}`,
      },
      ...mechanismColumns("Transfer", null),
      {
        header: "Status",
        note: "active (default) or another status, in a register without agreements; ignored when it arrives as a proposed change.",
        choices: SUB_PROCESSOR_STATUSES,
      },
      { header: "Activities", note: `The processing activities it serves, by name or Ref. ${LIST}` },
      { header: "Engaged by", note: "The sub-processor that engages this one (a chain), by Reference or legal name." },
      { header: "Intended start", note: "For a proposed change: when the vendor is to start (YYYY-MM-DD; default today)." },
      ...localized("Change reason", "For a proposed change: why, as customers will read it (default: recorded at onboarding)."),
    ],
  },
  customers: {
    kind: "customers",
    sheet: "Customers",
    about: "Customers (the controllers you process for). Agreements are added in the register afterwards.",
    columns: [
      ...partyColumns("Your unique reference for the customer, e.g. its account number."),
      ...contactColumns("DPO", false),
      { header: "Language", note: "en (default), nl or fr: the language of its documents.", choices: LANGUAGES },
    ],
  },
};

export const NOTES_SHEET = "Notes";
export const LISTS_SHEET = "Lists";

/** The kind a sheet name stands for, or null for the notes, the lists or an unknown sheet. */
export function kindOfSheet(name: string): ImportKind | null {
  const wanted = normalise(name);
  return IMPORT_KINDS.find((kind) => normalise(SHEET_SPECS[kind].sheet) === wanted || kind === wanted.replace(/ /g, "-")) ?? null;
}

/**
 * The kind whose columns a CSV header row matches: the one kind that knows
 * every header, or among several, the one whose every column is there. Null
 * when that does not decide (the caller then asks for the kind).
 */
export function guessKind(headers: string[]): ImportKind | null {
  const given = new Set(headers.map(normalise).filter((h) => h !== ""));
  const columnsOf = (kind: ImportKind) => SHEET_SPECS[kind].columns.map((c) => normalise(c.header));
  const candidates = IMPORT_KINDS.filter((kind) => [...given].every((h) => columnsOf(kind).includes(h)));
  if (candidates.length <= 1) return candidates[0] ?? null;
  const complete = candidates.filter((kind) => columnsOf(kind).every((h) => given.has(h)));
  return complete.length === 1 ? (complete[0] ?? null) : null;
}

/** Headers, names and references compare without case and extra spaces. */
export const normalise = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();
