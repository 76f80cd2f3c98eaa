import { and, asc, isNotNull, isNull, lt, ne, or, sql } from "drizzle-orm";
import { activities } from "../../../db/schema.ts";
import type { Ctx } from "../kernel/context.ts";
import type { Dpia, LocalizedText } from "../kernel/values/values.ts";

/** An activity the DPO must look at: its review falls due, or its impact assessment is still to be done. */
export interface ReviewDue {
  activityId: string;
  name: LocalizedText;
  nextReviewOn: string | null;
  dpia: Dpia | null;
}

/**
 * Activities in use (not archived, not retired) whose review falls before `before` (past ones
 * included) or, unless `reviewsOnly`, whose DPIA is required and not done yet; soonest review first.
 */
export async function reviewsDue(ctx: Ctx, before: string, options: { reviewsOnly?: boolean } = {}): Promise<ReviewDue[]> {
  const reviewDue = and(isNotNull(activities.nextReviewOn), lt(activities.nextReviewOn, before));
  const dpiaPending = sql`json_extract(${activities.dpia}, '$.kind') = 'required'`;
  const rows = await ctx.store.db
    .select({ activityId: activities.id, name: activities.name, nextReviewOn: activities.nextReviewOn, dpia: activities.dpia })
    .from(activities)
    .where(
      and(isNull(activities.archivedAt), ne(activities.status, "retired"), options.reviewsOnly ? reviewDue : or(reviewDue, dpiaPending)),
    )
    .orderBy(asc(activities.nextReviewOn), asc(activities.id));
  return rows.map((r) => ({ ...r, dpia: r.dpia ?? null }));
}
