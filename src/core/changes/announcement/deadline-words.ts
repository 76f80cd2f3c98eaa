import { DateTime } from "luxon";
import { localDate } from "../../kernel/clocks/deadline.ts";
import { formatDate, translate } from "../../kernel/i18n/localise.ts";
import type { Language } from "../../kernel/values/values.ts";
import type { ChangeNotice } from "../model/change-notice.ts";

// How deadlines and receipt times read to customers (their pages and e-mails) and on the DPO's
// pages: dates in the agreement's own time zone, with the zone named, since "the end of
// 7 December" means nothing without it.

/** "7 December 2026, 23:30 (Europe/Brussels)". */
export function zonedTime(iso: string, timeZone: string, lang: Language = "en"): string {
  const time = DateTime.fromISO(iso, { zone: "utc" }).setZone(timeZone).toFormat("HH:mm");
  return translate(lang, "objection.zonedTime", { date: formatDate(localDate(iso, timeZone), lang), time, timeZone });
}

/** "the end of 7 December 2026 (Europe/Brussels time)". */
export function endOfLastDay(notice: Pick<ChangeNotice, "lastDay" | "timeZone">, lang: Language = "en"): string {
  return translate(lang, "objection.endOfDay", { date: formatDate(notice.lastDay, lang), timeZone: notice.timeZone });
}
