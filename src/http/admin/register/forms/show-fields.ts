import { countryName, formatPeriod } from "../../../../core/kernel/i18n/localise.ts";
import { type Html, html, seg } from "../../ui/html.ts";
import { t, uiDate, uiLanguage } from "../../ui/ui-language.ts";
import { type Field, LANGUAGE_CODES, LANGUAGE_NAMES, uiText, valueAt } from "./form-spec.ts";

/** Names of referenced entities, by source segment and id, for links on a view page. */
export type Names = Map<string, Map<string, string>>;

const EMPTY = "—";
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Every field of an entity, readable, as a definition list (the view page and nested groups). */
export function showFields(fields: readonly Field[], values: unknown, names: Names): Html {
  return html`<dl class="facts">${fields.map((f) => html`<dt>${uiText(f.label)}</dt><dd>${showValue(f, f.name ? valueAt(values, f.name) : values, names)}</dd>`)}</dl>`;
}

export function showValue(field: Field, value: unknown, names: Names): Html {
  if (value === null || value === undefined || value === "") return html`${field.type === "variant" ? uiText(field.kind.blank) : EMPTY}`;
  switch (field.type) {
    case "text":
      if (field.input === "date" && typeof value === "string" && ISO_DATE.test(value))
        return html`<time datetime="${value}">${uiDate(value)}</time>`;
      return html`${field.country && typeof value === "string" ? `${value} (${countryName(value, uiLanguage())})` : String(value)}`;
    case "number":
      return html`${String(value)}`;
    case "select": {
      const choice = field.choices.find((c) => c.value === value);
      return html`${choice ? uiText(choice.label) : String(value)}`;
    }
    case "reference":
      return link(field.source, String(value), names);
    case "references": {
      const ids = Array.isArray(value) ? value.map(String) : [];
      return ids.length
        ? html`<ul>${ids.map((id) => html`<li>${link(field.source, id, names)}</li>`)}</ul>`
        : html`${t("admin.common.none")}`;
    }
    case "localized":
      return localized(value as Record<string, string | undefined>);
    case "group":
      // A length with its unit reads as one phrase: "15 calendar days", not "Length 15 / Unit Calendar days".
      if (isPeriod(field, value)) return html`${formatPeriod(value, uiLanguage())}`;
      return showFields(field.fields, value, names);
    case "repeat":
      return rows(field, Array.isArray(value) ? value : [], names);
    case "variant": {
      const kind = String(valueAt(value, "kind") ?? "");
      const chosen = field.variants.find((v) => v.value === kind);
      const details = showFields(
        [...(chosen?.fields ?? []), ...field.common].filter((f) => valueAt(value, f.name) != null),
        value,
        names,
      );
      return html`<p>${chosen ? uiText(chosen.label) : kind}</p>${details}`;
    }
  }
}

const PERIOD_UNITS = new Set(["calendar_days", "working_days", "days", "months", "years"]);

function isPeriod(field: Extract<Field, { type: "group" }>, value: unknown): value is { length: number; unit: string } {
  const v = value as { length?: unknown; unit?: unknown };
  return (
    field.fields.every((f) => f.name === "length" || f.name === "unit") &&
    typeof v.length === "number" &&
    typeof v.unit === "string" &&
    PERIOD_UNITS.has(v.unit)
  );
}

function localized(text: Record<string, string | undefined>): Html {
  const present = LANGUAGE_CODES.filter((lang) => text[lang] !== undefined);
  if (present.length === 0) return html`${EMPTY}`;
  return html`${present.map((lang) => html`<div lang="${lang}"><span class="hint">${t("admin.forms.languageText", { language: LANGUAGE_NAMES[lang] })}</span> ${text[lang]}</div>`)}`;
}

/** A list of rows as a table, one column per field; a list of plain values as a list. */
function rows(field: Extract<Field, { type: "repeat" }>, items: unknown[], names: Names): Html {
  if (items.length === 0) return html`${t("admin.common.none")}`;
  const [only] = field.fields;
  if (field.fields.length === 1 && only && only.name === "") {
    return html`<ul>${items.map((item) => html`<li>${showValue(only, item, names)}</li>`)}</ul>`;
  }
  return html`<table><thead><tr>${field.fields.map((f) => html`<th scope="col">${uiText(f.label)}</th>`)}</tr></thead>
<tbody>${items.map((item) => html`<tr>${field.fields.map((f) => html`<td>${showValue(f, valueAt(item, f.name), names)}</td>`)}</tr>`)}</tbody></table>`;
}

function link(source: string, id: string, names: Names): Html {
  const name = names.get(source)?.get(id);
  return name === undefined
    ? html`${id} <span class="badge warn">${t("admin.forms.unknown")}</span>`
    : html`<a href="/admin/${source}/${seg(id)}">${name}</a>`;
}
