// Instants against calendar days in a named IANA zone, always with the zone
// passed explicitly so that the host's TZ never takes part.
import { DateTime, IANAZone } from "luxon";
import { toDayNumber, type PlainDate } from "./plain-date.ts";

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;
/** Wider than any UTC offset a zone ever had (local mean times reached ±15:56). */
const MAX_OFFSET = 16 * MS_PER_HOUR;
/** An instant written with its offset; without one it would be read in the host's zone. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T[^Z+-]*(?:[+-]\d{2}(?::?\d{2})?|Z)$/i;

/** The calendar date of `instant` in `timeZone`. */
export function localDate(instant: Date | string, timeZone: string): PlainDate {
  return dateAt(toMillis(instant), zone(timeZone));
}

/**
 * The first instant of `date` in `timeZone`, as an ISO-8601 UTC string. When
 * midnight falls in a DST gap this is the moment the clock jumps to; when
 * midnight happens twice, the first of the two.
 */
export function startOfDay(date: PlainDate, timeZone: string): string {
  return new Date(startOfDayMillis(date, zone(timeZone))).toISOString();
}

/** Milliseconds since the epoch; throws on an invalid date or a string without an offset. */
export function toMillis(instant: Date | string): number {
  if (instant instanceof Date) {
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw new RangeError("Invalid Date given as an instant.");
    return ms;
  }
  const parsed = INSTANT.test(instant) ? DateTime.fromISO(instant, { setZone: true }) : null;
  if (!parsed?.isValid) {
    throw new RangeError(`Not an ISO-8601 instant with "Z" or an offset: ${JSON.stringify(instant)}`);
  }
  return parsed.toMillis();
}

/** Throws unless `timeZone` is an IANA zone name (never "local" or "system", which follow the host). */
export function assertTimeZone(timeZone: string): void {
  zone(timeZone);
}

// Validating a zone builds an Intl.DateTimeFormat (about 50 µs and 20 KiB of native memory each);
// announcing to thousands of agreements asks for the same few zones thousands of times.
const validZones = new Map<string, IANAZone>();

function zone(timeZone: string): IANAZone {
  const known = validZones.get(timeZone);
  if (known) return known;
  if (!IANAZone.isValidZone(timeZone)) throw new RangeError(`Not an IANA time zone: ${JSON.stringify(timeZone)}`);
  const created = IANAZone.create(timeZone);
  validZones.set(timeZone, created);
  return created;
}

function dateAt(ms: number, tz: IANAZone): PlainDate {
  const date = DateTime.fromMillis(ms, { zone: tz }).toISODate();
  if (date === null) throw new RangeError(`Instant out of range: ${ms}`);
  return date;
}

function startOfDayMillis(date: PlainDate, tz: IANAZone): number {
  const utcMidnight = toDayNumber(date) * MS_PER_DAY;
  const [year, month, day] = date.split("-").map(Number);
  // Luxon resolves a gap forward, as wanted, but a repeated midnight to its second occurrence.
  const guess = DateTime.fromObject({ year, month, day }, { zone: tz }).toMillis();
  if (dateAt(guess, tz) >= date && dateAt(guess - 1, tz) < date) return guess;
  // Otherwise search: the local date only moves forward as the instant does.
  let before = utcMidnight - MAX_OFFSET;
  let onOrAfter = utcMidnight + MAX_OFFSET;
  while (onOrAfter - before > 1) {
    const middle = Math.floor((before + onOrAfter) / 2);
    if (dateAt(middle, tz) >= date) onOrAfter = middle;
    else before = middle;
  }
  return onOrAfter;
}

/** The time zone the register dates things in when no agreement says otherwise (changes, activity reviews). */
export const DEFAULT_TIME_ZONE = "Europe/Brussels";
