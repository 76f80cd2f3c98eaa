// Hand-computed deadlines. Weekdays and UTC offsets in the comments were
// checked independently (Python's datetime and zoneinfo) and against the tz
// database's rules for Europe/Brussels: CEST +02:00 from 2026-03-29 to
// 2026-10-25, else CET +01:00.
import { describe, expect, it } from "vitest";
import { deadlineFrom, deadlineFromDate, isOnTime, type DeadlineRule } from "../../../src/core/kernel/clocks/deadline.ts";

const BE: DeadlineRule = { governingCountry: "BE", timeZone: "Europe/Brussels" };
const days = (length: number) => ({ length, unit: "calendar_days" as const });

describe("the ClearFacts objection window: 15 calendar days, Belgian law", () => {
  // Notice on Friday 2026-11-20; counting starts Saturday 11-21, day 15 is
  // Saturday 12-05, so the period runs to the end of Monday 12-07. The end of
  // 12-07 is 00:00 on 12-08 in Brussels, CET (+01:00): 2026-12-07T23:00Z.
  const deadline = deadlineFromDate("2026-11-20", days(15), BE);

  it("ends on Monday 2026-12-07 instead of Saturday 2026-12-05", () => {
    expect(deadline).toEqual({
      triggerDate: "2026-11-20",
      lastDay: "2026-12-07",
      movedFrom: "2026-12-05",
      movedBecause: "Saturday",
      closesAt: "2026-12-07T23:00:00.000Z",
    });
  });

  it("accepts an objection at 23:30 Brussels time on the last day and refuses one at 00:30 the day after", () => {
    expect(isOnTime("2026-12-07T22:30:00Z", deadline)).toBe(true); // 23:30 CET on 12-07
    expect(isOnTime("2026-12-07T23:30:00Z", deadline)).toBe(false); // 00:30 CET on 12-08
    expect(isOnTime(new Date("2026-12-07T22:59:59.999Z"), deadline)).toBe(true);
    expect(isOnTime(new Date("2026-12-07T23:00:00.000Z"), deadline)).toBe(false);
    expect(isOnTime("2026-12-08T00:29:00+01:00", deadline)).toBe(false);
  });

  it("counts a notice sent at 23:30 UTC on Friday from Saturday, the date in Brussels", () => {
    // 2026-11-20T23:30Z is 00:30 on Saturday 11-21 in Brussels, so 11-21 is
    // the trigger date; day 15 is Sunday 12-06, moved to Monday 12-07: the
    // same last day as a notice on Friday, reached for a different reason.
    expect(deadlineFrom("2026-11-20T23:30:00Z", days(15), BE)).toEqual({
      triggerDate: "2026-11-21",
      lastDay: "2026-12-07",
      movedFrom: "2026-12-06",
      movedBecause: "Sunday",
      closesAt: "2026-12-07T23:00:00.000Z",
    });
    // One millisecond before midnight in Brussels it is still Friday.
    expect(deadlineFrom(new Date("2026-11-20T22:59:59.999Z"), days(15), BE).triggerDate).toBe("2026-11-20");
  });
});

