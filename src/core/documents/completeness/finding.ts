import type { Language } from "../../kernel/values/values.ts";
import { displayText } from "../../kernel/i18n/display-text.ts";
import { type Params, translate } from "../../kernel/i18n/localise.ts";

/** A piece of content the law requires that the register does not hold yet. */
export interface Finding {
  /** Where the requirement comes from, e.g. "Art. 30(1)(e)" or "Annex II". */
  article: string;
  code: string;
  message: string;
  entityType: string | null;
  entityId: string | null;
}

/** A message parameter: a value, or a catalogue message worded in the finding's reader's language. */
export type FindingParam = string | number | { message: string };

export interface FindingSink {
  add(article: string, code: string, params?: Record<string, FindingParam>, entity?: { type: string; id: string }): void;
  readonly findings: Finding[];
}

/**
 * Each finding's message parameters, kept beside it rather than in it: the
 * API and the documents show the message as written, and only a reader in
 * another language (the admin UI) needs it worded again (`findingMessageIn`).
 */
const paramsOf = new WeakMap<Finding, Record<string, FindingParam>>();

function worded(lang: Language, code: string, params: Record<string, FindingParam>): string {
  const values: Params = Object.fromEntries(
    Object.entries(params).map(([k, v]) => [k, typeof v === "object" ? translate(lang, v.message) : v]),
  );
  return translate(lang, `finding.${code}`, values);
}

/** Collects findings with messages from the catalogue, in the reader's language. */
export function findingSink(lang: Language): FindingSink {
  const findings: Finding[] = [];
  return {
    findings,
    add(article, code, params = {}, entity) {
      // Names in findings come straight from the register: shown with the same care as in the document body.
      const shown = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? displayText(v) : v]));
      const finding: Finding = {
        article,
        code,
        message: worded(lang, code, shown),
        entityType: entity?.type ?? null,
        entityId: entity?.id ?? null,
      };
      paramsOf.set(finding, shown);
      findings.push(finding);
    },
  };
}

/** Lets copies of findings (made to keep the content's text well-formed) be worded again like the originals. */
export function keepWording(originals: readonly Finding[], copies: readonly Finding[]): void {
  originals.forEach((original, i) => {
    const params = paramsOf.get(original);
    const copy = copies[i];
    if (params && copy) paramsOf.set(copy, params);
  });
}

/** A finding's message in another language than its document's (register names in it stay as the document gives them). */
export function findingMessageIn(finding: Finding, lang: Language): string {
  const params = paramsOf.get(finding);
  return params ? worded(lang, finding.code, params) : finding.message;
}
