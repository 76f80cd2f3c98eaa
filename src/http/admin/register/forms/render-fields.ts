import { countryName } from "../../../../core/kernel/i18n/localise.ts";
import { COUNTRY_CODES } from "../../../../core/kernel/values/countries.ts";
import type { Language } from "../../../../core/kernel/values/values.ts";
import { type Choice, checkboxes, type FieldErrors, idOf, selectField, textArea, textField } from "../../ui/fields.ts";
import { type Html, html, nothing } from "../../ui/html.ts";
import { t, uiLanguage } from "../../ui/ui-language.ts";
import {
  type ChoiceSets,
  choiceKey,
  type Field,
  LANGUAGE_CODES,
  LANGUAGE_NAMES,
  pathJoin,
  qualified,
  rowName,
  uiText,
  valueAt,
} from "./form-spec.ts";

/** What a form shows: the values (stored or as typed), the use case's issues, and the choices of reference fields. */
export interface FormState {
  values: unknown;
  errors: FieldErrors;
  choices: ChoiceSets;
  /** The language texts are typed in; the others' inputs are in the form, hidden, so switching keeps what was typed. */
  language: Language;
  /** Blank rows to add under a list's rows (its "Add" button was pressed), by the list's path. */
  addRows: ReadonlyMap<string, number>;
}

/** The posted names of the buttons that only redraw the form: another language, a row added or removed. */
export const FORM_LANGUAGE = "_formlang";
export const SWITCH_LANGUAGE = "_lang";
export const ADD_ROW = "_add";
export const REMOVE_ROW = "_remove";

const countryChoices = new Map<Language, Choice[]>();

/** Countries by their names in the page's language, in its order, for the country pickers (a select finds one as its name is typed). */
function countriesByName(): Choice[] {
  const lang = uiLanguage();
  let choices = countryChoices.get(lang);
  if (!choices) {
    choices = COUNTRY_CODES.map((code) => ({ value: code, label: countryName(code, lang) })).sort((a, b) =>
      a.label.localeCompare(b.label, lang),
    );
    countryChoices.set(lang, choices);
  }
  return choices;
}

/** A field's own choices, labelled in the page's language. */
const choicesOf = (field: { choices: Choice[] }): Choice[] => field.choices.map((c) => ({ value: c.value, label: uiText(c.label) }));

/**
 * Controls for `fields`. Labels carry qualifiers ("Country (transfer 2)",
 * "E-mail address (data protection officer)") so every control has a distinct accessible name.
 * No `required` attributes: the use case decides, and blank rows must post.
 */
export function renderFields(fields: readonly Field[], state: FormState, prefix = "", qualifiers: readonly string[] = []): Html {
  return html`${fields.map((field) => renderField(field, state, pathJoin(prefix, field.name), qualifiers))}`;
}

/**
 * A control's label: the field's own, with its qualifiers ("data category 1", "time after the event")
 * read out but not shown, so rows stay compact while every control keeps a distinct accessible name.
 * "required" is shown.
 */
function labelOf(label: string, qualifiers: readonly string[], required: boolean): string | Html {
  const mark = t("admin.forms.required");
  if (qualifiers.length === 0) return qualified(label, required ? [mark] : []);
  if (!required) return html`${label}<span class="visually-hidden"> (${qualifiers.join(", ")})</span>`;
  // Read "Name (recipient 1, required)", shown "Name (required)".
  return html`${label}<span class="visually-hidden"> (${qualifiers.join(", ")},</span> <span aria-hidden="true">(</span>${mark}<span aria-hidden="true">)</span><span class="visually-hidden">)</span>`;
}

/** A language input's label: "Event (English, data category 1)" read out, "English" shown under the field's legend. */
function languageLabel(label: string, lang: string, qualifiers: readonly string[]): Html {
  return html`<span class="visually-hidden">${label} (</span>${lang}<span class="visually-hidden">${qualifiers.length ? `, ${qualifiers.join(", ")}` : ""})</span>`;
}

