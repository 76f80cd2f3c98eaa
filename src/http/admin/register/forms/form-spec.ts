import type { EntityPath } from "../../../../core/register/index.ts";
import type { Choice } from "../../ui/fields.ts";

/**
 * A register form described as data, so one renderer, one parser and one
 * read-only view serve every kind. `name` is relative to the enclosing group
 * or row; the full dotted path (e.g. "transfers.0.mechanism.kind") is both
 * the input's name and the path of the use case's field issues.
 */
interface Base {
  name: string;
  label: string;
  hint?: string;
  /** Shown as "(required)" in the label; the schema alone decides what is valid. */
  required?: boolean;
}

export type Field =
  | (Base & { type: "text"; input?: "text" | "email" | "date" | "tel"; country?: boolean })
  | (Base & { type: "number" })
  | (Base & { type: "localized"; multiline?: boolean })
  | (Base & { type: "select"; choices: Choice[]; blank?: string })
  /** One id of another register entity, chosen from a list. */
  | (Base & { type: "reference"; source: EntityPath; filter?: Record<string, string>; blank?: string })
  /** Several ids of another register entity, as checkboxes; `filter` narrows the choices (a list filter of the source). */
  | (Base & { type: "references"; source: EntityPath; filter?: Record<string, string> })
  /** A nested object, e.g. an address; its controls' labels name it (or `qualifier`; "" for none) to tell them apart. */
  | (Base & { type: "group"; fields: Field[]; qualifier?: string })
  /** A list of objects: existing rows plus blank ones; rows left blank are dropped. */
  | (Base & { type: "repeat"; item: string; fields: Field[] })
  /** An object whose fields depend on a "kind" choice (a discriminated union, e.g. retention). */
  | (Base & { type: "variant"; kind: { label: string; blank: string }; variants: Variant[]; common: Field[] });

export interface Variant {
  value: string;
  label: string;
  fields: Field[];
}

export const LANGUAGE_NAMES = { en: "English", nl: "Dutch", fr: "French" } as const;
export const LANGUAGE_CODES = ["en", "nl", "fr"] as const;

/** Choices for a list of codes, labelled by `label` (default: the code made readable). */
export function codeChoices(codes: readonly string[], label: (code: string) => string = readable): Choice[] {
  return codes.map((value) => ({ value, label: label(value) }));
}

/** "legal_obligation" → "Legal obligation". */
export function readable(code: string): string {
  const words = code.replace(/_/g, " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The full dotted path of a child. */
export const pathJoin = (prefix: string, name: string): string => (prefix && name ? `${prefix}.${name}` : prefix || name);

/** A label with its qualifiers, e.g. "Country (transfer 2)" or "Event (English, data category 1)". */
export function qualified(label: string, qualifiers: readonly string[]): string {
  return qualifiers.length ? `${label} (${qualifiers.join(", ")})` : label;
}

export type ReferenceField = Extract<Field, { type: "reference" | "references" }>;

/** The fields of a form that refer to other entities, whose choices or names a page must load. */
export function referenceFields(fields: readonly Field[]): ReferenceField[] {
  const found: ReferenceField[] = [];
  const walk = (list: readonly Field[]) => {
    for (const f of list) {
      if (f.type === "reference" || f.type === "references") found.push(f);
      else if (f.type === "group" || f.type === "repeat") walk(f.fields);
      else if (f.type === "variant") {
        walk(f.common);
        for (const v of f.variants) walk(v.fields);
      }
    }
  };
  walk(fields);
  return found;
}

/** Choices of reference fields, by `choiceKey`: the source and its filter. */
export type ChoiceSets = Map<string, Choice[]>;

export const choiceKey = (field: ReferenceField): string => `${field.source}?${new URLSearchParams(field.filter ?? {}).toString()}`;

/** The value at a dotted path of a nested object or array. */
export function valueAt(root: unknown, path: string): unknown {
  let current = root;
  for (const key of path ? path.split(".") : []) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
