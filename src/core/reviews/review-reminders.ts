import { outbox, remindersSent } from "../../../db/schema.ts";
import { addDays, localDate } from "../kernel/clocks/deadline.ts";
import { DEFAULT_TIME_ZONE } from "../kernel/clocks/zoned-time.ts";
import type { Ctx } from "../kernel/context.ts";
import { AppError } from "../kernel/errors.ts";
import { formatDate, pickRequired, translate } from "../kernel/i18n/localise.ts";
import { dpoEmail, loadOrganisation } from "../organisation/index.ts";
import { outboxRow } from "../outbox/index.ts";
import { reviewsDue } from "./activity-reviews.ts";

/** How many days before an activity's review date the DPO is reminded. */
export const REVIEW_REMINDER_DAYS = 14;

export interface ReviewReminderReport {
  reminded: string[];
  failed: { activityId: string; error: string }[];
}

/**
 * Part of the scheduler's tick: the DPO is reminded once of each activity whose review date is at
 * most REVIEW_REMINDER_DAYS away (or past), in the organisation's language. The message and its
 * "sent" row are one atomic unit; the row's key (activity, review date) makes a second tick, or a
 * tick running at the same time, queue nothing, and a review moved to a later date is reminded again.
 */
export async function remindOfReviews(ctx: Ctx): Promise<ReviewReminderReport> {
  const report: ReviewReminderReport = { reminded: [], failed: [] };
  const now = ctx.clock.now();
  const organisation = await loadOrganisation(ctx.store.db);
  const due = await reviewsDue(ctx, addDays(localDate(now, DEFAULT_TIME_ZONE), REVIEW_REMINDER_DAYS + 1), { reviewsOnly: true });
  if (due.length === 0) return report;
  const sent = await ctx.store.db.select().from(remindersSent);
  const already = new Set(sent.filter((r) => r.subjectType === "activity_review").map((r) => `${r.subjectId}/${r.dueOn}`));
  for (const review of due) {
    const reviewOn = review.nextReviewOn as string;
    if (already.has(`${review.activityId}/${reviewOn}`)) continue;
    try {
      if (!organisation) throw new Error("the organisation profile is not set up, so the DPO has no address");
      const lang = organisation.defaultLanguage;
      const params = {
        activity: pickRequired(review.name, lang),
        date: formatDate(reviewOn, lang),
        dpia: review.dpia?.kind === "required" ? translate(lang, "mail.reviewReminder.dpiaPending") : "",
        activityId: review.activityId,
      };
      const at = now.toISOString();
      const message = outboxRow(
        ctx,
        {
          kind: "review_reminder",
          recipient: dpoEmail(organisation),
          subject: translate(lang, "mail.reviewReminder.subject", params),
          body: translate(lang, "mail.reviewReminder.body", params),
          related: { type: "processing_activity", id: review.activityId },
        },
        at,
      );
      await ctx.store.atomic([
        ctx.store.db
          .insert(remindersSent)
          .values({ subjectType: "activity_review", subjectId: review.activityId, dueOn: reviewOn, queuedAt: at }),
        ctx.store.db.insert(outbox).values(message),
      ]);
      report.reminded.push(review.activityId);
    } catch (error) {
      if (error instanceof AppError && error.code === "conflict") continue; // another tick queued it
      report.failed.push({ activityId: review.activityId, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return report;
}
