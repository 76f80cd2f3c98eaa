import { pickRequired } from "../../kernel/i18n/localise.ts";
import type { Language } from "../../kernel/values/values.ts";
import type { SecurityMeasure } from "../../register/index.ts";
import type { FindingSink } from "./finding.ts";

/**
 * A certification a document names as part of a measure must still be valid on the document's
 * date: one that expired is a finding (the measure stands, the assurance does not), once per
 * certification however many activities share the measure.
 */
export function checkCertifications(measures: SecurityMeasure[], asOf: string, article: string, lang: Language, sink: FindingSink): void {
  const day = asOf.slice(0, 10);
  for (const measure of new Set(measures)) {
    for (const certification of measure.certifications) {
      if (certification.validUntil && certification.validUntil < day) {
        sink.add(
          article,
          "certificationExpired",
          { measure: pickRequired(measure.title, lang), certification: certification.name, date: certification.validUntil },
          { type: "security_measure", id: measure.id },
        );
      }
    }
  }
}
