import { z } from "zod";
import { EntityMeta } from "../../kernel/values/meta.ts";
import { ANNEX_III_HEADINGS, Certification, LocalizedText } from "../../kernel/values/values.ts";

export { ANNEX_III_HEADINGS };

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
