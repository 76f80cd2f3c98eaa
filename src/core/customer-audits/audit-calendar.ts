import { localDate } from "../kernel/clocks/deadline.ts";
import { formatDate, formatPeriod, translate } from "../kernel/i18n/localise.ts";
import type { Db } from "../kernel/ports/store.ts";
import type { Language } from "../kernel/values/values.ts";
import { auditsUnderWay } from "./audit-queries.ts";

/** One all-day event per audit under way: on its scheduled day, or, while only requested, on the earliest day it may start. */
export async function auditEvents(db: Db, lang: Language): Promise<{ uid: string; date: string; summary: string; description: string }[]> {
  return (await auditsUnderWay(db)).map((audit) => {
    const scheduled = audit.state === "scheduled" && audit.scheduledOn !== null;
    const params = {
      reference: audit.agreementReference,
      customer: audit.customerName,
      requestedOn: formatDate(localDate(audit.requestedAt, audit.timeZone), lang),
      earliestStart: formatDate(audit.earliestStart, lang),
      period: audit.noticePeriod ? formatPeriod(audit.noticePeriod, lang) : "–",
      auditId: audit.id,
    };
    return {
      uid: `customer-audit-${audit.id}@dpa-register`,
      date: scheduled ? (audit.scheduledOn as string) : audit.earliestStart,
      summary: translate(lang, scheduled ? "feed.calendar.audit" : "feed.calendar.auditRequested", params),
      description: [audit.scope, translate(lang, "feed.calendar.auditDetail", params)].join("\n"),
    };
  });
}
