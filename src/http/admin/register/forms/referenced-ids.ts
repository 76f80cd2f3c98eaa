import { type Field, valueAt } from "./form-spec.ts";

/** The ids of other entities that `values` refer to, by source segment: what a view page must name. */
export function referencedIds(fields: readonly Field[], values: unknown, found = new Map<string, Set<string>>()): Map<string, Set<string>> {
  const add = (source: string, id: unknown) => {
    if (typeof id !== "string" || id === "") return;
    const ids = found.get(source) ?? new Set<string>();
    found.set(source, ids.add(id));
  };
  for (const field of fields) {
    const value = field.name ? valueAt(values, field.name) : values;
    if (field.type === "reference") add(field.source, value);
    else if (field.type === "references" && Array.isArray(value)) for (const id of value) add(field.source, id);
    else if (field.type === "group") referencedIds(field.fields, value, found);
    else if (field.type === "repeat" && Array.isArray(value)) for (const row of value) referencedIds(field.fields, row, found);
    else if (field.type === "variant") referencedIds([...field.variants.flatMap((v) => v.fields), ...field.common], value, found);
  }
  return found;
}
