import { eq, type SQL } from "drizzle-orm";
import { z } from "zod";
import { activitySecurityMeasures, securityMeasures } from "../../../db/schema.ts";
import { ANNEX_III_HEADINGS, SecurityMeasure, SecurityMeasureInput } from "./model/security-measure.ts";
import { activitiesUsing } from "./activity-usages.ts";
import type { EntityKind } from "./entity-kind.ts";
import { inOrder } from "./links.ts";
import { putRow, rowsByIds } from "./rows.ts";

const Filter = z.strictObject({ heading: z.enum(ANNEX_III_HEADINGS).optional() });

export const securityMeasureKind: EntityKind<SecurityMeasure, SecurityMeasureInput, z.infer<typeof Filter>> = {
  type: "security_measure",
  label: "security measure",
  input: SecurityMeasureInput,
  output: SecurityMeasure,
  filter: Filter,
  table: securityMeasures,
  columns: { id: securityMeasures.id, revision: securityMeasures.revision },
  removal: "delete",

  async load(db, ids) {
    if (ids.length === 0) return [];
    const rows = await rowsByIds(db, securityMeasures, securityMeasures.id, ids);
    return inOrder(ids, rows);
  },

  where(_db, filter) {
    const conditions: SQL[] = [];
    if (filter.heading) conditions.push(eq(securityMeasures.heading, filter.heading));
    return conditions;
  },

  async check() {
    return [];
  },

  write(store, entity, isNew) {
    return putRow(store, securityMeasures, securityMeasures.id, entity, isNew);
  },

  toInput: ({ heading, title, description, certifications }) => ({ heading, title, description, certifications }),

  usages: (db, id) =>
    activitiesUsing(
      db,
      {
        table: activitySecurityMeasures,
        activityId: activitySecurityMeasures.activityId,
        target: activitySecurityMeasures.securityMeasureId,
      },
      id,
    ),
};
