import { describe, expect, it } from "vitest";
import { deadlineFrom, deadlineFromDate, isOnTime, publicHolidays, startOfDay } from "../../src/core/kernel/clocks/deadline.ts";

// The contract clocks inside workerd: luxon on workerd's Intl time-zone data
// and date-holidays (with moment-timezone for equinoxes) bundled for the
// Worker give the same answers as the hand cases in test/unit/clocks on Node.
const BE = { governingCountry: "BE", timeZone: "Europe/Brussels" };

describe("contract clocks in the Worker runtime", () => {
  it("computes the ClearFacts objection window", () => {
    // Friday 2026-11-20 + 15 = Saturday 12-05 -> Monday 12-07, ends 00:00 CET on 12-08.
    const deadline = deadlineFromDate("2026-11-20", { length: 15, unit: "calendar_days" }, BE);
    expect(deadline).toEqual({
      triggerDate: "2026-11-20",
      lastDay: "2026-12-07",
      movedFrom: "2026-12-05",
      movedBecause: "Saturday",
      closesAt: "2026-12-07T23:00:00.000Z",
    });
    expect(isOnTime("2026-12-07T22:30:00Z", deadline)).toBe(true);
    expect(isOnTime("2026-12-07T23:30:00Z", deadline)).toBe(false);
    // 23:30Z on Friday is already Saturday 11-21 in Brussels: day 15 is Sunday 12-06.
    expect(deadlineFrom("2026-11-20T23:30:00Z", { length: 15, unit: "calendar_days" }, BE)).toMatchObject({
      triggerDate: "2026-11-21",
      lastDay: "2026-12-07",
      movedBecause: "Sunday",
    });
  });

  it("closes a window opened in summer time at the winter-time midnight", () => {
    // 2026-10-10 + 15 = Sunday 10-25 (clocks go back) -> Monday 10-26, ends 00:00 CET on 10-27.
    expect(deadlineFrom("2026-10-10T12:00:00+02:00", { length: 15, unit: "calendar_days" }, BE).closesAt).toBe("2026-10-26T23:00:00.000Z");
  });

  it("counts working days over the Belgian national holiday", () => {
    // From Friday 2026-07-17: Mon 20, (Tue 21 holiday), Wed 22, Thu 23, Fri 24, Mon 27.
    expect(deadlineFromDate("2026-07-17", { length: 5, unit: "working_days" }, BE)).toMatchObject({
      lastDay: "2026-07-27",
      closesAt: "2026-07-27T22:00:00.000Z",
    });
  });

  it("has the same holiday data: Belgium, France and Japan's equinox", () => {
    expect(publicHolidays(2026, "BE").map((h) => h.date)).toEqual([
      "2026-01-01",
      "2026-04-06",
      "2026-05-01",
      "2026-05-14",
      "2026-05-25",
      "2026-07-21",
      "2026-08-15",
      "2026-11-01",
      "2026-11-11",
      "2026-12-25",
    ]);
    // 2026-04-23 + 15 = Friday 05-08, Victory Day in France -> Monday 05-11.
    expect(
      deadlineFromDate("2026-04-23", { length: 15, unit: "calendar_days" }, { governingCountry: "FR", timeZone: "Europe/Paris" }),
    ).toMatchObject({ lastDay: "2026-05-11", movedBecause: "Victory Day" });
    expect(publicHolidays(2026, "JP")).toContainEqual({ date: "2026-03-20", name: "Spring Equinox Day" });
  });

  it("has the same zone data: Lord Howe's half hour and Havana's repeated midnight", () => {
    expect(startOfDay("2026-10-04", "Australia/Lord_Howe")).toBe("2026-10-03T13:30:00.000Z");
    expect(startOfDay("2026-10-05", "Australia/Lord_Howe")).toBe("2026-10-04T13:00:00.000Z");
    expect(startOfDay("2026-11-01", "America/Havana")).toBe("2026-11-01T04:00:00.000Z");
  });
});
