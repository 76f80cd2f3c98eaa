// Contract clocks: when a period that starts with a notice ends, counted as the
// Belgian Civil Code (book 1, art. 1.7) and Regulation 1182/71 (art. 3) count:
// the day of the notice does not count, the last day does, and a period ending
// on a Saturday, Sunday or public holiday runs to the end of the next working
// day. Callers import the whole clock API from this file.
import type { AnyPeriod, ClockPeriod } from "../values/values.ts";
import { addDays, addMonths, assertPlainDate, type PlainDate } from "./plain-date.ts";
import { isWorkingDay, nextWorkingDay, nonWorkingReason } from "./working-days.ts";
import { assertTimeZone, localDate, startOfDay, toMillis } from "./zoned-time.ts";

export type { PlainDate } from "./plain-date.ts";
export { addDays, daysBetween } from "./plain-date.ts";
export { publicHolidays, type PublicHoliday } from "./public-holidays.ts";
export { isWorkingDay, nextWorkingDay } from "./working-days.ts";
export { localDate, startOfDay } from "./zoned-time.ts";

export interface DeadlineRule {
  /** ISO 3166-1 alpha-2 code of the country whose public holidays count. */
  governingCountry: string;
  /** IANA zone in which days start and end. */
  timeZone: string;
}

export interface Deadline {
  /** The day the period is counted from (not itself counted), in the rule's zone. */
  triggerDate: PlainDate;
  /** The last day of the period after moving off weekends/public holidays. */
  lastDay: PlainDate;
  /** The nominal last day before moving, when it fell on a Saturday, Sunday or public holiday; else null. */
  movedFrom: PlainDate | null;
  /** Why it moved: "Saturday", "Sunday" or the holiday's name (English where the holiday library has it); else null. */
  movedBecause: string | null;
  /** ISO-8601 UTC instant of the first moment after the last day in the rule's zone: anything received before it is on time. */
  closesAt: string;
}

/**
 * The deadline of a period triggered at an instant (a notice sent, a contract ended, a breach
 * discovered). A period in hours runs from the instant itself, to the hour: its last day is the day
 * it ends on, and nothing moves off a weekend or holiday.
 */
export function deadlineFrom(trigger: Date | string, period: AnyPeriod, rule: DeadlineRule): Deadline {
  if (period.unit === "hours") {
    assertTimeZone(rule.timeZone);
    const closesAt = new Date(toMillis(trigger) + period.length * 3_600_000).toISOString();
    return {
      triggerDate: localDate(trigger, rule.timeZone),
      lastDay: localDate(new Date(Date.parse(closesAt) - 1), rule.timeZone),
      movedFrom: null,
      movedBecause: null,
      closesAt,
    };
  }
  return deadlineFromDate(localDate(trigger, rule.timeZone), period, rule);
}

/** The deadline of a period counted from the day after `triggerDate`. */
export function deadlineFromDate(triggerDate: PlainDate, period: ClockPeriod, rule: DeadlineRule): Deadline {
  assertPlainDate(triggerDate);
  assertTimeZone(rule.timeZone);
  const { length, unit } = period;
  if (!Number.isInteger(length) || length < 1) throw new RangeError(`A clock period needs a whole length of at least 1, not ${length}.`);

  let lastDay: PlainDate;
  let movedFrom: PlainDate | null = null;
  let movedBecause: string | null = null;
  if (unit === "working_days") {
    lastDay = nthWorkingDayAfter(triggerDate, length, rule.governingCountry);
  } else if (unit === "calendar_days" || unit === "months") {
    const nominal = unit === "months" ? addMonths(triggerDate, length) : addDays(triggerDate, length);
    lastDay = nextWorkingDay(nominal, rule.governingCountry);
    if (lastDay !== nominal) {
      movedFrom = nominal;
      movedBecause = nonWorkingReason(nominal, rule.governingCountry);
    }
  } else {
    throw new RangeError(`Unknown clock period unit: ${JSON.stringify(unit satisfies never)}`);
  }
  return { triggerDate, lastDay, movedFrom, movedBecause, closesAt: startOfDay(addDays(lastDay, 1), rule.timeZone) };
}

/** Received strictly before the deadline closes. */
export function isOnTime(receivedAt: Date | string, deadline: Pick<Deadline, "closesAt">): boolean {
  return toMillis(receivedAt) < toMillis(deadline.closesAt);
}

function nthWorkingDayAfter(date: PlainDate, count: number, country: string): PlainDate {
  let day = date;
  for (let counted = 0; counted < count; ) {
    day = addDays(day, 1);
    if (isWorkingDay(day, country)) counted += 1;
  }
  return day;
}
