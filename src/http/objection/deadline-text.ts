import { DateTime } from "luxon";
import { daysBetween, localDate } from "../../core/kernel/clocks/deadline.ts";
import { formatDate, translate } from "../../core/kernel/i18n/localise.ts";
import type { Language } from "../../core/kernel/values/values.ts";
import type { ChangeNotice } from "../../core/changes/index.ts";

/**
 * How deadlines and receipt times read on the customer's page and the DPO's
 * pages: dates in the agreement's own time zone, with the zone named, since
 * "the end of 7 December" means nothing without it. The customer's pages are
 * in the agreement's language; the DPO's (admin) pages in English.
 */

/** "7 December 2026, 23:30 (Europe/Brussels)". */
export function zonedTime(iso: string, timeZone: string, lang: Language = "en"): string {
  const time = DateTime.fromISO(iso, { zone: "utc" }).setZone(timeZone).toFormat("HH:mm");
  return translate(lang, "objection.zonedTime", { date: formatDate(localDate(iso, timeZone), lang), time, timeZone });
}

/** "the end of 7 December 2026 (Europe/Brussels time)". */
export function endOfLastDay(notice: Pick<ChangeNotice, "lastDay" | "timeZone">, lang: Language = "en"): string {
  return translate(lang, "objection.endOfDay", { date: formatDate(notice.lastDay, lang), timeZone: notice.timeZone });
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
