// Properties every deadline must have, over random trigger dates 2000-2100,
// periods and zones. The hand cases in deadline.test.ts pin the exact values.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ClockPeriod } from "../../../src/core/kernel/values/values.ts";
import {
  addDays,
  daysBetween,
  deadlineFromDate,
  isOnTime,
  isWorkingDay,
  localDate,
  startOfDay,
} from "../../../src/core/kernel/clocks/deadline.ts";
import { addMonths, fromDayNumber, toDayNumber } from "../../../src/core/kernel/clocks/plain-date.ts";

const RUNS = { numRuns: 300 };
const COUNTRIES = ["BE", "FR", "DE", "NL"];
// Lord Howe shifts by 30 minutes; Havana and Santiago change at midnight; Kathmandu is +05:45.
const ZONES = [
  "Europe/Brussels",
  "America/New_York",
  "Pacific/Kiritimati",
  "Australia/Lord_Howe",
  "America/Havana",
  "America/Santiago",
  "Asia/Kathmandu",
];

const trigger = fc.integer({ min: toDayNumber("2000-01-01"), max: toDayNumber("2100-12-31") }).map(fromDayNumber);
const unit = fc.constantFrom<ClockPeriod["unit"]>("calendar_days", "working_days", "months");
// Mostly contract-sized periods, sometimes up to the model's maximum of 3650.
const length = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 120 }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 3650 }) },
);
const period = fc.record({ length, unit });
const rule = fc.record({ governingCountry: fc.constantFrom(...COUNTRIES), timeZone: fc.constantFrom(...ZONES) });

function workingDaysIn(after: string, upTo: string, country: string): number {
  let count = 0;
  for (let day = addDays(after, 1); day <= upTo; day = addDays(day, 1)) if (isWorkingDay(day, country)) count += 1;
  return count;
}

describe("deadline properties", () => {
  it("ends on a working day after the trigger date", () => {
    fc.assert(
      fc.property(trigger, period, rule, (date, p, r) => {
        const { lastDay } = deadlineFromDate(date, p, r);
        expect(isWorkingDay(lastDay, r.governingCountry)).toBe(true);
        expect(lastDay > date).toBe(true);
      }),
      RUNS,
    );
  });

  it("moves a calendar or month period to the first working day on or after its nominal end", () => {
    fc.assert(
      fc.property(trigger, length, fc.constantFrom<ClockPeriod["unit"]>("calendar_days", "months"), rule, (date, n, u, r) => {
        const nominal = u === "months" ? addMonths(date, n) : addDays(date, n);
        const deadline = deadlineFromDate(date, { length: n, unit: u }, r);
        expect(deadline.lastDay >= nominal).toBe(true);
        for (let day = nominal; day < deadline.lastDay; day = addDays(day, 1)) expect(isWorkingDay(day, r.governingCountry)).toBe(false);
        expect(deadline.movedFrom).toBe(deadline.lastDay === nominal ? null : nominal);
        expect(deadline.movedBecause === null).toBe(deadline.movedFrom === null);
      }),
      RUNS,
    );
  });

  it("counts exactly `length` working days after the trigger date for working-day periods", () => {
    fc.assert(
      fc.property(trigger, fc.integer({ min: 1, max: 400 }), fc.constantFrom(...COUNTRIES), (date, n, country) => {
        const { lastDay, movedFrom } = deadlineFromDate(
          date,
          { length: n, unit: "working_days" },
          { governingCountry: country, timeZone: "Europe/Brussels" },
        );
        expect(workingDaysIn(date, lastDay, country)).toBe(n);
        expect(isWorkingDay(lastDay, country)).toBe(true);
        expect(movedFrom).toBeNull();
      }),
      { numRuns: 100 },
    );
  });

  it("never ends earlier for a later trigger or a longer period", () => {
    fc.assert(
      fc.property(
        trigger,
        fc.integer({ min: 0, max: 60 }),
        length,
        fc.integer({ min: 0, max: 60 }),
        unit,
        rule,
        (date, later, n, longer, u, r) => {
          const base = deadlineFromDate(date, { length: n, unit: u }, r).lastDay;
          expect(deadlineFromDate(addDays(date, later), { length: n, unit: u }, r).lastDay >= base).toBe(true);
          expect(deadlineFromDate(date, { length: Math.min(n + longer, 3650), unit: u }, r).lastDay >= base).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it("closes at the first instant of the day after the last day, in the rule's zone", () => {
    fc.assert(
      fc.property(trigger, period, rule, (date, p, r) => {
        const deadline = deadlineFromDate(date, p, r);
        const closes = Date.parse(deadline.closesAt);
        const dayAfter = addDays(deadline.lastDay, 1);
        expect(deadline.closesAt).toBe(startOfDay(dayAfter, r.timeZone));
        expect(deadline.closesAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
        expect(localDate(new Date(closes - 1), r.timeZone)).toBe(deadline.lastDay);
        expect(localDate(deadline.closesAt, r.timeZone)).toBe(dayAfter);
        expect(isOnTime(new Date(closes - 1), deadline)).toBe(true);
        expect(isOnTime(deadline.closesAt, deadline)).toBe(false);
      }),
      RUNS,
    );
  });

  it("starts every day at an instant that belongs to it, the instant before to the day before", () => {
    fc.assert(
      fc.property(trigger, fc.constantFrom(...ZONES), (date, zone) => {
        const start = Date.parse(startOfDay(date, zone));
        expect(localDate(new Date(start), zone)).toBe(date);
        expect(localDate(new Date(start - 1), zone)).toBe(addDays(date, -1));
        // A local day lasts 23 to 25 hours, 23.5 to 24.5 on Lord Howe.
        const length = Date.parse(startOfDay(addDays(date, 1), zone)) - start;
        expect(length >= 23 * 3_600_000 && length <= 25 * 3_600_000).toBe(true);
        expect(daysBetween(date, addDays(date, 1))).toBe(1);
      }),
      RUNS,
    );
  });
});
