import { eq, inArray, type SQL } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import {
  activities,
  activityDataCategories,
  activitySecurityMeasures,
  activitySubjectCategories,
  agreementActivities,
  dataCategories,
  securityMeasures,
  subjectCategories,
} from "../../../db/schema.ts";
import { ACTIVITY_STATUSES, Activity, ActivityInput } from "./model/activity.ts";
import { Id } from "../kernel/values/values.ts";
import type { EntityKind } from "./entity-kind.ts";
import { activityRules } from "./activity-rules.ts";
import { inOrder, type LinkTable, loadLinks, replaceLinks } from "./links.ts";
import { idOrReference, NAMED_AGREEMENT } from "./named-records.ts";
import { checkDuplicates, checkReferences } from "./references.ts";
import { contains, orNull, putRow, rowsByIds, withoutMeta } from "./rows.ts";

const Filter = z.strictObject({
  role: z.enum(["controller", "processor"]).optional(),
  status: z.enum(ACTIVITY_STATUSES).optional(),
  dataCategoryId: Id.optional(),
  subjectCategoryId: Id.optional(),
  securityMeasureId: Id.optional(),
  agreementId: idOrReference(NAMED_AGREEMENT).optional(),
  q: z.string().trim().min(1).max(200).optional().describe("Text contained in the name."),
});

const subjectLinks: LinkTable = {
  table: activitySubjectCategories,
  owner: activitySubjectCategories.activityId,
  ownerKey: "activityId",
  position: activitySubjectCategories.position,
};
const dataLinks: LinkTable = {
  table: activityDataCategories,
  owner: activityDataCategories.activityId,
  ownerKey: "activityId",
  position: activityDataCategories.position,
};
const measureLinks: LinkTable = {
  table: activitySecurityMeasures,
  owner: activitySecurityMeasures.activityId,
  ownerKey: "activityId",
  position: activitySecurityMeasures.position,
};

type SubjectRow = typeof activitySubjectCategories.$inferSelect;
type DataRow = typeof activityDataCategories.$inferSelect;
type MeasureRow = typeof activitySecurityMeasures.$inferSelect;

export const activityKind: EntityKind<Activity, ActivityInput, z.infer<typeof Filter>> = {
  type: "processing_activity",
  label: "processing activity",
  input: ActivityInput,
  output: Activity,
  filter: Filter,
  table: activities,
  columns: { id: activities.id, revision: activities.revision, archivedAt: activities.archivedAt },
  removal: "archive",
  namedFilters: { agreementId: NAMED_AGREEMENT },

  async load(db, ids) {
    if (ids.length === 0) return [];
    const [rows, subjects, data, measures] = await Promise.all([
      rowsByIds(db, activities, activities.id, ids),
      loadLinks<SubjectRow>(db, subjectLinks, ids),
      loadLinks<DataRow>(db, dataLinks, ids),
      loadLinks<MeasureRow>(db, measureLinks, ids),
    ]);
    const entities = rows.map(
      (r): Activity => ({
        ...r,
        legalBasis: orNull(r.legalBasis),
        specialCategoryCondition: orNull(r.specialCategoryCondition),
        subjectMatter: orNull(r.subjectMatter),
        nature: orNull(r.nature),
        specialCategorySafeguards: orNull(r.specialCategorySafeguards),
        dpia: orNull(r.dpia),
        jointControllers: r.jointControllers ?? [],
        nextReviewOn: orNull(r.nextReviewOn),
        subjectCategoryIds: (subjects.get(r.id) ?? []).map((l) => l.subjectCategoryId),
        dataCategories: (data.get(r.id) ?? []).map((l) => ({
          dataCategoryId: l.dataCategoryId,
          retention: orNull(l.retention),
        })),
        securityMeasureIds: (measures.get(r.id) ?? []).map((l) => l.securityMeasureId),
      }),
    );
    return inOrder(ids, entities);
  },

  where(db, filter) {
    const conditions: SQL[] = [];
    if (filter.role) conditions.push(eq(activities.role, filter.role));
    if (filter.status) conditions.push(eq(activities.status, filter.status));
    if (filter.q) conditions.push(contains(activities.name, filter.q));
    const linked = (link: LinkTable, target: SQLiteColumn, value: string) =>
      inArray(activities.id, db.select({ id: link.owner }).from(link.table).where(eq(target, value)));
    if (filter.dataCategoryId) conditions.push(linked(dataLinks, activityDataCategories.dataCategoryId, filter.dataCategoryId));
    if (filter.subjectCategoryId)
      conditions.push(linked(subjectLinks, activitySubjectCategories.subjectCategoryId, filter.subjectCategoryId));
    if (filter.securityMeasureId)
      conditions.push(linked(measureLinks, activitySecurityMeasures.securityMeasureId, filter.securityMeasureId));
    if (filter.agreementId) {
      const agreementLink = {
        table: agreementActivities,
        owner: agreementActivities.activityId,
        ownerKey: "activityId",
        position: agreementActivities.position,
      };
      conditions.push(linked(agreementLink, agreementActivities.agreementId, filter.agreementId));
    }
    return conditions;
  },

  async check(db, input) {
    const dataIds = input.dataCategories.map((d) => d.dataCategoryId);
    const referenceIssues = await Promise.all([
      checkReferences(
        db,
        { table: subjectCategories, id: subjectCategories.id, label: "data-subject category" },
        "subjectCategoryIds",
        input.subjectCategoryIds,
      ),
      checkReferences(
        db,
        { table: dataCategories, id: dataCategories.id, label: "data category" },
        "dataCategories",
        dataIds,
        (i) => `dataCategories.${i}.dataCategoryId`,
      ),
      checkReferences(
        db,
        { table: securityMeasures, id: securityMeasures.id, label: "security measure" },
        "securityMeasureIds",
        input.securityMeasureIds,
      ),
    ]);
    const specials = dataIds.length
      ? await db
          .select({ id: dataCategories.id, special: dataCategories.special })
          .from(dataCategories)
          .where(inArray(dataCategories.id, dataIds))
      : [];
    return [
      ...referenceIssues.flat(),
      ...checkDuplicates("subjectCategoryIds", input.subjectCategoryIds),
      ...checkDuplicates("dataCategories", dataIds),
      ...checkDuplicates("securityMeasureIds", input.securityMeasureIds),
      ...activityRules(input, new Set(specials.filter((c) => c.special === "art9").map((c) => c.id))),
    ];
  },

  write(store, entity, isNew) {
    return [
      ...putRow(store, activities, activities.id, entity, isNew),
      ...replaceLinks(
        store,
        subjectLinks,
        entity.id,
        entity.subjectCategoryIds.map((subjectCategoryId) => ({ activityId: entity.id, subjectCategoryId })),
        isNew,
      ),
      ...replaceLinks(
        store,
        dataLinks,
        entity.id,
        entity.dataCategories.map((d) => ({ activityId: entity.id, ...d })),
        isNew,
      ),
      ...replaceLinks(
        store,
        measureLinks,
        entity.id,
        entity.securityMeasureIds.map((securityMeasureId) => ({ activityId: entity.id, securityMeasureId })),
        isNew,
      ),
    ];
  },

  toInput: withoutMeta,
};
