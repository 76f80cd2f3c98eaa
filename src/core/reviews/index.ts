/**
 * Reviews of the register's processing activities: review dates falling due and impact assessments
 * still to be done, for the dashboard and the DPO's reminders.
 * This file is the feature's public surface: other features and the outer layers import only what it exports.
 */
export { reviewsDue } from "./activity-reviews.ts";
export type { ReviewDue } from "./activity-reviews.ts";
export { REVIEW_REMINDER_DAYS, remindOfReviews } from "./review-reminders.ts";
export type { ReviewReminderReport } from "./review-reminders.ts";
