// How a country's public holidays are stored (generated/holidays.ts, written
// by scripts/holiday-tables.ts, which checks that this reads back every year
// exactly as the date-holidays library computed it).
import { easter, orthodoxEaster } from "date-easter";
import { addDays, type PlainDate } from "./plain-date.ts";

export interface PublicHoliday {
  date: PlainDate;
  name: string;
}

/**
 * Per holiday (by English name, in the order they first occur): its rule, then
 * its days in each year of the table. The rule is a fixed day "MMDD", or a
 * number of days after (Western) Easter "E1" / before it "E-2", or after
 * Orthodox Easter "O1". A year's entry is empty when the holiday is not held,
 * "=" when it falls as its rule says, else its days as MMDD joined by "+";
 * an entry followed by "*n" stands for n years in a row with that entry.
 * Holidays on the same day rank by the suffix .0, .1... on their day.
 */
export type HolidayTable = Record<string, string>;

/** A table read for use: per holiday its name, its rule and its entry per year. */
export type ReadTable = { name: string; rule: string; years: string[] }[];

export function readTable(table: HolidayTable): ReadTable {
  return Object.entries(table).map(([name, encoded]) => {
    const [rule = "", ...fields] = encoded.split(" ");
    const years = fields.flatMap((field) => {
      const star = field.lastIndexOf("*");
      return star < 0 ? [field] : Array<string>(Number(field.slice(star + 1))).fill(field.slice(0, star));
    });
    return { name, rule, years };
  });
}

/** The holidays of `year` (the table's `index`-th year), in date order. */
export function holidaysOfYear(table: ReadTable, year: number, index: number): PublicHoliday[] {
  const prefix = `${String(year).padStart(4, "0")}-`;
  const ranked: (PublicHoliday & { rank: string })[] = [];
  for (const { name, rule, years } of table) {
    const entry = years[index] ?? "";
    if (entry === "") continue;
    const days = entry === "=" ? [ruleDay(rule, year)] : entry.split("+");
    for (const day of days) ranked.push({ date: `${prefix}${day.slice(0, 2)}-${day.slice(2, 4)}`, name, rank: day.slice(4) });
  }
  ranked.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.rank < b.rank ? -1 : a.rank > b.rank ? 1 : 0));
  return ranked.map(({ date, name }) => ({ date, name }));
}

/** The day (MMDD) a rule gives in `year`. */
export function ruleDay(rule: string, year: number): string {
  if (rule.startsWith("E") || rule.startsWith("O")) {
    const base = (rule.startsWith("E") ? easter(year) : orthodoxEaster(year)).toString();
    const date = addDays(base, Number(rule.slice(1)));
    return `${date.slice(5, 7)}${date.slice(8, 10)}`;
  }
  return rule;
}
