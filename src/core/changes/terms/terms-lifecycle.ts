import { startOfDay } from "../../kernel/clocks/deadline.ts";
import { DEFAULT_TIME_ZONE } from "../../kernel/clocks/zoned-time.ts";
import type { Ctx } from "../../kernel/context.ts";
import { noticesOf, objectionsOf } from "../queries/change-rows.ts";
import { noticeStartInstant, takeTermsEffect } from "./take-terms-effect.ts";
import { termsStartDay } from "./terms-mail.ts";
import { termsChangesWith } from "./terms-rows.ts";

/**
 * The scheduler's part for terms changes: each announced one moves the
 * agreements whose day has come (in each agreement's zone, once its window
 * has closed), and is effective once none is left. Each change is its own
 * atomic unit, so one failure does not hold back the others.
 */
export async function applyDueTermsChanges(ctx: Ctx): Promise<{ effective: string[]; failed: { changeId: string; error: string }[] }> {
  const db = ctx.store.db;
  const report = { effective: [] as string[], failed: [] as { changeId: string; error: string }[] };
  for (const change of await termsChangesWith(db, "announced")) {
    try {
      const [notices, raised] = await Promise.all([noticesOf(db, [change.id]), objectionsOf(db, [change.id])]);
      const now = ctx.clock.now().toISOString();
      const open = notices.filter((n) => n.status === "open");
      // Every agreement taken out of it before its day: it is effective (for none) from the day in the register's zone.
      const due =
        open.length === 0
          ? now >= startOfDay(termsStartDay(change), DEFAULT_TIME_ZONE)
          : open.some((n) => noticeStartInstant(change, n) <= now);
      if (!due) continue;
      const result = await takeTermsEffect(ctx, change, notices, raised);
      if (result.status === "effective") report.effective.push(change.id);
    } catch (error) {
      report.failed.push({ changeId: change.id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}
