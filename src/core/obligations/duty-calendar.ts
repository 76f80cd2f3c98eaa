import { eq } from "drizzle-orm";
import { agreements, customers, obligations } from "../../../db/schema.ts";
import type { Db } from "../kernel/ports/store.ts";
import { translate } from "../kernel/i18n/localise.ts";
import type { Language } from "../kernel/values/values.ts";
import { byTrigger, dutyParams } from "./obligation-text.ts";

/** One all-day event per open duty, on its last day; the same duty keeps the same uid from one fetch to the next. */
export interface DutyEvent {
  uid: string;
  date: string;
  summary: string;
  description: string;
}

/** Every open duty (overdue ones too: they are still to be done), for the DPO's calendar. */
export async function dutyEvents(db: Db, lang: Language): Promise<DutyEvent[]> {
  const rows = await db
    .select({ obligation: obligations, agreementReference: agreements.reference, customerName: customers.legalName })
    .from(obligations)
    .innerJoin(agreements, eq(agreements.id, obligations.agreementId))
    .innerJoin(customers, eq(customers.id, obligations.customerId))
    .where(eq(obligations.state, "open"));
  return rows.map((r) => {
    const params = dutyParams({ ...r.obligation, agreementReference: r.agreementReference, customerName: r.customerName }, lang);
    return {
      uid: `obligation-${r.obligation.id}@dpa-register`,
      date: r.obligation.lastDay,
      summary: translate(lang, "feed.calendar.duty", params),
      description: [
        translate(lang, byTrigger(r.obligation, "feed.calendar.dutyDetail", "feed.calendar.breachDutyDetail"), params),
        translate(lang, "feed.calendar.dutyOwner", params),
        translate(lang, "feed.calendar.dutyReference", params),
      ].join("\n"),
    };
  });
}
