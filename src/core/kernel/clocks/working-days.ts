// Working days as Regulation 1182/71 art. 2(2) and the Belgian Civil Code
// art. 1.7 count them: every day except Saturdays, Sundays and public holidays.
// The weekend is Saturday-Sunday for every country: the rules this module
// applies are the EU's, whatever the governing country's own weekend.
import { addDays, assertPlainDate, isoWeekday, type PlainDate } from "./plain-date.ts";
import { assertKnownCountry, holidayName } from "./public-holidays.ts";

/** Longer than any run of weekends and holidays; a longer one means broken holiday data. */
const MAX_NON_WORKING_RUN = 60;

export function isWorkingDay(date: PlainDate, country: string): boolean {
  return nonWorkingReason(date, country) === null;
}

/** The date itself when it is a working day, else the next working day. */
export function nextWorkingDay(date: PlainDate, country: string): PlainDate {
  let day = date;
  for (let i = 0; i <= MAX_NON_WORKING_RUN; i++) {
    if (isWorkingDay(day, country)) return day;
    day = addDays(day, 1);
  }
  throw new Error(`No working day in ${country} within ${MAX_NON_WORKING_RUN} days after ${date}.`);
}

/**
 * Why `date` is not a working day: "Saturday", "Sunday" or the public
 * holiday's name; null on a working day. The weekend wins over a holiday that
 * falls on it, as it would have been a day off anyway.
 */
export function nonWorkingReason(date: PlainDate, country: string): string | null {
  assertPlainDate(date);
  // Checked on every call, so that an unknown country fails on weekends too.
  assertKnownCountry(country);
  const weekday = isoWeekday(date);
  if (weekday === 6) return "Saturday";
  if (weekday === 7) return "Sunday";
  return holidayName(date, country);
}
