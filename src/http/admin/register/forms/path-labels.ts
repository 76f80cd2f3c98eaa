import { t } from "../../ui/ui-language.ts";
import { type Field, LANGUAGE_NAMES, rowName, uiText } from "./form-spec.ts";

export interface PathInfo {
  /** E.g. "Transfers to third countries › transfer 2 › Transfer mechanism › Kind". */
  label: string;
  /** The control the path ends at, when the form has one, its label and choices in the page's language. */
  field?: Field;
}

/** A readable name for a dotted input path, for history tables; parts the form does not know stay as they are. */
export function pathInfo(fields: readonly Field[], path: string): PathInfo {
  const found: { field?: Field } = {};
  const label = within(fields, path.split("."), found).join(" › ");
  return { label, field: found.field && inPageLanguage(found.field) };
}

function within(fields: readonly Field[], segments: string[], found: { field?: Field }): string[] {
  const [head, ...rest] = segments;
  if (head === undefined) return [];
  const field = fields.find((f) => f.name === head);
  if (!field) return segments;
  if (rest.length === 0) found.field = field;
  return [uiText(field.label), ...inside(field, rest, found)];
}

function inside(field: Field, segments: string[], found: { field?: Field }): string[] {
  const [head, ...rest] = segments;
  if (head === undefined) return [];
  const index = /^\d+$/.test(head) ? Number(head) + 1 : undefined;
  switch (field.type) {
    case "localized":
      return [LANGUAGE_NAMES[head as keyof typeof LANGUAGE_NAMES] ?? head, ...rest];
    case "group":
      return within(field.fields, segments, found);
    case "repeat": {
      if (index === undefined) return segments;
      const [only] = field.fields;
      const row = rowName(field, index);
      if (field.fields.length === 1 && only?.name === "") return [row, ...inside(only, rest, found)];
      return [row, ...within(field.fields, rest, found)];
    }
    case "references":
      return index === undefined ? segments : [t("admin.forms.entry", { n: index }), ...rest];
    case "variant":
      if (head === "kind" && rest.length === 0) {
        found.field = {
          type: "select",
          name: "kind",
          label: field.kind.label,
          choices: field.variants.map((v) => ({ value: v.value, label: v.label })),
        };
        return [uiText(field.kind.label)];
      }
      return within([...field.variants.flatMap((v) => v.fields), ...field.common], segments, found);
    default:
      return segments;
  }
}

/** A field with its label, and a choice's labels, read in the page's language (the form keeps message keys). */
function inPageLanguage(field: Field): Field {
  const label = uiText(field.label);
  if (field.type !== "select") return { ...field, label };
  const choices = field.choices.map((c) => ({ value: c.value, label: uiText(c.label) }));
  return { ...field, label, choices, blank: field.blank === undefined ? undefined : uiText(field.blank) };
}
