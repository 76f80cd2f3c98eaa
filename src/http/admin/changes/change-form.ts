import { countryName, translate } from "../../../core/kernel/i18n/localise.ts";
import { COUNTRY_CODES } from "../../../core/kernel/values/countries.ts";
import { CHANGE_KINDS } from "../../../core/changes/index.ts";
import { ART49_DEROGATIONS, LANGUAGES, type Language } from "../../../core/kernel/values/values.ts";
import {
  type Choice,
  checkbox,
  checkboxes,
  csrfField,
  errorSummary,
  type FieldErrors,
  idOf,
  selectField,
  textArea,
  textField,
} from "../ui/fields.ts";
import type { PostedForm } from "../../forms/form-reader.ts";
import { type Html, html, nothing } from "../ui/html.ts";
import { t, uiLanguage } from "../ui/ui-language.ts";
import { kindLabel } from "./labels.ts";

/**
 * The "propose a change" form. Every control is named by the dotted path of
 * the proposal input (vendor.address.city, locations.0.country…), so the use
 * case's field issues land beside them. All parts are shown (the page works
 * without JavaScript); the parts a kind does not use are ignored on posting.
 */
export interface ProposalChoices {
  subProcessors: Choice[];
  activeSubProcessors: Choice[];
  activities: Choice[];
}

const LOCATION_ROWS = 3;
const MECHANISM_KINDS = ["adequacy", "scc", "bcr", "art49_derogation"] as const;

/** The countries by their name in the page's language, in its alphabetical order; sorted once per language. */
const countriesByLanguage = new Map<Language, Choice[]>();
function countries(): Choice[] {
  const lang = uiLanguage();
  let sorted = countriesByLanguage.get(lang);
  if (!sorted) {
    const collator = new Intl.Collator(lang);
    sorted = COUNTRY_CODES.map((value) => ({ value, label: countryName(value, lang) })).sort((a, b) => collator.compare(a.label, b.label));
    countriesByLanguage.set(lang, sorted);
  }
  return sorted;
}

// The transfer tools in the documents' own words (the annexes name them the same way), in the page's language.
const mechanisms = (): Choice[] => MECHANISM_KINDS.map((k) => ({ value: k, label: translate(uiLanguage(), `mechanism.${k}`) }));
const derogations = (): Choice[] => ART49_DEROGATIONS.map((d) => ({ value: d, label: translate(uiLanguage(), `derogation.${d}`) }));

/** Issues about a group of controls (e.g. "vendor.locations"), shown at the top of its fieldset. */
function groupError(errors: FieldErrors, path: string): Html {
  const messages = errors.for(path);
  return messages.length ? html`<p class="error" id="${idOf(path)}-error">${messages.join(" ")}</p>` : nothing;
}

/**
 * The form has two groups of locations and of transfer fields: the new vendor's and a
 * sub-processor's new ones. Each group's labels are messages of their own
 * ("admin.changes.form.vendor.country", "admin.changes.form.locations.country"…), so the
 * two are told apart by ear too and each language can word them whole.
 */
type Group = "vendor" | "locations";

function locationRows(prefix: string, group: Group, f: PostedForm["values"], errors: FieldErrors): Html {
  const rows = Array.from({ length: LOCATION_ROWS }, (_, i) => {
    const n = i + 1;
    return html`${selectField({ name: `${prefix}.${i}.country`, label: t(`admin.changes.form.${group}.country`, { n }), value: f[`${prefix}.${i}.country`], choices: countries(), blank: "—", errors })}
${textField({ name: `${prefix}.${i}.region`, label: t(`admin.changes.form.${group}.region`, { n }), value: f[`${prefix}.${i}.region`], errors })}`;
  });
  return html`<fieldset class="group" id="${idOf(prefix)}"><legend>${t(`admin.changes.form.${group}.locations`)}</legend>${groupError(errors, prefix)}${rows}</fieldset>`;
}

