import { z } from "zod";
import { EntityMeta } from "../../kernel/values/meta.ts";
import { LocalizedText } from "../../kernel/values/values.ts";

export const SubjectCategoryInput = z.strictObject({
  name: LocalizedText,
  description: LocalizedText.nullable().optional(),
});
export type SubjectCategoryInput = z.infer<typeof SubjectCategoryInput>;

export const SubjectCategory = z.object({ ...EntityMeta, ...SubjectCategoryInput.shape });
export type SubjectCategory = z.infer<typeof SubjectCategory>;
