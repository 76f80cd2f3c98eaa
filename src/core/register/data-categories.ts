import { eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import { activityDataCategories, dataCategories } from "../../../db/schema.ts";
import { DataCategory, DataCategoryInput, SPECIAL_CATEGORIES } from "./model/data-category.ts";
import { activitiesUsing } from "./activity-usages.ts";
import type { EntityKind } from "./entity-kind.ts";
import { inOrder } from "./links.ts";
import { contains, orNull, putRow, rowsByIds } from "./rows.ts";

const Filter = z.strictObject({
  special: z.enum(SPECIAL_CATEGORIES).optional(),
  q: z.string().trim().min(1).max(200).optional().describe("Text contained in the name."),
});

export const dataCategoryKind: EntityKind<DataCategory, DataCategoryInput, z.infer<typeof Filter>> = {
  type: "data_category",
  label: "data category",
  input: DataCategoryInput,
  output: DataCategory,
  filter: Filter,
  table: dataCategories,
  columns: { id: dataCategories.id, revision: dataCategories.revision },
  removal: "delete",

  async load(db, ids) {
    if (ids.length === 0) return [];
    const rows = await rowsByIds(db, dataCategories, dataCategories.id, ids);
    return inOrder(
      ids,
      rows.map((r) => ({ ...r, description: orNull(r.description) })),
    );
  },

  where(_db, filter) {
    const conditions: SQL[] = [];
    if (filter.special) conditions.push(eq(dataCategories.special, filter.special));
    if (filter.q) conditions.push(contains(dataCategories.name, filter.q));
    return conditions;
  },

  async check() {
    return [];
  },

  write(store, entity, isNew) {
    return putRow(store, dataCategories, dataCategories.id, entity, isNew);
  },

  toInput: ({ name, description, special }) => ({ name, description, special }),

  usages: (db, id) =>
    activitiesUsing(
      db,
      { table: activityDataCategories, activityId: activityDataCategories.activityId, target: activityDataCategories.dataCategoryId },
      id,
    ),
};
