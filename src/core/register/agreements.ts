import { and, eq, inArray, type SQL } from "drizzle-orm";
import { z } from "zod";
import { activities, agreementActivities, agreements, customers } from "../../../db/schema.ts";
import type { FieldIssue } from "../kernel/errors.ts";
import { AGREEMENT_STATUSES, Agreement, AgreementInput } from "./model/agreement.ts";
import { Id } from "../kernel/values/values.ts";
import type { EntityKind } from "./entity-kind.ts";
import { inOrder, type LinkTable, loadLinks, replaceLinks } from "./links.ts";
import { checkReferenceFree, idOrReference, NAMED_AGREEMENT, NAMED_CUSTOMER } from "./named-records.ts";
import { checkDuplicates, checkReferences } from "./references.ts";
import { contains, displayName, orNull, putRow, rowsByIds, withoutMeta } from "./rows.ts";

const Filter = z.strictObject({
  customerId: idOrReference(NAMED_CUSTOMER).optional(),
  status: z.enum(AGREEMENT_STATUSES).optional(),
  authorisation: z.enum(["prior_specific", "general"]).optional(),
  activityId: Id.optional(),
  q: z.string().trim().min(1).max(200).optional().describe("Text contained in the reference."),
});

const activityLinks: LinkTable = {
  table: agreementActivities,
  owner: agreementActivities.agreementId,
  ownerKey: "agreementId",
  position: agreementActivities.position,
};
type ActivityRow = typeof agreementActivities.$inferSelect;

export const agreementKind: EntityKind<Agreement, AgreementInput, z.infer<typeof Filter>> = {
  type: "agreement",
  label: "agreement",
  input: AgreementInput,
  output: Agreement,
  filter: Filter,
  table: agreements,
  columns: { id: agreements.id, revision: agreements.revision, archivedAt: agreements.archivedAt },
  removal: "archive",
  named: NAMED_AGREEMENT,
  namedFilters: { customerId: NAMED_CUSTOMER },

  async load(db, ids) {
    if (ids.length === 0) return [];
    const [rows, links] = await Promise.all([
      rowsByIds(db, agreements, agreements.id, ids),
      loadLinks<ActivityRow>(db, activityLinks, ids),
    ]);
    const entities = rows.map(
      (r): Agreement => ({
        ...r,
        signedOn: orNull(r.signedOn),
        endedOn: orNull(r.endedOn),
        activityIds: (links.get(r.id) ?? []).map((l) => l.activityId),
      }),
    );
    return inOrder(ids, entities);
  },

  where(db, filter) {
    const conditions: SQL[] = [];
    if (filter.customerId) conditions.push(eq(agreements.customerId, filter.customerId));
    if (filter.status) conditions.push(eq(agreements.status, filter.status));
    if (filter.authorisation) conditions.push(eq(agreements.authorisation, filter.authorisation));
    if (filter.q) conditions.push(contains(agreements.reference, filter.q));
    if (filter.activityId) {
      conditions.push(
        inArray(
          agreements.id,
          db
            .select({ id: agreementActivities.agreementId })
            .from(agreementActivities)
            .where(eq(agreementActivities.activityId, filter.activityId)),
        ),
      );
    }
    return conditions;
  },

  async check(db, input, id) {
    const issues: FieldIssue[] = [
      ...(await checkReferences(
        db,
        { table: customers, id: customers.id, archivedAt: customers.archivedAt, label: "customer" },
        "customerId",
        [input.customerId],
        () => "customerId",
      )),
      ...(await checkReferences(
        db,
        { table: activities, id: activities.id, archivedAt: activities.archivedAt, label: "processing activity" },
        "activityIds",
        input.activityIds,
      )),
      ...checkDuplicates("activityIds", input.activityIds),
    ];
    if (input.activityIds.length > 0) {
      const controllerActivities = await db
        .select({ id: activities.id, name: activities.name })
        .from(activities)
        .where(and(inArray(activities.id, input.activityIds), eq(activities.role, "controller")));
      for (const a of controllerActivities) {
        issues.push({
          path: `activityIds.${input.activityIds.indexOf(a.id)}`,
          message: `"${displayName(a.name)}" is a controller activity; a DPA covers processing done on the customer's behalf.`,
        });
      }
    }
    issues.push(...(await checkReferenceFree(db, NAMED_AGREEMENT, input.reference, id)));
    if (input.signedOn && input.endedOn && input.endedOn < input.signedOn) {
      issues.push({ path: "endedOn", message: "The agreement cannot end before it was signed." });
    }
    if (input.status === "terminated" && !input.endedOn) {
      issues.push({ path: "endedOn", message: "A terminated agreement needs its end date: the post-termination clocks run from it." });
    }
    return issues;
  },

  write(store, entity, isNew) {
    return [
      ...putRow(store, agreements, agreements.id, entity, isNew),
      ...replaceLinks(
        store,
        activityLinks,
        entity.id,
        entity.activityIds.map((activityId) => ({ agreementId: entity.id, activityId })),
        isNew,
      ),
    ];
  },

  directWriteIssues: async (_db, before, after) => [...terminationIssues(before, after), ...termsVersionIssues(before, after)],

  toInput: withoutMeta,
};

const TERMINATE =
  "An agreement ends through its termination (POST /api/v1/agreements/{id}/termination, or Terminate on its page), which starts the duties its clocks promise.";

/**
 * The version of the terms an agreement in force is under is what its customer accepted: it moves
 * through a terms change, which gives the customer its window to object, never by an edit. A draft's
 * version is still open; an admin corrects a real mistake with a correction.
 */
function termsVersionIssues(before: Agreement | null, after: AgreementInput): FieldIssue[] {
  if (before?.status !== "active") return [];
  const issues: FieldIssue[] = [];
  if (after.status === "draft") {
    // Back to draft, its version would be open again: an agreement in force stays in force until its termination.
    issues.push({
      path: "status",
      message: "An agreement in force does not go back to draft (an admin corrects a mistake with a correction).",
    });
  }
  if (before.version !== after.version) {
    issues.push({
      path: "version",
      message:
        "The version of an agreement in force changes through a terms change (POST /api/v1/terms-changes, or Terms changes in the admin UI), which gives its customer the window to object.",
    });
  }
  return issues;
}

/**
 * The end of an agreement is an event with consequences (deactivation, export window, deletion or
 * return), not a field: it is recorded by the termination, never by editing status or endedOn. An
 * admin corrects a real mistake with a correction.
 */
function terminationIssues(before: Agreement | null, after: AgreementInput): FieldIssue[] {
  if (!before) {
    return after.status === "terminated"
      ? [{ path: "status", message: `A new agreement cannot be recorded as terminated. ${TERMINATE}` }]
      : [];
  }
  const issues: FieldIssue[] = [];
  if (before.status !== after.status && before.status === "terminated") {
    issues.push({ path: "status", message: "A terminated agreement stays terminated (an admin corrects a mistake with a correction)." });
  } else if (before.status !== after.status && after.status === "terminated") {
    issues.push({ path: "status", message: `status cannot be set to terminated directly. ${TERMINATE}` });
  }
  if ((before.endedOn ?? null) !== (after.endedOn ?? null)) {
    issues.push({ path: "endedOn", message: `endedOn cannot be edited directly. ${TERMINATE}` });
  }
  return issues;
}
