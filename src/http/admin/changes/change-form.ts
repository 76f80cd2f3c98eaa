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
import { KIND_LABELS } from "./labels.ts";

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
const LANGUAGE_NAMES: Record<Language, string> = { en: "English", nl: "Nederlands", fr: "Français" };
const COUNTRIES: Choice[] = COUNTRY_CODES.map((value) => ({ value, label: countryName(value, "en") })).sort((a, b) =>
  a.label.localeCompare(b.label),
);
const MECHANISMS: Choice[] = (["adequacy", "scc", "bcr", "art49_derogation"] as const).map((k) => ({
  value: k,
  label: translate("en", `mechanism.${k}`),
}));
const DEROGATIONS: Choice[] = ART49_DEROGATIONS.map((d) => ({ value: d, label: translate("en", `derogation.${d}`) }));

/** Issues about a group of controls (e.g. "vendor.locations"), shown at the top of its fieldset. */
function groupError(errors: FieldErrors, path: string): Html {
  const messages = errors.for(path);
  return messages.length ? html`<p class="error" id="${idOf(path)}-error">${messages.join(" ")}</p>` : nothing;
}

/** `words` starts each label ("Country", or "New country"), so the two groups on the page are told apart by ear too. */
function locationRows(
  prefix: string,
  legend: string,
  words: { country: string; region: string },
  f: PostedForm["values"],
  errors: FieldErrors,
): Html {
  const rows = Array.from({ length: LOCATION_ROWS }, (_, i) => {
    const n = i + 1;
    return html`${selectField({ name: `${prefix}.${i}.country`, label: `${words.country} (location ${n})`, value: f[`${prefix}.${i}.country`], choices: COUNTRIES, blank: "—", errors })}
${textField({ name: `${prefix}.${i}.region`, label: `${words.region} (location ${n})`, value: f[`${prefix}.${i}.region`], errors })}`;
  });
  return html`<fieldset class="group" id="${idOf(prefix)}"><legend>${legend}</legend>${groupError(errors, prefix)}${rows}</fieldset>`;
}

function mechanismFields(prefix: string, of: string, f: PostedForm["values"], errors: FieldErrors): Html {
  return html`<fieldset class="group" id="${idOf(prefix)}"><legend>Transfer mechanism ${of} (needed outside the EEA)</legend>${groupError(errors, prefix)}
${selectField({ name: `${prefix}.kind`, label: `Transfer mechanism ${of}`, value: f[`${prefix}.kind`], choices: MECHANISMS, blank: "None", errors })}
${selectField({ name: `${prefix}.derogation`, label: `Art. 49 derogation ${of} (only for a derogation)`, value: f[`${prefix}.derogation`], choices: DEROGATIONS, blank: "—", errors })}
${textArea({ name: `${prefix}.safeguards`, label: `Suitable safeguards ${of}`, value: f[`${prefix}.safeguards`], errors, rows: 2 })}
</fieldset>`;
}

