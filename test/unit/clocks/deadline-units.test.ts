// Hand-computed working-day and month periods (see deadline.test.ts for how
// weekdays and offsets were checked).
import { describe, expect, it } from "vitest";
import { deadlineFromDate, type DeadlineRule } from "../../../src/core/kernel/clocks/deadline.ts";

const BE: DeadlineRule = { governingCountry: "BE", timeZone: "Europe/Brussels" };
const workingDays = (length: number) => ({ length, unit: "working_days" as const });
const months = (length: number) => ({ length, unit: "months" as const });

describe("working-day periods", () => {
  it("skips weekends and the national holiday", () => {
    // From Friday 2026-07-17: Mon 20 (1), Tue 21 holiday, Wed 22 (2), Thu 23 (3),
    // Fri 24 (4), weekend, Mon 27 (5). Ends 00:00 CEST on 07-28 = 07-27T22:00Z.
    expect(deadlineFromDate("2026-07-17", workingDays(5), BE)).toEqual({
      triggerDate: "2026-07-17",
      lastDay: "2026-07-27",
      movedFrom: null,
      movedBecause: null,
      closesAt: "2026-07-27T22:00:00.000Z",
    });
  });

  it("counts from a trigger on a holiday", () => {
    // Trigger Thursday 2026-05-14 (Ascension): Fri 15 (1), Mon 18 (2), Tue 19 (3).
    expect(deadlineFromDate("2026-05-14", workingDays(3), BE).lastDay).toBe("2026-05-19");
  });

  it("never counts the trigger date, even a working one", () => {
    // From Wednesday 2026-07-22 (a working day): Thursday 07-23 is day 1.
    expect(deadlineFromDate("2026-07-22", workingDays(1), BE).lastDay).toBe("2026-07-23");
    // From Monday 2026-07-20: Tuesday 07-21 is the national holiday, Wednesday 07-22 is day 1.
    expect(deadlineFromDate("2026-07-20", workingDays(1), BE).lastDay).toBe("2026-07-22");
    // From Friday 2026-05-22: weekend, Whit Monday 05-25, so Tuesday 05-26 is day 1.
    expect(deadlineFromDate("2026-05-22", workingDays(1), BE).lastDay).toBe("2026-05-26");
  });
});

describe("month periods", () => {
  it("ends on the last day of a shorter month, then moves off the weekend", () => {
    // 2026-01-31 + 1 month: February 2026 has no 31st, so Saturday 02-28;
    // moved to Monday 2026-03-02.
    expect(deadlineFromDate("2026-01-31", months(1), BE)).toEqual({
      triggerDate: "2026-01-31",
      lastDay: "2026-03-02",
      movedFrom: "2026-02-28",
      movedBecause: "Saturday",
      closesAt: "2026-03-02T23:00:00.000Z",
    });
  });

  it("ends on 29 February in a leap year", () => {
    // 2028-01-31 + 1 month = Tuesday 2028-02-29, a working day.
    expect(deadlineFromDate("2028-01-31", months(1), BE)).toMatchObject({ lastDay: "2028-02-29", movedFrom: null });
    // 2028-02-29 + 12 months: no 29 February in 2029, so Wednesday 2029-02-28.
    expect(deadlineFromDate("2028-02-29", months(12), BE)).toMatchObject({ lastDay: "2029-02-28", movedFrom: null });
  });

  it("keeps the day of the month across a year end", () => {
    // 2026-11-21 + 2 months = Thursday 2027-01-21, a working day, CET.
    expect(deadlineFromDate("2026-11-21", months(2), BE)).toEqual({
      triggerDate: "2026-11-21",
      lastDay: "2027-01-21",
      movedFrom: null,
      movedBecause: null,
      closesAt: "2027-01-21T23:00:00.000Z",
    });
    // 2026-03-31 + 1 month: April has 30 days, so Thursday 2026-04-30.
    expect(deadlineFromDate("2026-03-31", months(1), BE).lastDay).toBe("2026-04-30");
  });

  it("moves a month period ending on a Saturday", () => {
    // 2026-04-18 + 3 months = Saturday 2026-07-18; moved to Monday 07-20.
    expect(deadlineFromDate("2026-04-18", months(3), BE)).toMatchObject({
      lastDay: "2026-07-20",
      movedFrom: "2026-07-18",
      movedBecause: "Saturday",
    });
  });
});
