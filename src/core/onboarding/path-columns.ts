import { LANGUAGES } from "../kernel/values/values.ts";
import { type ImportKind, langHeader } from "./sheet-specs.ts";

/**
 * Which column holds each field of a kind's API input: a use case names a
 * bad field by its path (dataCategories.2.retention.period.length), the
 * report names the cell. Index segments are written "*"; the longest
 * matching prefix wins.
 */
type PathColumns = [path: string, header: string][];

function localized(field: string, label: string): PathColumns {
  return [...LANGUAGES.map((lang): [string, string] => [`${field}.${lang}`, langHeader(label, lang)]), [field, langHeader(label, "en")]];
}

const address: PathColumns = [
  ["address.street", "Street"],
  ["address.postalCode", "Postal code"],
  ["address.city", "City"],
  ["address.region", "Region"],
  ["address.country", "Country"],
  ["address", "Street"],
];
const contact = (field: string, label: string): PathColumns => [
  [`${field}.name`, `${label} name`],
  [`${field}.position`, `${label} position`],
  [`${field}.email`, `${label} e-mail`],
  [`${field}.phone`, `${label} phone`],
  [field, `${label} e-mail`],
];
const party: PathColumns = [
  ["legalName", "Legal name"],
  ["reference", "Reference"],
  ["companyNumber", "Company number"],
  ...address,
  ...contact("contact", "Contact"),
];
const mechanism = (field: string, suffix: string): PathColumns => [
  [`${field}.kind`, `Transfer mechanism${suffix}`],
  [`${field}.derogation`, `Transfer derogation${suffix}`],
  ...localized(`${field}.safeguards`, "Transfer safeguards"),
  [field, `Transfer mechanism${suffix}`],
];
const catalogue: PathColumns = [...localized("name", "Name"), ...localized("description", "Description")];

const PATHS: Record<ImportKind, PathColumns> = {
  "data-categories": [...catalogue, ["special", "Special category"]],
  "subject-categories": catalogue,
  "security-measures": [
    ["heading", "Heading"],
    ...localized("title", "Title"),
    ...localized("description", "Description"),
    ["certifications.*.issuer", "Certification issuers"],
    ["certifications.*.validUntil", "Certifications valid until"],
    ["certifications", "Certifications"],
  ],
  activities: [
    ["role", "Role"],
    ["status", "Status"],
    ...localized("name", "Name"),
    ...localized("purposes.*", "Purposes"),
    ["purposes", "Purposes (en)"],
    ...localized("subjectMatter", "Subject matter"),
    ...localized("nature", "Nature"),
    ["legalBasis", "Legal basis"],
    ["specialCategoryCondition", "Art. 9 condition"],
    ...localized("specialCategorySafeguards", "Art. 9 safeguards"),
    ["subjectCategoryIds", "Subject categories"],
    ["dataCategories.*.retention.period.length", "Retention length"],
    ["dataCategories.*.retention.period.unit", "Retention unit"],
    ["dataCategories.*.retention.offset.length", "Retention length"],
    ["dataCategories.*.retention.offset.unit", "Retention unit"],
    ["dataCategories.*.retention.period", "Retention length"],
    ...localized("dataCategories.*.retention.event", "Retention event"),
    ["dataCategories.*.retention", "Retention"],
    ["dataCategories", "Data categories"],
    ["securityMeasureIds", "Security measures"],
    ...localized("recipients.*.name", "Recipients"),
    ["recipients.*.country", "Recipient countries"],
    ["recipients", "Recipients (en)"],
    ["transfers.*.recipient", "Transfer recipients"],
    ...mechanism("transfers.*.mechanism", "s"),
    ["transfers", "Transfer countries"],
  ],
  "sub-processors": [
    ...party,
    ...localized("service", "Service"),
    ...localized("processingDescription", "Processing description"),
    ["locations", "Locations"],
    ...mechanism("transferMechanism", ""),
    ["status", "Status"],
    ["activityIds", "Activities"],
    ["parentId", "Engaged by"],
    ["intendedStart", "Intended start"],
    ...localized("reason", "Change reason"),
  ],
  customers: [...party, ...contact("dpo", "DPO"), ["language", "Language"]],
};

/** The header of the column holding `path` of a kind's input, or null when no column does. */
export function columnOfPath(kind: ImportKind, path: string): string | null {
  const generic = path
    .split(".")
    .map((segment) => (/^\d+$/.test(segment) ? "*" : segment))
    .join(".");
  let best: [string, string] | null = null;
  for (const entry of PATHS[kind]) {
    const [prefix] = entry;
    if ((generic === prefix || generic.startsWith(`${prefix}.`)) && (!best || prefix.length > best[0].length)) best = entry;
  }
  return best?.[1] ?? null;
}