describe("calendar-day periods ending on a day off", () => {
  it("moves a Saturday end to the Monday", () => {
    // 2026-07-03 (Fri) + 15 = Saturday 07-18; Monday 07-20 is a working day.
    // Summer time: the end of 07-20 is 2026-07-20T22:00Z.
    expect(deadlineFromDate("2026-07-03", days(15), BE)).toEqual({
      triggerDate: "2026-07-03",
      lastDay: "2026-07-20",
      movedFrom: "2026-07-18",
      movedBecause: "Saturday",
      closesAt: "2026-07-20T22:00:00.000Z",
    });
  });

  it("moves a Sunday end to the Monday, naming Sunday even when it is also a holiday", () => {
    // 2026-10-17 (Sat) + 15 = Sunday 11-01, also All Saints' Day; Monday 11-02
    // is a working day in Belgium. The end of 11-02 is 23:00Z (CET).
    expect(deadlineFromDate("2026-10-17", days(15), BE)).toEqual({
      triggerDate: "2026-10-17",
      lastDay: "2026-11-02",
      movedFrom: "2026-11-01",
      movedBecause: "Sunday",
      closesAt: "2026-11-02T23:00:00.000Z",
    });
  });

  it("moves an end on the Belgian national holiday to the next day", () => {
    // 2026-07-06 (Mon) + 15 = Tuesday 07-21, National Holiday; Wednesday 07-22.
    expect(deadlineFromDate("2026-07-06", days(15), BE)).toEqual({
      triggerDate: "2026-07-06",
      lastDay: "2026-07-22",
      movedFrom: "2026-07-21",
      movedBecause: "National Holiday",
      closesAt: "2026-07-22T22:00:00.000Z",
    });
  });

  it("moves an end on Easter Monday to the Tuesday", () => {
    // 2026-03-22 (Sun) + 15 = Monday 04-06, Easter Monday; Tuesday 04-07.
    expect(deadlineFromDate("2026-03-22", days(15), BE)).toMatchObject({
      lastDay: "2026-04-07",
      movedFrom: "2026-04-06",
      movedBecause: "Easter Monday",
    });
  });

  it("skips a weekend and then Whit Monday", () => {
    // 2026-05-08 (Fri) + 15 = Saturday 05-23; Sunday 05-24; Monday 05-25 is
    // Whit Monday; Tuesday 05-26 is the first working day.
    expect(deadlineFromDate("2026-05-08", days(15), BE)).toEqual({
      triggerDate: "2026-05-08",
      lastDay: "2026-05-26",
      movedFrom: "2026-05-23",
      movedBecause: "Saturday",
      closesAt: "2026-05-26T22:00:00.000Z",
    });
  });

  it("skips Christmas Day and the weekend after it", () => {
    // 2026-12-10 (Thu) + 15 = Friday 12-25, Christmas; Sat 26, Sun 27; Monday 12-28.
    expect(deadlineFromDate("2026-12-10", days(15), BE)).toMatchObject({
      lastDay: "2026-12-28",
      movedFrom: "2026-12-25",
      movedBecause: "Christmas Day",
      closesAt: "2026-12-28T23:00:00.000Z",
    });
  });

  it("crosses into the next year and skips New Year's Day and a weekend", () => {
    // 2026-12-17 (Thu) + 15 = Friday 2027-01-01; Sat 2, Sun 3; Monday 2027-01-04.
    expect(deadlineFromDate("2026-12-17", days(15), BE)).toEqual({
      triggerDate: "2026-12-17",
      lastDay: "2027-01-04",
      movedFrom: "2027-01-01",
      movedBecause: "New Year's Day",
      closesAt: "2027-01-04T23:00:00.000Z",
    });
  });

  it("does not move an end on a working day", () => {
    // 2026-12-01 (Tue) + 15 = Wednesday 12-16.
    expect(deadlineFromDate("2026-12-01", days(15), BE)).toEqual({
      triggerDate: "2026-12-01",
      lastDay: "2026-12-16",
      movedFrom: null,
      movedBecause: null,
      closesAt: "2026-12-16T23:00:00.000Z",
    });
  });
});

describe("across daylight-saving changes in Brussels (2026-03-29 and 2026-10-25)", () => {
  it("closes at 23:00Z after the clocks go back: a window opened in summer time", () => {
    // Notice at 12:00 CEST on Saturday 2026-10-10; + 15 = Sunday 10-25, the
    // day the clocks go back; moved to Monday 10-26, which ends at 00:00 CET
    // on 10-27 = 2026-10-26T23:00Z.
    expect(deadlineFrom("2026-10-10T12:00:00+02:00", days(15), BE)).toEqual({
      triggerDate: "2026-10-10",
      lastDay: "2026-10-26",
      movedFrom: "2026-10-25",
      movedBecause: "Sunday",
      closesAt: "2026-10-26T23:00:00.000Z",
    });
  });

  it("closes at 22:00Z after the clocks go forward: a window opened in winter time", () => {
    // 2026-03-13 (Fri) + 15 = Saturday 03-28; Monday 03-30 is in summer time,
    // so it ends at 00:00 CEST on 03-31 = 2026-03-30T22:00Z.
    expect(deadlineFromDate("2026-03-13", days(15), BE)).toMatchObject({ lastDay: "2026-03-30", closesAt: "2026-03-30T22:00:00.000Z" });
    // 2026-03-12 (Thu) + 15 = Friday 03-27, still winter time: ends 2026-03-27T23:00Z.
    expect(deadlineFromDate("2026-03-12", days(15), BE)).toMatchObject({ lastDay: "2026-03-27", closesAt: "2026-03-27T23:00:00.000Z" });
  });
});
