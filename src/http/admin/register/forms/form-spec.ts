import { hasMessage } from "../../../../core/kernel/i18n/localise.ts";
import type { Language } from "../../../../core/kernel/values/values.ts";
import type { EntityPath } from "../../../../core/register/index.ts";
import type { Choice } from "../../ui/fields.ts";
import { t } from "../../ui/ui-language.ts";

/**
 * A register form described as data, so one renderer, one parser and one
 * read-only view serve every kind. `name` is relative to the enclosing group
 * or row; the full dotted path (e.g. "transfers.0.mechanism.kind") is both
 * the input's name and the path of the use case's field issues.
 *
 * The forms are module constants, built before any request, so their words
 * (labels, hints, blanks, qualifiers, choice and variant labels) are message
 * keys, read in the page's language when a form is drawn (`uiText`). A text
 * that is no key, e.g. a label a page wrote in its own words, shows as it is.
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
  /** `item` is a key prefix: `<item>.row` ("purpose {n}"), `<item>.add` and `<item>.remove` ({n}) name a row and its buttons. */
  | (Base & { type: "repeat"; item: string; fields: Field[] })
  /** An object whose fields depend on a "kind" choice (a discriminated union, e.g. retention). */
  | (Base & { type: "variant"; kind: { label: string; blank: string }; variants: Variant[]; common: Field[] });

export interface Variant {
  value: string;
  label: string;
  fields: Field[];
}

/** A form's text in the page's language: a message key of the catalogues, or text a page wrote itself, as it is. */
export const uiText = (text: string): string => (hasMessage(text) ? t(text) : text);

/** The name of a row of a list, e.g. "purpose 2" (`n` counts from 1). */
export const rowName = (field: Extract<Field, { type: "repeat" }>, n: number): string => t(`${field.item}.row`, { n });

/**
 * The names of the languages texts are written in, in the page's language.
 * Getters, so pages that index it read it when they draw, not at import.
 */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  get en() {
    return t("admin.forms.language.en");
  },
  get nl() {
    return t("admin.forms.language.nl");
  },
  get fr() {
    return t("admin.forms.language.fr");
  },
};
export const LANGUAGE_CODES = ["en", "nl", "fr"] as const;

/** Choices for a list of codes, each labelled by the message `<group>.<code>` (e.g. "legalBasis.consent"). */
export function codeChoices(codes: readonly string[], group: string): Choice[] {
  return codes.map((value) => ({ value, label: `${group}.${value}` }));
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
