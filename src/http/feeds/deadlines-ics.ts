import ical, { ICalEventTransparency } from "ical-generator";
import { addDays } from "../../core/kernel/clocks/deadline.ts";
import type { CalendarEvent } from "../../core/feeds/index.ts";
import type { Language } from "../../core/kernel/values/values.ts";

/**
 * The deadlines as iCalendar: all-day events (VALUE=DATE) with no time zone,
 * so a deadline falls on the same day wherever the DPO's calendar is set.
 * Dates are passed as UTC midnights, which ical-generator writes by their UTC
 * fields whatever the server's TZ.
 */
export function deadlinesIcs(events: CalendarEvent[], name: string, lang: Language, now: Date): string {
  const calendar = ical({
    name,
    prodId: { company: "dpa-register", product: "deadlines", language: lang.toUpperCase() },
  });
  for (const event of events) {
    calendar.createEvent({
      id: event.uid,
      allDay: true,
      start: utcMidnight(event.date),
      end: utcMidnight(addDays(event.date, 1)),
      stamp: now,
      summary: event.summary,
      description: event.description,
      // A deadline is a reminder, not a meeting: it must not show the DPO as busy.
      transparency: ICalEventTransparency.TRANSPARENT,
    });
  }
  return calendar.toString();
}

const utcMidnight = (date: string) => new Date(`${date}T00:00:00.000Z`);
