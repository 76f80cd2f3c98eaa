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

export interface FindingSink {
  add(article: string, code: string, params?: Params, entity?: { type: string; id: string }): void;
  readonly findings: Finding[];
}

/** Collects findings with messages from the catalogue, in the reader's language. */
export function findingSink(lang: Language): FindingSink {
  const findings: Finding[] = [];
  return {
    findings,
    add(article, code, params = {}, entity) {
      findings.push({
        article,
        code,
        // Names in findings come straight from the register: shown with the same care as in the document body.
        message: translate(
          lang,
          `finding.${code}`,
          Object.fromEntries(Object.entries(params).map(([k, v]) => [k, typeof v === "string" ? displayText(v) : v])),
        ),
        entityType: entity?.type ?? null,
        entityId: entity?.id ?? null,
      });
    },
  };
}
