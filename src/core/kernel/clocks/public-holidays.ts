// Public holidays per country from the date-holidays library, reduced to the
// calendar days that are not working days, cached per (country, year).
import Holidays from "date-holidays";
import { addDays, yearOf, type PlainDate } from "./plain-date.ts";

export interface PublicHoliday {
  date: PlainDate;
  name: string;
}

interface YearCalendar {
  list: PublicHoliday[];
  names: ReadonlyMap<PlainDate, string>;
}

const MS_PER_DAY = 86_400_000;
const calendars = new Map<string, Holidays>();
const years = new Map<string, YearCalendar>();
let knownCountries: ReadonlySet<string> | undefined;

/**
 * The days of `year` that are public holidays in `country`, in date order.
 * A holiday lasting several days is listed once per day; one that starts in the
 * afternoon (a few countries' Christmas Eve) is left out, as the morning is
 * still a working day.
 */
export function publicHolidays(year: number, country: string): PublicHoliday[] {
  return yearCalendar(year, country).list.map((holiday) => ({ ...holiday }));
}

/** The holiday's name when `date` is a public holiday in `country`, else null. */
export function holidayName(date: PlainDate, country: string): string | null {
  return yearCalendar(yearOf(date), country).names.get(date) ?? null;
}

/** The countries date-holidays has a calendar for, as ISO codes, sorted: those whose law can govern an agreement's deadlines. */
export function holidayCountries(): [string, ...string[]] {
  knownCountries ??= new Set(Object.keys(new Holidays().getCountries()));
  return [...knownCountries].filter((code) => /^[A-Z]{2}$/.test(code)).sort() as [string, ...string[]];
}

/** Whether date-holidays has a calendar for `country`, so deadlines governed by its law can be counted. */
export function hasHolidayCalendar(country: string): boolean {
  knownCountries ??= new Set(Object.keys(new Holidays().getCountries()));
  return knownCountries.has(country);
}

/** Throws unless date-holidays has a calendar for `country`: none must not mean "no holidays". */
export function assertKnownCountry(country: string): void {
  if (!hasHolidayCalendar(country)) {
    throw new Error(
      `No public-holiday calendar for country ${JSON.stringify(country)}: deadlines need an upper-case ISO 3166-1 alpha-2 code that the date-holidays library covers.`,
    );
  }
}

function yearCalendar(year: number, country: string): YearCalendar {
  if (!Number.isInteger(year)) throw new RangeError(`Not a year: ${year}`);
  const key = `${country}:${year}`;
  let calendar = years.get(key);
  if (!calendar) {
    calendar = buildYear(year, country);
    years.set(key, calendar);
  }
  return calendar;
}

function buildYear(year: number, country: string): YearCalendar {
  const holidays = countryCalendar(country);
  const prefix = `${String(year).padStart(4, "0")}-`;
  const seen = new Set<string>();
  const list: PublicHoliday[] = [];
  // The previous year too: a holiday of several days may run into January.
  for (const holiday of [...holidays.getHolidays(year - 1), ...holidays.getHolidays(year)]) {
    for (const date of daysCovered(holiday)) {
      const id = `${date} ${holiday.name}`;
      if (!date.startsWith(prefix) || seen.has(id)) continue;
      seen.add(id);
      list.push({ date, name: holiday.name });
    }
  }
  list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const names = new Map<PlainDate, string>();
  for (const { date, name } of list) if (!names.has(date)) names.set(date, name);
  return { list, names };
}

/**
 * The calendar days a holiday takes. Its `date` is local "YYYY-MM-DD hh:mm:ss",
 * optionally followed by an offset such as "-0600" for holidays that begin on
 * the eve (at sunset); those still cover their whole date.
 */
function daysCovered(holiday: { date: string; start: Date; end: Date }): PlainDate[] {
  const time = holiday.date.slice(11, 19);
  if (time !== "" && time !== "00:00:00") return [];
  // Rounded: a DST change inside the holiday makes it an hour longer or shorter.
  const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / MS_PER_DAY));
  const first = holiday.date.slice(0, 10);
  return Array.from({ length: days }, (_, i) => addDays(first, i));
}

function countryCalendar(country: string): Holidays {
  let holidays = calendars.get(country);
  if (!holidays) {
    assertKnownCountry(country);
    holidays = new Holidays(country, { types: ["public"], languages: ["en"] });
    calendars.set(country, holidays);
  }
  return holidays;
}
