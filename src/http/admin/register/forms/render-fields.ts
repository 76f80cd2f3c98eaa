import { type Choice, checkboxes, type FieldErrors, idOf, selectField, textArea, textField } from "../../ui/fields.ts";
import { type Html, html, nothing } from "../../ui/html.ts";
import { type ChoiceSets, choiceKey, type Field, LANGUAGE_CODES, LANGUAGE_NAMES, pathJoin, qualified, valueAt } from "./form-spec.ts";

/** What a form shows: the values (stored or as typed), the use case's issues, and the choices of reference fields. */
export interface FormState {
  values: unknown;
  errors: FieldErrors;
  choices: ChoiceSets;
}

/** Blank rows offered under the existing ones, so rows can be added without JavaScript. */
const BLANK_ROWS = 2;

/**
 * Controls for `fields`. Labels carry qualifiers ("Country (transfer 2)",
 * "E-mail address (data protection officer)") so every control has a distinct accessible name.
 * No `required` attributes: the use case decides, and blank rows must post.
 */
export function renderFields(fields: readonly Field[], state: FormState, prefix = "", qualifiers: readonly string[] = []): Html {
  return html`${fields.map((field) => renderField(field, state, pathJoin(prefix, field.name), qualifiers))}`;
}

function renderField(field: Field, state: FormState, path: string, qualifiers: readonly string[]): Html {
  const value = valueAt(state.values, path);
  const common = {
    name: path,
    label: qualified(field.label, [...qualifiers, ...(marksRequired(field) ? ["required"] : [])]),
    hint: field.hint,
    errors: state.errors,
  };
  switch (field.type) {
    case "text":
      return textField({ ...common, value: text(value), type: field.input });
    case "number":
      return textField({ ...common, value: text(value), type: "number" });
    case "select":
      return selectField({ ...common, value: text(value), choices: withCurrent(field.choices, [text(value)]), blank: field.blank });
    case "reference": {
      const choices = withCurrent(state.choices.get(choiceKey(field)) ?? [], [text(value)]);
      return selectField({ ...common, value: text(value), choices, blank: field.blank ?? "None" });
    }
    case "references": {
      const values = Array.isArray(value) ? value.map(text) : [];
      return checkboxes({ ...common, values, choices: withCurrent(state.choices.get(choiceKey(field)) ?? [], values) });
    }
    case "localized":
      return group(
        { ...field, hint: field.hint ?? (field.required ? "In at least one language." : undefined) },
        state,
        path,
        html`${LANGUAGE_CODES.map((lang) => {
          const o = {
            name: `${path}.${lang}`,
            label: qualified(field.label, [LANGUAGE_NAMES[lang], ...qualifiers]),
            errors: state.errors,
            value: text(valueAt(value, lang)),
          };
          return field.multiline ? textArea(o) : textField(o);
        })}`,
      );
    case "group":
      return group(
        field,
        state,
        path,
        renderFields(field.fields, state, path, [field.qualifier ?? lowerFirst(field.label), ...qualifiers].filter(Boolean)),
      );
    case "repeat": {
      const rows = Array.isArray(value) ? value.length : 0;
      return group(
        field,
        state,
        path,
        html`${Array.from({ length: rows + BLANK_ROWS }, (_, i) => {
          const rowPath = `${path}.${i}`;
          const row = `${field.item} ${i + 1}`;
          const [only] = field.fields;
          // A list of single values (e.g. purposes): the row is the value's own control, named after the row.
          if (field.fields.length === 1 && only?.name === "")
            return renderField({ ...only, label: capitalised(row) }, state, rowPath, qualifiers);
          return group({ label: capitalised(row) }, state, rowPath, renderFields(field.fields, state, rowPath, [row, ...qualifiers]));
        })}`,
      );
    }
    case "variant": {
      const kind = selectField({
        name: `${path}.kind`,
        label: qualified(field.kind.label, qualifiers),
        errors: state.errors,
        value: text(valueAt(value, "kind")),
        choices: field.variants.map((v) => ({ value: v.value, label: v.label })),
        blank: field.kind.blank,
      });
      const variants = field.variants.map((v) => renderFields(v.fields, state, path, qualifiers));
      return group(field, state, path, html`${kind}${variants}${renderFields(field.common, state, path, qualifiers)}`);
    }
  }
}

/** A fieldset with its legend, hint and the issues about the whole group. */
function group(field: { label: string; hint?: string; required?: boolean }, state: FormState, path: string, body: Html): Html {
  const id = idOf(path);
  const messages = state.errors.for(path);
  const described = [field.hint ? `${id}-hint` : "", messages.length ? `${id}-error` : ""].filter(Boolean).join(" ");
  return html`<fieldset class="group${messages.length ? " has-error" : ""}" id="${id}"${described ? html` aria-describedby="${described}"` : nothing}>
<legend>${field.label}${field.required ? html` <span class="required">(required)</span>` : nothing}</legend>
${field.hint ? html`<p class="hint" id="${id}-hint">${field.hint}</p>` : nothing}${messages.length ? html`<p class="error" id="${id}-error">${messages.join(" ")}</p>` : nothing}
${body}</fieldset>`;
}

/** Single controls say "required" in their label; groups say it in their legend. */
const marksRequired = (field: Field): boolean =>
  field.required === true && (field.type === "text" || field.type === "number" || field.type === "select" || field.type === "reference");

/** Keeps a current value that is not among the choices (e.g. an archived activity), so saving shows why it is refused instead of dropping it. */
function withCurrent(choices: Choice[], current: string[]): Choice[] {
  const known = new Set(choices.map((c) => c.value));
  const extra = current.filter((v) => v !== "" && !known.has(v)).map((v) => ({ value: v, label: `${v} (archived or unknown)` }));
  return extra.length ? [...choices, ...extra] : choices;
}

const text = (value: unknown): string => (typeof value === "string" ? value : typeof value === "number" ? String(value) : "");
const capitalised = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** "Address" → "address" inside a label; "EU representative" stays. */
const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
