// Governing countries other than Belgium, and the inputs a deadline refuses.
import { describe, expect, it } from "vitest";
import { deadlineFrom, deadlineFromDate, type DeadlineRule } from "../../../src/core/kernel/clocks/deadline.ts";

const BE: DeadlineRule = { governingCountry: "BE", timeZone: "Europe/Brussels" };
const days = (length: number) => ({ length, unit: "calendar_days" as const });
const workingDays = (length: number) => ({ length, unit: "working_days" as const });

describe("other governing countries", () => {
  it("extends a period ending on 8 May in France, not in Belgium", () => {
    // 2026-04-23 (Thu) + 15 = Friday 05-08: Victory Day in France only.
    // France: Sat 9, Sun 10, so Monday 05-11 (Paris is CEST too: 22:00Z).
    expect(deadlineFromDate("2026-04-23", days(15), BE)).toMatchObject({ lastDay: "2026-05-08", movedFrom: null });
    expect(deadlineFromDate("2026-04-23", days(15), { governingCountry: "FR", timeZone: "Europe/Paris" })).toEqual({
      triggerDate: "2026-04-23",
      lastDay: "2026-05-11",
      movedFrom: "2026-05-08",
      movedBecause: "Victory Day",
      closesAt: "2026-05-11T22:00:00.000Z",
    });
  });

  it("extends a period ending on Good Friday in Germany, not in Belgium", () => {
    // 2026-03-19 (Thu) + 15 = Friday 04-03: Good Friday is a public holiday in
    // Germany; then the weekend and Easter Monday 04-06, so Tuesday 04-07.
    expect(deadlineFromDate("2026-03-19", days(15), BE)).toMatchObject({ lastDay: "2026-04-03", movedFrom: null });
    expect(deadlineFromDate("2026-03-19", days(15), { governingCountry: "DE", timeZone: "Europe/Berlin" })).toMatchObject({
      lastDay: "2026-04-07",
      movedFrom: "2026-04-03",
      movedBecause: "Good Friday",
    });
  });

  it("keeps the country's holidays and the zone's day apart", () => {
    // Belgian holidays, days ending in Tokyo: 2026-11-20 + 15 = Sat 12-05 -> Mon
    // 12-07, which ends at 00:00 JST (+09:00) on 12-08 = 2026-12-07T15:00Z.
    expect(deadlineFromDate("2026-11-20", days(15), { governingCountry: "BE", timeZone: "Asia/Tokyo" }).closesAt).toBe(
      "2026-12-07T15:00:00.000Z",
    );
  });
});

describe("refusals", () => {
  it("refuses a country without a holiday calendar instead of assuming no holidays", () => {
    expect(() => deadlineFromDate("2026-11-20", days(15), { governingCountry: "XX", timeZone: "Europe/Brussels" })).toThrow(
      /No public-holiday calendar for country "XX"/,
    );
    // Afghanistan is a valid ISO code that date-holidays does not cover.
    expect(() => deadlineFromDate("2026-11-20", workingDays(3), { governingCountry: "AF", timeZone: "Asia/Kabul" })).toThrow(
      /No public-holiday calendar/,
    );
    expect(() => deadlineFromDate("2026-11-20", days(15), { governingCountry: "be", timeZone: "Europe/Brussels" })).toThrow(
      /No public-holiday calendar/,
    );
  });

  it("refuses unknown zones, impossible dates, offset-less instants and bad periods", () => {
    expect(() => deadlineFromDate("2026-11-20", days(15), { governingCountry: "BE", timeZone: "Europe/Nowhere" })).toThrow(
      /Not an IANA time zone/,
    );
    expect(() => deadlineFromDate("2026-11-20", days(15), { governingCountry: "BE", timeZone: "local" })).toThrow(/Not an IANA time zone/);
    expect(() => deadlineFromDate("2026-02-30", days(15), BE)).toThrow(/Not a calendar date/);
    expect(() => deadlineFrom("2026-11-20T23:30:00", days(15), BE)).toThrow(/instant/);
    expect(() => deadlineFrom(new Date(Number.NaN), days(15), BE)).toThrow(/Invalid Date/);
    expect(() => deadlineFromDate("2026-11-20", days(0), BE)).toThrow(/at least 1/);
    expect(() => deadlineFromDate("2026-11-20", { length: 3, unit: "weeks" as "months" }, BE)).toThrow(/Unknown clock period unit/);
  });
});
