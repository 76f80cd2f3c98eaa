import { z } from "zod";
import { EntityMeta } from "./meta.ts";
import { Certification, LocalizedText } from "./values.ts";

/** The headings of Annex III of the standard contractual clauses (Implementing Decision 2021/915). */
export const ANNEX_III_HEADINGS = [
  "pseudonymisation_encryption",
  "confidentiality_integrity_availability_resilience",
  "restore_availability",
  "regular_testing",
  "user_identification_authorisation",
  "protection_in_transmission",
  "protection_in_storage",
  "physical_security",
  "event_logging",
  "system_configuration",
  "it_governance",
  "certification_assurance",
  "data_minimisation",
  "data_quality",
  "limited_retention",
  "accountability",
  "portability_erasure",
] as const;

export const SecurityMeasureInput = z.strictObject({
  heading: z.enum(ANNEX_III_HEADINGS),
  title: LocalizedText,
  description: LocalizedText.describe("Concretely what is done, not a restatement of the heading."),
  certifications: z.array(Certification).max(50).default([]),
});
export type SecurityMeasureInput = z.infer<typeof SecurityMeasureInput>;

export const SecurityMeasure = z.object({
  ...EntityMeta,
  ...SecurityMeasureInput.shape,
  certifications: z.array(Certification),
});
export type SecurityMeasure = z.infer<typeof SecurityMeasure>;