export function proposalForm(o: { csrf: string; choices: ProposalChoices; form: PostedForm | null; errors: FieldErrors }): Html {
  const f = o.form?.values ?? {};
  const e = o.errors;
  return html`${errorSummary(e)}
<form method="post" action="/admin/changes">${csrfField(o.csrf)}
${selectField({ name: "kind", label: "Kind of change", value: f.kind ?? "add", choices: CHANGE_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] ?? k })), errors: e, required: true })}
${selectField({ name: "textLanguage", label: "Language of the texts you write below", value: f.textLanguage ?? "en", choices: LANGUAGES.map((l) => ({ value: l, label: LANGUAGE_NAMES[l] })), errors: e, hint: "The service description, safeguards and reason are stored in this language; notices show them to every customer." })}
${selectField({ name: "subProcessorId", label: "Existing sub-processor", value: f.subProcessorId, choices: o.choices.subProcessors, blank: "None: a new vendor, described below", errors: e, hint: "Add or replace: a vendor already in the register that comes in (else describe the new vendor below). Remove, change of locations or of the engaging sub-processor: the sub-processor concerned." })}
${selectField({ name: "replacesId", label: "Sub-processor being replaced", value: f.replacesId, choices: o.choices.activeSubProcessors, blank: "—", errors: e, hint: "Replace only." })}
<fieldset class="group" id="${idOf("vendor")}"><legend>New vendor (add or replace)</legend>${groupError(e, "vendor")}
${textField({ name: "vendor.legalName", label: "Vendor name", value: f["vendor.legalName"], errors: e, hint: "Its legal name." })}
${textField({ name: "vendor.companyNumber", label: "Company number", value: f["vendor.companyNumber"], errors: e })}
<fieldset class="group" id="${idOf("vendor.address")}"><legend>Registered address</legend>${groupError(e, "vendor.address")}
${textField({ name: "vendor.address.street", label: "Street and number", value: f["vendor.address.street"], errors: e })}
${textField({ name: "vendor.address.postalCode", label: "Postal code", value: f["vendor.address.postalCode"], errors: e })}
${textField({ name: "vendor.address.city", label: "City", value: f["vendor.address.city"], errors: e })}
${selectField({ name: "vendor.address.country", label: "Country of the address", value: f["vendor.address.country"], choices: COUNTRIES, blank: "—", errors: e })}
</fieldset>
<fieldset class="group" id="${idOf("vendor.contact")}"><legend>Privacy contact at the vendor</legend>${groupError(e, "vendor.contact")}
${textField({ name: "vendor.contact.name", label: "Contact name", value: f["vendor.contact.name"], errors: e })}
${textField({ name: "vendor.contact.email", label: "Contact e-mail", type: "email", value: f["vendor.contact.email"], errors: e })}
</fieldset>
${textArea({ name: "vendor.service", label: "What the vendor does", value: f["vendor.service"], errors: e, rows: 2, hint: "E.g. OCR of invoices and receipts; customers read this in the notice." })}
${textArea({ name: "vendor.processingDescription", label: "Processing it carries out (Annex IV)", value: f["vendor.processingDescription"], errors: e, rows: 3 })}
${locationRows("vendor.locations", "Where the vendor processes data", { country: "Vendor country", region: "Vendor region" }, f, e)}
${mechanismFields("vendor.transferMechanism", "of the new vendor", f, e)}
</fieldset>
<fieldset class="group" id="${idOf("change-locations")}"><legend>New locations (change of locations only)</legend>
${locationRows("locations", "The sub-processor's new locations", { country: "New country", region: "New region" }, f, e)}
${mechanismFields("transferMechanism", "for the new locations", f, e)}
</fieldset>
${selectField({ name: "parentId", label: "Engaged through (change of the sub-processor engaging it only)", value: f.parentId, choices: o.choices.activeSubProcessors, blank: "Nobody: we engage it directly", errors: e, hint: "The sub-processor that engages the one concerned from then on; customers are told of the new chain." })}
${checkboxes({ name: "activityIds", label: "Affected processing activities", values: o.form?.all("activityIds") ?? [], choices: o.choices.activities, errors: e, hint: "Required to add a sub-processor; otherwise the sub-processor's own activities when none is ticked." })}
${textArea({ name: "reason", label: "Reason", value: f.reason, errors: e, rows: 3, required: true, hint: "Why the change is made; customers read it in the notice." })}
${textField({ name: "intendedStart", label: "Intended start", type: "date", value: f.intendedStart, errors: e, required: true, hint: "Not before the last objection window closes; announcing tells you the earliest date." })}
${checkbox({ name: "announce", label: "Announce now (notify customers)", checked: f.announce === "true", errors: e, hint: "Sends a notice to every customer whose agreement covers an affected activity. Otherwise the change stays proposed until you announce it." })}
<div class="actions"><button type="submit">Propose</button><a href="/admin/changes">Cancel and go back to the changes</a></div>
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