function renderField(field: Field, state: FormState, path: string, qualifiers: readonly string[]): Html {
  const value = valueAt(state.values, path);
  const label = uiText(field.label);
  const common = {
    name: path,
    label: labelOf(label, qualifiers, marksRequired(field)),
    hint: field.hint === undefined ? undefined : uiText(field.hint),
    errors: state.errors,
  };
  switch (field.type) {
    case "text":
      if (field.country)
        return selectField({
          ...common,
          hint: undefined,
          value: text(value),
          choices: withCurrent(countriesByName(), [text(value)]),
          blank: t("admin.forms.chooseCountry"),
        });
      return textField({ ...common, value: text(value), type: field.input });
    case "number":
      return textField({ ...common, value: text(value), type: "number" });
    case "select":
      return selectField({ ...common, value: text(value), choices: withCurrent(choicesOf(field), [text(value)]), blank: blankOf(field) });
    case "reference": {
      const choices = withCurrent(state.choices.get(choiceKey(field)) ?? [], [text(value)]);
      return selectField({ ...common, value: text(value), choices, blank: blankOf(field) ?? t("admin.common.none") });
    }
    case "references": {
      const values = Array.isArray(value) ? value.map(text) : [];
      return checkboxes({ ...common, values, choices: withCurrent(state.choices.get(choiceKey(field)) ?? [], values) });
    }
    case "localized": {
      // One language at a time: the others' inputs stay in the form, hidden, so nothing typed is lost.
      const written = LANGUAGE_CODES.filter((lang) => text(valueAt(value, lang)) !== "");
      return group(
        { ...field, hint: field.hint ?? (field.required ? "admin.forms.inAtLeastOneLanguage" : undefined) },
        state,
        path,
        html`${LANGUAGE_CODES.map((lang) => {
          const o = {
            name: `${path}.${lang}`,
            label: languageLabel(label, LANGUAGE_NAMES[lang], qualifiers),
            errors: state.errors,
            value: text(valueAt(value, lang)),
            rows: 2,
          };
          return html`<div class="lang-input" data-lang="${lang}"${lang === state.language ? nothing : html` hidden`}>${field.multiline ? textArea(o) : textField(o)}</div>`;
        })}`,
        "localized",
        // Which languages have a text, at a glance (the inputs themselves say it to a screen reader).
        written.length
          ? html` <span class="also-in" aria-hidden="true" title="${t("admin.forms.writtenIn", { languages: written.map((l) => LANGUAGE_NAMES[l]).join(", ") })}">${written.join(" · ")}</span>`
          : nothing,
      );
    }
    case "group":
      return group(
        field,
        state,
        path,
        renderFields(
          field.fields,
          state,
          path,
          [field.qualifier === undefined ? lowerFirst(label) : uiText(field.qualifier), ...qualifiers].filter(Boolean),
        ),
      );
    case "repeat": {
      // The rows there are, and blank ones only when asked for ("Add …"): a list with none shows its button.
      const rows = (Array.isArray(value) ? value.length : 0) + (state.addRows.get(path) ?? 0);
      const remove = (rowPath: string, n: number) =>
        html`<button type="submit" class="secondary small remove" name="${REMOVE_ROW}" value="${rowPath}">${t(`${field.item}.remove`, { n })}</button>`;
      return group(
        field,
        state,
        path,
        html`${Array.from({ length: rows }, (_, i) => {
          const rowPath = `${path}.${i}`;
          const row = rowName(field, i + 1);
          const [only] = field.fields;
          // A list of single values (e.g. purposes): the row is the value's own control, named after the row.
          if (field.fields.length === 1 && only?.name === "")
            return html`<div class="row single">${renderField({ ...only, label: capitalised(row) }, state, rowPath, qualifiers)}${remove(rowPath, i + 1)}</div>`;
          // A row shaped like the first (the same kinds chosen) shows its labels to screen readers only: the first row's head the columns.
          const compact = i > 0 && shapeOf(field.fields, valueAt(value, String(i))) === shapeOf(field.fields, valueAt(value, "0"));
          return group(
            { label: capitalised(row) },
            state,
            rowPath,
            html`<div class="row-fields">${renderFields(field.fields, state, rowPath, [row, ...qualifiers])}</div>${remove(rowPath, i + 1)}`,
            compact ? "row compact" : "row",
          );
        })}<button type="submit" class="secondary small" name="${ADD_ROW}" value="${path}">${t(`${field.item}.add`)}</button>`,
        "rows",
      );
    }
    case "variant": {
      const kind = selectField({
        name: `${path}.kind`,
        label: labelOf(uiText(field.kind.label), qualifiers, false),
        errors: state.errors,
        value: text(valueAt(value, "kind")),
        choices: field.variants.map((v) => ({ value: v.value, label: uiText(v.label) })),
        blank: uiText(field.kind.blank),
      });
      // Each kind's fields in a block of its own; the script shows only the chosen kind's (all show without it).
      const chosen = text(valueAt(value, "kind"));
      const variants = field.variants.map(
        (v) =>
          html`<div class="variant" data-variant-of="${path}.kind" data-variant="${v.value}"${chosen === v.value || v.fields.length === 0 ? nothing : html` data-hide`}>${renderFields(v.fields, state, path, qualifiers)}</div>`,
      );
      return group(
        field,
        state,
        path,
        html`<div class="row-fields">${kind}${variants}${renderFields(field.common, state, path, qualifiers)}</div>`,
        "variant-group",
      );
    }
  }
}

