import { eq } from "drizzle-orm";
import { outbox, subProcessorChanges, subProcessors } from "../../../../db/schema.ts";
import { addDays, localDate } from "../../kernel/clocks/deadline.ts";
import { type Actor, type Ctx, SYSTEM_ACTOR } from "../../kernel/context.ts";
import { formatDate } from "../../kernel/i18n/localise.ts";
import type { Statement } from "../../kernel/ports/store.ts";
import { DEFAULT_TIME_ZONE } from "../announcement/affected-agreements.ts";
import { requireOrganisation } from "../proposal/change-facts.ts";
import { noticesOf, objectionsOf, toChange } from "../queries/change-rows.ts";
import { evaluateChange } from "./change-state.ts";
import { dpoMessage } from "../announcement/dpo-mail.ts";
import { takeEffect } from "./take-effect.ts";
import { applyDueTermsChanges } from "../terms/terms-lifecycle.ts";
import { type DutyReminderReport, remindOfDuties } from "../../obligations/index.ts";
import { type ReviewReminderReport, remindOfReviews } from "../../reviews/index.ts";
import { forgetUnconfirmed } from "../../subscriptions/index.ts";
import { remindCustomersOfWindows, WINDOW_REMINDER_DAYS, type WindowReminderReport } from "./window-reminders.ts";

/** The actor the scheduler's writes are recorded under in the audit trail. */
export const LIFECYCLE_ACTOR: Actor = { ...SYSTEM_ACTOR, id: "system:lifecycle", name: "lifecycle scheduler" };

/** How many days before the first window closes the DPO is reminded. */
export const REMINDER_DAYS = 3;

export interface LifecycleReport {
  effective: string[];
  reminded: string[];
  failed: { changeId: string; error: string }[];
  /** Duties (obligations) whose reminder to the DPO was queued by this tick, and those that failed. */
  duties: DutyReminderReport;
  /** Activities whose review reminder was queued by this tick, and those that failed. */
  reviews: ReviewReminderReport;
  /** Notices whose customer was reminded that its objection window closes soon, and those that failed. */
  windows: WindowReminderReport;
}

export interface LifecycleOptions {
  /** Days before a window's last day its customer is reminded (0: never); default WINDOW_REMINDER_DAYS. */
  windowReminderDays?: number;
}

/**
 * One scheduler tick (Node: in process; Workers: the cron trigger): every
 * announced change (of sub-processors or of terms) that is due takes effect, and the DPO is reminded once
 * before a change's first window closes, before each duty (obligation)
 * falls due and before each activity's review; each customer that has not
 * objected is reminded once before its own window closes. Each change is its own atomic unit,
 * so one failure does not hold back the others; running twice does nothing
 * twice.
 */
export async function runLifecycle(ctx: Ctx, options: LifecycleOptions = {}): Promise<LifecycleReport> {
  const db = ctx.store.db;
  const report: LifecycleReport = {
    effective: [],
    reminded: [],
    failed: [],
    duties: { reminded: [], failed: [] },
    reviews: { reminded: [], failed: [] },
    windows: { reminded: [], failed: [] },
  };
  const rows = await db.select().from(subProcessorChanges).where(eq(subProcessorChanges.status, "announced"));
  for (const row of rows) {
    const change = toChange(row);
    try {
      const [notices, objections] = await Promise.all([noticesOf(db, [change.id]), objectionsOf(db, [change.id])]);
      const now = ctx.clock.now();
      const state = evaluateChange(change, notices, objections, now);
      if (state.verdict === "due") {
        await takeEffect(ctx, change, notices, objections.length);
        report.effective.push(change.id);
        continue;
      }
      const open = notices.filter((n) => n.status === "open").sort((a, b) => a.lastDay.localeCompare(b.lastDay));
      const first = open[0];
      const last = open.at(-1);
      if (row.reminderQueuedAt || !first || !last) continue;
      if (addDays(localDate(now, DEFAULT_TIME_ZONE), REMINDER_DAYS) < first.lastDay) continue;
      const at = now.toISOString();
      const organisation = await requireOrganisation(ctx);
      const lang = organisation.defaultLanguage;
      const [vendor] = await db
        .select({ name: subProcessors.legalName })
        .from(subProcessors)
        .where(eq(subProcessors.id, change.subProcessorId));
      const statements: Statement[] = [
        db.update(subProcessorChanges).set({ reminderQueuedAt: at }).where(eq(subProcessorChanges.id, change.id)),
        db.insert(outbox).values(
          dpoMessage(
            ctx,
            organisation,
            "dpo_reminder",
            { subject: "mail.reminder.subject", body: "mail.reminder.body" },
            {
              vendor: vendor?.name ?? "",
              changeId: change.id,
              open: open.length,
              firstLastDay: formatDate(first.lastDay, lang),
              lastDay: formatDate(last.lastDay, lang),
              unresolved: state.blocking.length + state.lateUnresolved.length,
              awaiting: state.awaiting.length,
              intendedStart: formatDate(change.intendedStart, lang),
            },
            { type: "sub_processor_change", id: change.id },
            at,
          ),
        ),
      ];
      await ctx.store.atomic(statements);
      report.reminded.push(change.id);
    } catch (error) {
      report.failed.push({ changeId: change.id, error: error instanceof Error ? error.message : String(error) });
    }
  }
  const terms = await applyDueTermsChanges(ctx);
  report.effective.push(...terms.effective);
  report.failed.push(...terms.failed);
  report.duties = await remindOfDuties(ctx);
  report.reviews = await remindOfReviews(ctx);
  report.windows = await remindCustomersOfWindows(ctx, options.windowReminderDays ?? WINDOW_REMINDER_DAYS);
  // E-mail addresses given on the public page and never confirmed are not kept.
  await forgetUnconfirmed(ctx);
  return report;
}