function mechanismFields(prefix: string, group: Group, f: PostedForm["values"], errors: FieldErrors): Html {
  return html`<fieldset class="group" id="${idOf(prefix)}"><legend>${t(`admin.changes.form.${group}.mechanismLegend`)}</legend>${groupError(errors, prefix)}
${selectField({ name: `${prefix}.kind`, label: t(`admin.changes.form.${group}.mechanism`), value: f[`${prefix}.kind`], choices: mechanisms(), blank: t("admin.common.none"), errors })}
${selectField({ name: `${prefix}.derogation`, label: t(`admin.changes.form.${group}.derogation`), value: f[`${prefix}.derogation`], choices: derogations(), blank: "—", errors })}
${textArea({ name: `${prefix}.safeguards`, label: t(`admin.changes.form.${group}.safeguards`), value: f[`${prefix}.safeguards`], errors, rows: 2 })}
</fieldset>`;
}

export function proposalForm(o: { csrf: string; choices: ProposalChoices; form: PostedForm | null; errors: FieldErrors }): Html {
  const f = o.form?.values ?? {};
  const e = o.errors;
  return html`${errorSummary(e)}
<form method="post" action="/admin/changes">${csrfField(o.csrf)}
${selectField({ name: "kind", label: t("admin.changes.form.kind"), value: f.kind ?? "add", choices: CHANGE_KINDS.map((k) => ({ value: k, label: kindLabel(k) })), errors: e, required: true })}
${selectField({ name: "textLanguage", label: t("admin.changes.form.textLanguage"), value: f.textLanguage ?? uiLanguage(), choices: LANGUAGES.map((l) => ({ value: l, label: t(`admin.common.language.${l}`) })), errors: e, hint: t("admin.changes.form.textLanguageHint") })}
${selectField({ name: "subProcessorId", label: t("admin.changes.form.subProcessor"), value: f.subProcessorId, choices: o.choices.subProcessors, blank: t("admin.changes.form.subProcessorNone"), errors: e, hint: t("admin.changes.form.subProcessorHint") })}
${selectField({ name: "replacesId", label: t("admin.changes.form.replaces"), value: f.replacesId, choices: o.choices.activeSubProcessors, blank: "—", errors: e, hint: t("admin.changes.form.replacesHint") })}
<fieldset class="group" id="${idOf("vendor")}"><legend>${t("admin.changes.form.vendor")}</legend>${groupError(e, "vendor")}
${textField({ name: "vendor.legalName", label: t("admin.changes.form.vendorName"), value: f["vendor.legalName"], errors: e, hint: t("admin.changes.form.vendorNameHint") })}
${textField({ name: "vendor.companyNumber", label: t("admin.changes.form.companyNumber"), value: f["vendor.companyNumber"], errors: e })}
<fieldset class="group" id="${idOf("vendor.address")}"><legend>${t("admin.changes.form.address")}</legend>${groupError(e, "vendor.address")}
${textField({ name: "vendor.address.street", label: t("admin.changes.form.street"), value: f["vendor.address.street"], errors: e })}
${textField({ name: "vendor.address.postalCode", label: t("admin.changes.form.postalCode"), value: f["vendor.address.postalCode"], errors: e })}
${textField({ name: "vendor.address.city", label: t("admin.changes.form.city"), value: f["vendor.address.city"], errors: e })}
${selectField({ name: "vendor.address.country", label: t("admin.changes.form.addressCountry"), value: f["vendor.address.country"], choices: countries(), blank: "—", errors: e })}
</fieldset>
<fieldset class="group" id="${idOf("vendor.contact")}"><legend>${t("admin.changes.form.contact")}</legend>${groupError(e, "vendor.contact")}
${textField({ name: "vendor.contact.name", label: t("admin.changes.form.contactName"), value: f["vendor.contact.name"], errors: e })}
${textField({ name: "vendor.contact.email", label: t("admin.changes.form.contactEmail"), type: "email", value: f["vendor.contact.email"], errors: e })}
</fieldset>
${textArea({ name: "vendor.service", label: t("admin.changes.form.service"), value: f["vendor.service"], errors: e, rows: 2, hint: t("admin.changes.form.serviceHint") })}
${textArea({ name: "vendor.processingDescription", label: t("admin.changes.form.processing"), value: f["vendor.processingDescription"], errors: e, rows: 3 })}
${locationRows("vendor.locations", "vendor", f, e)}
${mechanismFields("vendor.transferMechanism", "vendor", f, e)}
</fieldset>
<fieldset class="group" id="${idOf("change-locations")}"><legend>${t("admin.changes.form.newLocations")}</legend>
${locationRows("locations", "locations", f, e)}
${mechanismFields("transferMechanism", "locations", f, e)}
</fieldset>
${selectField({ name: "parentId", label: t("admin.changes.form.parent"), value: f.parentId, choices: o.choices.activeSubProcessors, blank: t("admin.changes.form.parentNone"), errors: e, hint: t("admin.changes.form.parentHint") })}
${checkboxes({ name: "activityIds", label: t("admin.changes.form.activities"), values: o.form?.all("activityIds") ?? [], choices: o.choices.activities, errors: e, hint: t("admin.changes.form.activitiesHint") })}
${textArea({ name: "reason", label: t("admin.changes.fact.reason"), value: f.reason, errors: e, rows: 3, required: true, hint: t("admin.changes.form.reasonHint") })}
${textField({ name: "intendedStart", label: t("admin.changes.fact.intendedStart"), type: "date", value: f.intendedStart, errors: e, required: true, hint: t("admin.changes.form.intendedStartHint") })}
${checkbox({ name: "announce", label: t("admin.changes.form.announce"), checked: f.announce === "true", errors: e, hint: t("admin.changes.form.announceHint") })}
<div class="actions"><button type="submit">${t("admin.changes.form.propose")}</button><a href="/admin/changes">${t("admin.changes.form.cancel")}</a></div>
</form>`;
}