/** The kinds a row's variant fields have chosen (e.g. "event"), which decide the controls it shows. */
function shapeOf(fields: readonly Field[], value: unknown): string {
  return fields
    .map((f) =>
      f.type === "variant"
        ? text(valueAt(valueAt(value, f.name), "kind"))
        : f.type === "group"
          ? shapeOf(f.fields, valueAt(value, f.name))
          : "",
    )
    .join("|");
}

/** A fieldset with its legend, hint and the issues about the whole group; `field`'s texts are message keys or text as it is. */
function group(
  field: { label: string; hint?: string; required?: boolean },
  state: FormState,
  path: string,
  body: Html,
  kind = "",
  legendExtra: Html = nothing,
): Html {
  const id = idOf(path);
  const messages = state.errors.for(path);
  const hint = field.hint ? uiText(field.hint) : "";
  const described = [hint ? `${id}-hint` : "", messages.length ? `${id}-error` : ""].filter(Boolean).join(" ");
  return html`<fieldset class="group${kind ? ` ${kind}` : ""}${messages.length ? " has-error" : ""}" id="${id}"${described ? html` aria-describedby="${described}"` : nothing}>
<legend>${uiText(field.label)}${field.required ? html` <span class="required">(${t("admin.forms.required")})</span>` : nothing}${legendExtra}</legend>
${hint ? html`<p class="hint" id="${id}-hint">${hint}</p>` : nothing}${messages.length ? html`<p class="error" id="${id}-error">${messages.join(" ")}</p>` : nothing}
${body}</fieldset>`;
}

/** Single controls say "required" in their label; groups say it in their legend. */
const marksRequired = (field: Field): boolean =>
  field.required === true && (field.type === "text" || field.type === "number" || field.type === "select" || field.type === "reference");

/** Keeps a current value that is not among the choices (e.g. an archived activity), so saving shows why it is refused instead of dropping it. */
function withCurrent(choices: Choice[], current: string[]): Choice[] {
  const known = new Set(choices.map((c) => c.value));
  const extra = current
    .filter((v) => v !== "" && !known.has(v))
    .map((v) => ({ value: v, label: t("admin.forms.archivedOrUnknown", { value: v }) }));
  return extra.length ? [...choices, ...extra] : choices;
}

const blankOf = (field: { blank?: string }): string | undefined => (field.blank === undefined ? undefined : uiText(field.blank));
const text = (value: unknown): string => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** "Address" → "address", "Délai" → "délai" inside a label; "EU representative" stays. */
const lowerFirst = (s: string) => (/^\p{Lu}\p{Ll}/u.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
