import type { SQL } from "drizzle-orm";
import { z } from "zod";
import { activitySubjectCategories, subjectCategories } from "../../../db/schema.ts";
import { SubjectCategory, SubjectCategoryInput } from "./model/subject-category.ts";
import { activitiesUsing } from "./activity-usages.ts";
import type { EntityKind } from "./entity-kind.ts";
import { inOrder } from "./links.ts";
import { contains, orNull, putRow, rowsByIds } from "./rows.ts";

const Filter = z.strictObject({
  q: z.string().trim().min(1).max(200).optional().describe("Text contained in the name."),
});

export const subjectCategoryKind: EntityKind<SubjectCategory, SubjectCategoryInput, z.infer<typeof Filter>> = {
  type: "subject_category",
  label: "data-subject category",
  input: SubjectCategoryInput,
  output: SubjectCategory,
  filter: Filter,
  table: subjectCategories,
  columns: { id: subjectCategories.id, revision: subjectCategories.revision },
  removal: "delete",

  async load(db, ids) {
    if (ids.length === 0) return [];
    const rows = await rowsByIds(db, subjectCategories, subjectCategories.id, ids);
    return inOrder(
      ids,
      rows.map((r) => ({ ...r, description: orNull(r.description) })),
    );
  },

  where(_db, filter) {
    const conditions: SQL[] = [];
    if (filter.q) conditions.push(contains(subjectCategories.name, filter.q));
    return conditions;
  },

  async check() {
    return [];
  },

  write(store, entity, isNew) {
    return putRow(store, subjectCategories, subjectCategories.id, entity, isNew);
  },

  toInput: ({ name, description }) => ({ name, description }),

  usages: (db, id) =>
    activitiesUsing(
      db,
      {
        table: activitySubjectCategories,
        activityId: activitySubjectCategories.activityId,
        target: activitySubjectCategories.subjectCategoryId,
      },
      id,
    ),
};
