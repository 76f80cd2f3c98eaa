// Public holidays per country: the days that are not working days, with their
// names, for the supported governing countries (governing-countries.ts). They
// come from the date-holidays library, computed at build time into
// generated/holidays.ts (scripts/holiday-tables.ts); decoded here per
// (country, year) on first use.
import { holidayTables } from "../../generated/holidays.ts";
import { AppError } from "../errors.ts";
import { GOVERNING_COUNTRIES } from "./governing-countries.ts";
import { holidaysOfYear, type PublicHoliday, type ReadTable, readTable } from "./holiday-table.ts";
import { type PlainDate, yearOf } from "./plain-date.ts";

export type { PublicHoliday };

interface YearCalendar {
  list: PublicHoliday[];
  names: ReadonlyMap<PlainDate, string>;
}

let known: ReadonlySet<string> | undefined;
const knownCountries = (): ReadonlySet<string> => {
  known ??= new Set(Object.keys(holidayTables().countries));
  return known;
};
const countryTables = new Map<string, ReadTable>();
const years = new Map<string, YearCalendar>();

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

/**
 * The countries with a holiday calendar, as ISO codes, sorted: those whose law can govern an
 * agreement's deadlines (governing-countries.ts).
 */
export function holidayCountries(): [string, ...string[]] {
  return [...knownCountries()].sort() as [string, ...string[]];
}

/** Whether `country` has a holiday calendar, so deadlines governed by its law can be counted. */
export function hasHolidayCalendar(country: string): boolean {
  return knownCountries().has(country);
}

/** Throws unless `country` has a holiday calendar: none must not mean "no holidays". */
export function assertKnownCountry(country: string): void {
  if (!hasHolidayCalendar(country)) {
    throw new Error(
      `No public-holiday calendar for country ${JSON.stringify(country)}: deadlines need the upper-case ISO 3166-1 alpha-2 code of a supported governing country (${GOVERNING_COUNTRIES.join(", ")}).`,
    );
  }
}

function yearCalendar(year: number, country: string): YearCalendar {
  if (!Number.isInteger(year)) throw new RangeError(`Not a year: ${year}`);
  const key = `${country}:${year}`;
  let calendar = years.get(key);
  if (!calendar) {
    calendar = decodeYear(year, country);
    years.set(key, calendar);
  }
  return calendar;
}

function decodeYear(year: number, country: string): YearCalendar {
  assertKnownCountry(country);
  const { first, last } = holidayTables();
  if (year < first || year > last)
    // A date a person gave (a start of a period, a date asked about), not a bug: answered as bad input.
    throw new AppError(
      "validation",
      `Public holidays are known for the years ${first} to ${last}: deadlines cannot be counted in ${year}.`,
    );
  let table = countryTables.get(country);
  if (!table) {
    table = readTable(holidayTables().countries[country] ?? {});
    countryTables.set(country, table);
  }
  const list = holidaysOfYear(table, year, year - first);
  const names = new Map<PlainDate, string>();
  for (const { date, name } of list) if (!names.has(date)) names.set(date, name);
  return { list, names };
}
