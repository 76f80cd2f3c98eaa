import { eq, inArray, or, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import { activities, subProcessorActivities, subProcessors } from "../../../db/schema.ts";
import type { FieldIssue } from "../kernel/errors.ts";
import { isInEea } from "../kernel/values/countries.ts";
import { SUB_PROCESSOR_STATUSES, SubProcessor, SubProcessorInput } from "./model/sub-processor.ts";
import { CountryCode, Id } from "../kernel/values/values.ts";
import type { Db } from "../kernel/ports/store.ts";
import type { EntityKind } from "./entity-kind.ts";
import { inOrder, type LinkTable, loadLinks, replaceLinks } from "./links.ts";
import { checkReferenceFree, idOrReference, NAMED_SUB_PROCESSOR } from "./named-records.ts";
import { archiveRefusal, directEditIssues } from "./sub-processor-fields.ts";
import { checkDuplicates, checkReferences } from "./references.ts";
import { contains, orNull, putRow, rowsByIds, withoutMeta } from "./rows.ts";

const Filter = z.strictObject({
  status: z.enum(SUB_PROCESSOR_STATUSES).optional(),
  country: CountryCode.optional().describe("Sub-processors with a location in this country."),
  activityId: Id.optional(),
  parentId: idOrReference(NAMED_SUB_PROCESSOR).optional(),
  q: z.string().trim().min(1).max(200).optional().describe("Text contained in the legal name or the reference."),
});

const activityLinks: LinkTable = {
  table: subProcessorActivities,
  owner: subProcessorActivities.subProcessorId,
  ownerKey: "subProcessorId",
  position: subProcessorActivities.position,
};
type ActivityRow = typeof subProcessorActivities.$inferSelect;

/** A chain longer than this is a modelling mistake, and the walk must end. */
const MAX_CHAIN = 20;

export const subProcessorKind: EntityKind<SubProcessor, SubProcessorInput, z.infer<typeof Filter>> = {
  type: "sub_processor",
  label: "sub-processor",
  input: SubProcessorInput,
  output: SubProcessor,
  filter: Filter,
  table: subProcessors,
  columns: { id: subProcessors.id, revision: subProcessors.revision, archivedAt: subProcessors.archivedAt },
  removal: "archive",
  named: NAMED_SUB_PROCESSOR,
  namedFilters: { parentId: NAMED_SUB_PROCESSOR },
  directWriteIssues: directEditIssues,
  archiveRefusal,

  async load(db, ids) {
    if (ids.length === 0) return [];
    const [rows, links] = await Promise.all([
      rowsByIds(db, subProcessors, subProcessors.id, ids),
      loadLinks<ActivityRow>(db, activityLinks, ids),
    ]);
    const entities = rows.map(
      (r): SubProcessor => ({
        ...r,
        reference: orNull(r.reference),
        companyNumber: orNull(r.companyNumber),
        processingDescription: orNull(r.processingDescription),
        transferMechanism: orNull(r.transferMechanism),
        parentId: orNull(r.parentId),
        excludedAgreementIds: r.excludedAgreementIds ?? [],
        activityIds: (links.get(r.id) ?? []).map((l) => l.activityId),
      }),
    );
    return inOrder(ids, entities);
  },

  where(db, filter) {
    const conditions: SQL[] = [];
    if (filter.status) conditions.push(eq(subProcessors.status, filter.status));
    if (filter.parentId) conditions.push(eq(subProcessors.parentId, filter.parentId));
    if (filter.q) conditions.push(or(contains(subProcessors.legalName, filter.q), contains(subProcessors.reference, filter.q)) as SQL);
    if (filter.country) {
      conditions.push(
        sql`exists (select 1 from json_each(${subProcessors.locations}) where json_extract(value, '$.country') = ${filter.country})`,
      );
    }
    if (filter.activityId) {
      conditions.push(
        inArray(
          subProcessors.id,
          db
            .select({ id: subProcessorActivities.subProcessorId })
            .from(subProcessorActivities)
            .where(eq(subProcessorActivities.activityId, filter.activityId)),
        ),
      );
    }
    return conditions;
  },

  async check(db, input, id) {
    const issues: FieldIssue[] = [
      ...(await checkReferences(
        db,
        { table: activities, id: activities.id, archivedAt: activities.archivedAt, label: "processing activity" },
        "activityIds",
        input.activityIds,
      )),
      ...checkDuplicates("activityIds", input.activityIds),
      ...(await checkReferenceFree(db, NAMED_SUB_PROCESSOR, input.reference, id)),
      ...checkDuplicates(
        "locations",
        input.locations.map((l) => `${l.country}/${l.region ?? ""}`),
      ),
    ];
    if (input.parentId) {
      issues.push(
        ...(await checkReferences(
          db,
          { table: subProcessors, id: subProcessors.id, archivedAt: subProcessors.archivedAt, label: "sub-processor" },
          "parentId",
          [input.parentId],
          () => "parentId",
        )),
      );
      if (await chainReaches(db, input.parentId, id)) {
        issues.push({ path: "parentId", message: "A sub-processor cannot be in its own chain of sub-processors." });
      }
    }
    const outside = input.locations.filter((l) => !isInEea(l.country));
    if (input.status === "active" && outside.length > 0 && !input.transferMechanism) {
      issues.push({
        path: "transferMechanism",
        message: `An active sub-processor in ${outside.map((l) => l.country).join(", ")} (outside the EEA) needs a transfer mechanism.`,
      });
    }
    return issues;
  },

  write(store, entity, isNew) {
    return [
      ...putRow(store, subProcessors, subProcessors.id, entity, isNew),
      ...replaceLinks(
        store,
        activityLinks,
        entity.id,
        entity.activityIds.map((activityId) => ({ subProcessorId: entity.id, activityId })),
        isNew,
      ),
    ];
  },

  toInput: (entity) => {
    const { excludedAgreementIds: _managed, ...input } = withoutMeta(entity);
    return input;
  },
  managedDefaults: { excludedAgreementIds: [] },
};

/** Whether walking up from `start` through parents reaches `target`. */
export async function chainReaches(db: Db, start: string, target: string): Promise<boolean> {
  let current: string | null = start;
  for (let step = 0; current && step < MAX_CHAIN; step++) {
    if (current === target) return true;
    const [row] = await db.select({ parentId: subProcessors.parentId }).from(subProcessors).where(eq(subProcessors.id, current));
    current = row?.parentId ?? null;
  }
  return current !== null;
}
