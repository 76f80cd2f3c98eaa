import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, daysBetween } from "../../../src/core/kernel/clocks/deadline.ts";
import { addMonths, fromDayNumber, isoWeekday, toDayNumber } from "../../../src/core/kernel/clocks/plain-date.ts";

// Dates from 0100 to 9999; Date.UTC serves as an independent oracle there
// (it maps years 0-99 to 1900-1999, so those stay out).
const MIN = toDayNumber("0100-01-01");
const MAX = toDayNumber("9999-12-31");
const anyDate = fc.integer({ min: MIN, max: MAX }).map(fromDayNumber);
const utcMillis = (date: string) => {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d);
};

describe("plain dates", () => {
  it("adds days across month, year and leap-day boundaries", () => {
    expect(addDays("2026-11-20", 15)).toBe("2026-12-05");
    expect(addDays("2026-12-17", 15)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2100-02-28", 1)).toBe("2100-03-01"); // 2100 is not a leap year
    expect(addDays("2000-02-28", 1)).toBe("2000-02-29"); // 2000 is
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("counts whole days between dates, DST changes included", () => {
    expect(daysBetween("2026-03-28", "2026-03-30")).toBe(2);
    expect(daysBetween("2026-11-20", "2026-12-07")).toBe(17);
    expect(daysBetween("2027-01-01", "2026-01-01")).toBe(-365);
    expect(daysBetween("2028-01-01", "2029-01-01")).toBe(366);
  });

  it("adds months, falling back to the month's last day", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
    expect(addMonths("2026-11-21", 2)).toBe("2027-01-21");
    expect(addMonths("2026-08-31", 1)).toBe("2026-09-30");
    expect(addMonths("2026-03-15", -3)).toBe("2025-12-15");
  });

  it("knows the weekday", () => {
    expect(isoWeekday("2026-11-20")).toBe(5); // Friday
    expect(isoWeekday("2026-12-05")).toBe(6); // Saturday
    expect(isoWeekday("2026-12-06")).toBe(7); // Sunday
    expect(isoWeekday("1969-12-31")).toBe(3); // Wednesday, before day 0
  });

  it("refuses impossible or badly written dates", () => {
    for (const bad of ["2026-02-29", "2026-13-01", "2026-00-10", "2026-4-1", "26-04-01", "2026-04-01T00:00", ""]) {
      expect(() => addDays(bad, 1), bad).toThrow(/Not a calendar date/);
    }
    expect(() => addDays("9999-12-31", 1)).toThrow(/out of range/);
    expect(() => addDays("2026-01-01", 1.5)).toThrow(/whole number/);
  });

  it("agrees with Date.UTC on every date (property)", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -5000, max: 5000 }), (date, n) => {
        expect(utcMillis(date)).toBe(toDayNumber(date) * 86_400_000);
        expect(isoWeekday(date)).toBe(((new Date(utcMillis(date)).getUTCDay() + 6) % 7) + 1);
        const later = toDayNumber(date) + n;
        if (later < MIN || later > MAX) return;
        expect(daysBetween(date, addDays(date, n))).toBe(n);
        expect(new Date(utcMillis(date) + n * 86_400_000).toISOString().slice(0, 10)).toBe(addDays(date, n));
      }),
      { numRuns: 1000 },
    );
  });

  it("adds months like Date.UTC on the first of the month, clamped (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toDayNumber("1900-01-01"), max: toDayNumber("2100-12-31") }).map(fromDayNumber),
        fc.integer({ min: 0, max: 3650 }),
        (date, n) => {
          const [y, m, d] = date.split("-").map(Number) as [number, number, number];
          const firstOfTarget = new Date(Date.UTC(y, m - 1 + n, 1));
          const lengthOfTarget = new Date(Date.UTC(firstOfTarget.getUTCFullYear(), firstOfTarget.getUTCMonth() + 1, 0)).getUTCDate();
          firstOfTarget.setUTCDate(Math.min(d, lengthOfTarget));
          expect(addMonths(date, n)).toBe(firstOfTarget.toISOString().slice(0, 10));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
