import { and, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { agreementActivities, agreements, obligations, subProcessorActivities, subProcessors } from "../../../db/schema.ts";
import type { Db } from "../kernel/ports/store.ts";

/** Chains are short; a cycle cannot be recorded (register/sub-processors.ts), this only bounds the walk. */
const MAX_CHAIN = 20;

/**
 * The agreements that a breach involving these activities and sub-processors affects: those in force,
 * or ended with their data not yet deleted or returned (an open deletion-or-return duty), covering an
 * involved activity, or an activity served by an involved sub-processor or by one engaged through it
 * (its chain), unless the agreement was kept out of that vendor.
 */
export async function affectedAgreementIds(db: Db, activityIds: string[], subProcessorIds: string[]): Promise<string[]> {
  const involved = new Set(subProcessorIds);
  const vendors = await db
    .select({ id: subProcessors.id, parentId: subProcessors.parentId, excluded: subProcessors.excludedAgreementIds })
    .from(subProcessors);
  const parentOf = new Map(vendors.map((v) => [v.id, v.parentId]));
  const reaches = (id: string) => {
    let current: string | null | undefined = id;
    for (let step = 0; current && step < MAX_CHAIN; step++) {
      if (involved.has(current)) return true;
      current = parentOf.get(current);
    }
    return false;
  };
  const through = vendors.filter((v) => reaches(v.id));
  const links = through.length
    ? await db
        .select()
        .from(subProcessorActivities)
        .where(
          inArray(
            subProcessorActivities.subProcessorId,
            through.map((v) => v.id),
          ),
        )
    : [];
  const excludedBy = new Map(through.map((v) => [v.id, new Set(v.excluded ?? [])]));
  const viaVendors = links.map((l) => ({ activityId: l.activityId, excluded: excludedBy.get(l.subProcessorId) ?? new Set<string>() }));
  const activityIdsInvolved = [...new Set([...activityIds, ...viaVendors.map((v) => v.activityId)])];
  if (activityIdsInvolved.length === 0) return [];
  // An ended agreement whose data is not deleted or returned yet is still affected: its customer is told too.
  const stillHoldsData = sql`exists (select 1 from ${obligations} where ${obligations.agreementId} = ${agreements.id} and ${obligations.kind} = 'deletion_or_return' and ${obligations.state} = 'open')`;
  const covering = await db
    .select({ agreementId: agreements.id, activityId: agreementActivities.activityId })
    .from(agreementActivities)
    .innerJoin(agreements, eq(agreements.id, agreementActivities.agreementId))
    .where(
      and(
        inArray(agreementActivities.activityId, activityIdsInvolved),
        isNull(agreements.archivedAt),
        or(eq(agreements.status, "active"), and(eq(agreements.status, "terminated"), stillHoldsData)),
      ),
    );
  const direct = new Set(activityIds);
  const affected = covering.filter(
    (c) => direct.has(c.activityId) || viaVendors.some((v) => v.activityId === c.activityId && !v.excluded.has(c.agreementId)),
  );
  return [...new Set(affected.map((c) => c.agreementId))].sort();
}
