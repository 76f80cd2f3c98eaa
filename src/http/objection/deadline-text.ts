import { DateTime } from "luxon";
import { daysBetween, localDate } from "../../core/kernel/clocks/deadline.ts";
import { formatDate } from "../../core/kernel/i18n/localise.ts";
import type { ChangeNotice } from "../../core/changes/index.ts";

/**
 * How deadlines and receipt times read on the customer's page and the DPO's
 * pages: dates in the agreement's own time zone, with the zone named, since
 * "the end of 7 December" means nothing without it.
 */

/** "7 December 2026, 23:30 (Europe/Brussels)". */
export function zonedTime(iso: string, timeZone: string): string {
  const time = DateTime.fromISO(iso, { zone: "utc" }).setZone(timeZone).toFormat("HH:mm");
  return `${formatDate(localDate(iso, timeZone), "en")}, ${time} (${timeZone})`;
}

/** "the end of 7 December 2026 (Europe/Brussels time)". */
export function endOfLastDay(notice: Pick<ChangeNotice, "lastDay" | "timeZone">): string {
  return `the end of ${formatDate(notice.lastDay, "en")} (${notice.timeZone} time)`;
}

/** Whole days from today (in the notice's zone) to its last day; negative once it has passed; null once the window closed. */
export function daysLeft(notice: Pick<ChangeNotice, "lastDay" | "timeZone" | "closesAt">, now: Date): number | null {
  if (now.toISOString() >= notice.closesAt) return null;
  return daysBetween(localDate(now, notice.timeZone), notice.lastDay);
}

export function daysLeftText(notice: Pick<ChangeNotice, "lastDay" | "timeZone" | "closesAt">, now: Date): string {
  const days = daysLeft(notice, now);
  if (days === null) return "window closed";
  if (days === 0) return "last day today";
  return days === 1 ? "1 day left" : `${days} days left`;
}
