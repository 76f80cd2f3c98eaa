import { LANGUAGES, type LocalizedText } from "../kernel/values/values.ts";
import { ENTITY_KINDS } from "../register/index.ts";
import type { NameIndex } from "./name-index.ts";
import type { RowReader } from "./row-reader.ts";
import { type ImportKind, langHeader } from "./sheet-specs.ts";

/** A row as the API input it stands for, with the names other rows may use for it. */
export interface RowInput {
  raw: Record<string, unknown>;
  /** Names (with the column each is in) by which other rows may refer to this one. */
  names: { header: string; value: string }[];
}

/** Ids of the records a list cell names; unknown and ambiguous names become issues on the cell. */
function refer(r: RowReader, index: NameIndex, header: string, kind: ImportKind, values: string[]): string[] {
  const ids: string[] = [];
  for (const value of values) {
    const found = index.find(kind, value);
    if (found.status === "found") ids.push(found.id);
    else if (found.status === "unknown")
      r.issue(header, `"${value}" names no ${ENTITY_KINDS[kind].label} in this spreadsheet or the register.`);
    else if (found.status === "ambiguous")
      r.issue(header, `"${value}" names more than one record (${found.where.join(", ")}); use a Ref or a unique name.`);
    // A row that failed is reported on its own row; its references are left out here.
  }
  return ids;
}

/** The non-empty cells among `headers`, as names of the row. */
const filled = (r: RowReader, headers: string[]) =>
  headers.map((header) => ({ header, value: r.text(header) ?? "" })).filter((n) => n.value !== "");
const nameColumns = (r: RowReader, label: string) =>
  filled(
    r,
    LANGUAGES.map((lang) => langHeader(label, lang)),
  );
const refName = (r: RowReader) => filled(r, ["Ref"]);

function contact(r: RowReader, label: string, required: boolean) {
  const value = {
    name: r.text(`${label} name`),
    position: r.text(`${label} position`),
    email: r.text(`${label} e-mail`),
    phone: r.text(`${label} phone`),
  };
  return required || Object.values(value).some((v) => v !== undefined) ? value : undefined;
}

/** The fields of a company the register names (sub-processor, customer). */
function party(r: RowReader) {
  return {
    legalName: r.text("Legal name"),
    reference: r.text("Reference"),
    companyNumber: r.text("Company number"),
    address: {
      street: r.text("Street"),
      postalCode: r.text("Postal code"),
      city: r.text("City"),
      region: r.text("Region"),
      country: r.code("Country", "upper"),
    },
    contact: contact(r, "Contact", true),
  };
}

function mechanism(kind: string | undefined, derogation: string | undefined, safeguards: LocalizedText | undefined) {
  if (kind === undefined && derogation === undefined && safeguards === undefined) return undefined;
  return { kind: kind?.toLowerCase(), derogation: derogation?.toLowerCase(), safeguards };
}

function retention(r: RowReader) {
  const kind = r.code("Retention", "lower");
  const length = r.whole("Retention length");
  const unit = r.code("Retention unit", "lower");
  const event = r.localized("Retention event");
  if (kind === undefined && length === undefined && unit === undefined && event === undefined) return null;
  const time = length === undefined && unit === undefined ? undefined : { length, unit };
  return kind === "period" ? { kind, period: time } : { kind, event, offset: time };
}

type Builder = (r: RowReader, index: NameIndex) => RowInput;

const catalogue =
  (label: string, extra: (r: RowReader) => Record<string, unknown>): Builder =>
  (r) => ({
    raw: { name: r.localized(label), description: r.localized("Description"), ...extra(r) },
    names: [...refName(r), ...nameColumns(r, label)],
  });

export const ROW_INPUTS: Record<ImportKind, Builder> = {
  "data-categories": catalogue("Name", (r) => ({ special: r.code("Special category", "lower") })),
  "subject-categories": catalogue("Name", () => ({})),
  "security-measures": (r) => {
    const names = r.list("Certifications");
    const issuers = r.aligned("Certification issuers", "Certifications", names.length);
    const until = r.aligned("Certifications valid until", "Certifications", names.length);
    return {
      raw: {
        heading: r.code("Heading", "lower"),
        title: r.localized("Title"),
        description: r.localized("Description"),
        certifications: names.map((name, i) => ({ name, issuer: issuers[i], validUntil: until[i] })),
      },
      names: [...refName(r), ...nameColumns(r, "Title")],
    };
  },
  activities: (r, index) => {
    const held = retention(r);
    const recipients = r.localizedList("Recipients");
    const recipientCountries = r.aligned("Recipient countries", "Recipients", recipients.length);
    const countries = r.list("Transfer countries");
    const aligned = (header: string) => r.aligned(header, "Transfer countries", countries.length);
    const [recipientsOf, kinds, derogations] = [
      aligned("Transfer recipients"),
      aligned("Transfer mechanisms"),
      aligned("Transfer derogations"),
    ];
    const safeguards = r.alignedLocalized("Transfer safeguards", "Transfer countries", countries.length);
    return {
      raw: {
        role: r.code("Role", "lower"),
        status: r.code("Status", "lower"),
        name: r.localized("Name"),
        purposes: r.localizedList("Purposes"),
        subjectMatter: r.localized("Subject matter"),
        nature: r.localized("Nature"),
        legalBasis: r.code("Legal basis", "lower"),
        specialCategoryCondition: r.code("Art. 9 condition", "lower"),
        specialCategorySafeguards: r.localized("Art. 9 safeguards"),
        subjectCategoryIds: refer(r, index, "Subject categories", "subject-categories", r.list("Subject categories")),
        dataCategories: refer(r, index, "Data categories", "data-categories", r.list("Data categories")).map((dataCategoryId) => ({
          dataCategoryId,
          retention: held,
        })),
        securityMeasureIds: refer(r, index, "Security measures", "security-measures", r.list("Security measures")),
        recipients: recipients.map((name, i) => ({ name, country: recipientCountries[i]?.toUpperCase() })),
        transfers: countries.map((country, i) => ({
          country: country.toUpperCase(),
          recipient: recipientsOf[i],
          mechanism: mechanism(kinds[i], derogations[i], safeguards[i]) ?? null,
        })),
      },
      names: [...refName(r), ...nameColumns(r, "Name")],
    };
  },
  "sub-processors": (r, index) => {
    const parent = r.text("Engaged by");
    return {
      raw: {
        ...party(r),
        service: r.localized("Service"),
        processingDescription: r.localized("Processing description"),
        locations: r.list("Locations").map((item) => {
          const [country = "", ...region] = item.split(":");
          return { country: country.trim().toUpperCase(), region: region.join(":").trim() || undefined };
        }),
        transferMechanism: mechanism(r.text("Transfer mechanism"), r.text("Transfer derogation"), r.localized("Transfer safeguards")),
        status: r.code("Status", "lower") ?? "active",
        activityIds: refer(r, index, "Activities", "activities", r.list("Activities")),
        parentId: parent ? refer(r, index, "Engaged by", "sub-processors", [parent])[0] : undefined,
        // Only for a proposed change; the use case running the row takes them out otherwise.
        intendedStart: r.text("Intended start"),
        reason: r.localized("Change reason"),
      },
      names: filled(r, ["Reference", "Legal name"]),
    };
  },
  customers: (r) => ({
    raw: {
      ...party(r),
      dpo: contact(r, "DPO", false),
      language: r.code("Language", "lower"),
    },
    names: filled(r, ["Reference", "Legal name"]),
  }),
};
