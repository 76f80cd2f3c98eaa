import { z } from "zod";
import { EntityMeta } from "../../kernel/values/meta.ts";
import { LocalizedText, SPECIAL_CATEGORIES } from "../../kernel/values/values.ts";

export { SPECIAL_CATEGORIES };

export const DataCategoryInput = z.strictObject({
  name: LocalizedText,
  description: LocalizedText.nullable().optional(),
  special: z
    .enum(SPECIAL_CATEGORIES)
    .default("none")
    .describe("art9: special categories (Art. 9 GDPR); art10: criminal convictions and offences (Art. 10)."),
});
export type DataCategoryInput = z.infer<typeof DataCategoryInput>;

export const DataCategory = z.object({ ...EntityMeta, ...DataCategoryInput.shape, special: z.enum(SPECIAL_CATEGORIES) });
export type DataCategory = z.infer<typeof DataCategory>;