/** The proposal input from the posted form; the use case checks everything. */
export function proposalInput(form: PostedForm): Record<string, unknown> {
  const chosen = form.text("textLanguage") as Language | undefined;
  const lang: Language = chosen && LANGUAGES.includes(chosen) ? chosen : "en";
  const localized = (name: string) => {
    const value = form.text(name);
    return value ? { [lang]: value } : undefined;
  };
  const locations = (prefix: string) => {
    const rows = Array.from({ length: LOCATION_ROWS }, (_, i) => ({
      country: form.text(`${prefix}.${i}.country`),
      region: form.text(`${prefix}.${i}.region`),
    }));
    const last = rows.findLastIndex((r) => r.country || r.region);
    // Rows up to the last one filled in, so an issue keeps the index of the row it is about.
    return last < 0 ? undefined : rows.slice(0, last + 1);
  };
  const mechanism = (prefix: string) => {
    const kind = form.text(`${prefix}.kind`);
    return kind ? { kind, derogation: form.text(`${prefix}.derogation`), safeguards: localized(`${prefix}.safeguards`) } : undefined;
  };
  const kind = form.text("kind") ?? "add";
  const incoming = kind === "add" || kind === "replace";
  const activityIds = form.list("activityIds");
  const input: Record<string, unknown> = {
    kind,
    subProcessorId: form.text("subProcessorId"),
    activityIds: activityIds.length > 0 || kind === "add" ? activityIds : undefined,
    reason: localized("reason"),
    intendedStart: form.text("intendedStart"),
    announce: form.checked("announce"),
  };
  const describesVendor = Object.keys(form.values).some((name) => name.startsWith("vendor.") && !name.endsWith(".kind") && form.text(name));
  if (incoming && describesVendor) {
    input.vendor = {
      legalName: form.text("vendor.legalName"),
      companyNumber: form.text("vendor.companyNumber"),
      address: {
        street: form.text("vendor.address.street"),
        postalCode: form.text("vendor.address.postalCode"),
        city: form.text("vendor.address.city"),
        country: form.text("vendor.address.country"),
      },
      contact: { name: form.text("vendor.contact.name"), email: form.text("vendor.contact.email") },
      service: localized("vendor.service"),
      processingDescription: localized("vendor.processingDescription"),
      locations: locations("vendor.locations"),
      transferMechanism: mechanism("vendor.transferMechanism"),
    };
  }
  if (kind === "replace") input.replacesId = form.text("replacesId");
  if (kind === "change_locations") {
    input.locations = locations("locations");
    input.transferMechanism = mechanism("transferMechanism");
  }
  if (kind === "change_chain") input.parentId = form.text("parentId") ?? null;
  return input;
}
