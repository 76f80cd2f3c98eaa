import { and, eq, inArray, isNull } from "drizzle-orm";
import { agreementActivities, agreements, subProcessorActivities, subProcessors } from "../../../db/schema.ts";
import type { Db } from "../kernel/ports/store.ts";

/** Chains are short; a cycle cannot be recorded (register/sub-processors.ts), this only bounds the walk. */
const MAX_CHAIN = 20;

/**
 * The agreements in force that a breach involving these activities and sub-processors affects: those
 * covering an involved activity, and those covering an activity served by an involved sub-processor
 * or by one engaged through it (its chain), unless the agreement was kept out of that vendor.
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
  const covering = await db
    .select({ agreementId: agreements.id, activityId: agreementActivities.activityId })
    .from(agreementActivities)
    .innerJoin(agreements, eq(agreements.id, agreementActivities.agreementId))
    .where(
      and(inArray(agreementActivities.activityId, activityIdsInvolved), eq(agreements.status, "active"), isNull(agreements.archivedAt)),
    );
  const direct = new Set(activityIds);
  const affected = covering.filter(
    (c) => direct.has(c.activityId) || viaVendors.some((v) => v.activityId === c.activityId && !v.excluded.has(c.agreementId)),
  );
  return [...new Set(affected.map((c) => c.agreementId))].sort();
}
