import { daysBetween, localDate } from "../../core/kernel/clocks/deadline.ts";
import type { ChangeNotice } from "../../core/changes/index.ts";

// How deadlines read on the customer's page and the DPO's pages: the zone-named wording is the
// core's (customers' e-mails say it the same way); the days left are for pages only, each page
// wording them in its own language.
export { endOfLastDay, zonedTime } from "../../core/changes/index.ts";

/** Whole days from today (in the notice's zone) to its last day; negative once it has passed; null once the window closed. */
export function daysLeft(notice: Pick<ChangeNotice, "lastDay" | "timeZone" | "closesAt">, now: Date): number | null {
  if (now.toISOString() >= notice.closesAt) return null;
  return daysBetween(localDate(now, notice.timeZone), notice.lastDay);
}
