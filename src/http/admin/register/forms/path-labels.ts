import { type Field, LANGUAGE_NAMES } from "./form-spec.ts";

export interface PathInfo {
  /** E.g. "Transfers to third countries › transfer 2 › Transfer mechanism › Kind". */
  label: string;
  /** The control the path ends at, when the form has one. */
  field?: Field;
}

/** A readable name for a dotted input path, for history tables; parts the form does not know stay as they are. */
export function pathInfo(fields: readonly Field[], path: string): PathInfo {
  const found: { field?: Field } = {};
  return { label: within(fields, path.split("."), found).join(" › "), field: found.field };
}

function within(fields: readonly Field[], segments: string[], found: { field?: Field }): string[] {
  const [head, ...rest] = segments;
  if (head === undefined) return [];
  const field = fields.find((f) => f.name === head);
  if (!field) return segments;
  if (rest.length === 0) found.field = field;
  return [field.label, ...inside(field, rest, found)];
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
      const row = `${field.item} ${index}`;
      if (field.fields.length === 1 && only?.name === "") return [row, ...inside(only, rest, found)];
      return [row, ...within(field.fields, rest, found)];
    }
    case "references":
      return index === undefined ? segments : [`entry ${index}`, ...rest];
    case "variant":
      if (head === "kind" && rest.length === 0) {
        found.field = {
          type: "select",
          name: "kind",
          label: field.kind.label,
          choices: field.variants.map((v) => ({ value: v.value, label: v.label })),
        };
        return [field.kind.label];
      }
      return within([...field.variants.flatMap((v) => v.fields), ...field.common], segments, found);
    default:
      return segments;
  }
}
