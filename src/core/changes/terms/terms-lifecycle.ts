import type { Ctx } from "../../kernel/context.ts";
import { noticesOf, objectionsOf } from "../queries/change-rows.ts";
import { takeTermsEffect, termsStartInstant } from "./take-terms-effect.ts";
import { termsChangesWith } from "./terms-rows.ts";

/**
 * The scheduler's part for terms changes: each announced one whose day has
 * come, with every window closed, takes effect (per agreement). Each is its
 * own atomic unit, so one failure does not hold back the others.
 */
export async function applyDueTermsChanges(ctx: Ctx): Promise<{ effective: string[]; failed: { changeId: string; error: string }[] }> {
  const db = ctx.store.db;
  const report = { effective: [] as string[], failed: [] as { changeId: string; error: string }[] };
  for (const change of await termsChangesWith(db, "announced")) {
    try {
      const [notices, raised] = await Promise.all([noticesOf(db, [change.id]), objectionsOf(db, [change.id])]);
      if (ctx.clock.now().toISOString() < termsStartInstant(change, notices)) continue;
      await takeTermsEffect(ctx, change, notices, raised);
      report.effective.push(change.id);
    } catch (error) {
      report.failed.push({ changeId: change.id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}
