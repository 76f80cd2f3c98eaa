import { describe, expect, it } from "vitest";
import { isWorkingDay, nextWorkingDay, publicHolidays } from "../../../src/core/kernel/clocks/deadline.ts";

describe("public holidays", () => {
  it("lists Belgium's ten public holidays of 2026 with English names", () => {
    // Easter 2026 is 5 April: Easter Monday 04-06, Ascension (+39) 05-14, Whit Monday (+50) 05-25.
    expect(publicHolidays(2026, "BE")).toEqual([
      { date: "2026-01-01", name: "New Year's Day" },
      { date: "2026-04-06", name: "Easter Monday" },
      { date: "2026-05-01", name: "Labour Day" },
      { date: "2026-05-14", name: "Ascension Day" },
      { date: "2026-05-25", name: "Whit Monday" },
      { date: "2026-07-21", name: "National Holiday" },
      { date: "2026-08-15", name: "Assumption" },
      { date: "2026-11-01", name: "All Saints' Day" },
      { date: "2026-11-11", name: "Armistice Day" },
      { date: "2026-12-25", name: "Christmas Day" },
    ]);
  });

  it("lists each day of a holiday lasting several days", () => {
    // Chuseok 2026 is three days from Thursday 09-24 in the library's Korean calendar.
    const korea = publicHolidays(2026, "KR").filter((h) => h.name === "Korean Thanksgiving");
    expect(korea.map((h) => h.date)).toEqual(["2026-09-24", "2026-09-25", "2026-09-26"]);
    expect(isWorkingDay("2026-09-25", "KR")).toBe(false); // Friday, second day of Chuseok
  });

  it("keeps the January days of a holiday that began the December before", () => {
    // Eswatini's Incwala runs six days from 28 December: 2025-12-28 to Friday 2026-01-02.
    expect(publicHolidays(2026, "SZ")).toContainEqual({ date: "2026-01-02", name: "Incwala Festival" });
    expect(isWorkingDay("2026-01-02", "SZ")).toBe(false);
  });

  it("leaves out a holiday that starts in the afternoon", () => {
    // Iceland's Christmas Eve is a holiday from 13:00 only: Thursday 2026-12-24 is a working day.
    expect(publicHolidays(2026, "IS").map((h) => h.date)).not.toContain("2026-12-24");
    expect(isWorkingDay("2026-12-24", "IS")).toBe(true);
    expect(isWorkingDay("2026-12-25", "IS")).toBe(false);
  });

  it("computes equinox holidays (Japan)", () => {
    // Vernal equinox 2026-03-20 and autumnal equinox 2026-09-23 (Tokyo time).
    const japan = publicHolidays(2026, "JP");
    expect(japan).toContainEqual({ date: "2026-03-20", name: "Spring Equinox Day" });
    expect(japan).toContainEqual({ date: "2026-09-23", name: "Autumnal Equinox Day" });
  });

  it("refuses a country it has no calendar for", () => {
    expect(() => publicHolidays(2026, "XX")).toThrow(/No public-holiday calendar for country "XX"/);
    expect(() => isWorkingDay("2026-12-05", "XX")).toThrow(/No public-holiday calendar/); // a Saturday: must not answer from the weekday alone
  });
});

describe("working days", () => {
  it("are not weekends or public holidays of the country", () => {
    expect(isWorkingDay("2026-12-07", "BE")).toBe(true); // Monday
    expect(isWorkingDay("2026-12-05", "BE")).toBe(false); // Saturday
    expect(isWorkingDay("2026-12-06", "BE")).toBe(false); // Sunday
    expect(isWorkingDay("2026-07-21", "BE")).toBe(false); // National Holiday
    expect(isWorkingDay("2026-05-08", "BE")).toBe(true); // Friday; Victory Day only in France
    expect(isWorkingDay("2026-05-08", "FR")).toBe(false);
  });

  it("next working day is the day itself or the first one after", () => {
    expect(nextWorkingDay("2026-12-07", "BE")).toBe("2026-12-07");
    expect(nextWorkingDay("2026-05-23", "BE")).toBe("2026-05-26"); // Sat, Sun, Whit Monday
    expect(nextWorkingDay("2026-12-25", "BE")).toBe("2026-12-28"); // Christmas Friday, weekend
    expect(nextWorkingDay("2027-01-01", "BE")).toBe("2027-01-04"); // New Year Friday, weekend
    expect(nextWorkingDay("2026-12-25", "DE")).toBe("2026-12-28"); // Christmas, Boxing Day on Saturday, Sunday
  });
});
