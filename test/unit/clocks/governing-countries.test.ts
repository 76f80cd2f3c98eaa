import { describe, expect, it } from "vitest";
import { GOVERNING_COUNTRIES, HOLIDAY_YEARS } from "../../../src/core/kernel/clocks/governing-countries.ts";
import { assertKnownCountry, holidayCountries, publicHolidays } from "../../../src/core/kernel/clocks/public-holidays.ts";

const EU_EEA = "AT BE BG CY CZ DE DK EE ES FI FR GR HR HU IE IT LT LU LV MT NL PL PT RO SE SI SK IS LI NO".split(" ");

describe("supported governing countries", () => {
  it("are the built-in calendars: the EU and EEA, the UK, Switzerland, the US, Canada and more", () => {
    expect(holidayCountries()).toEqual([...GOVERNING_COUNTRIES].sort());
    expect(holidayCountries()).toEqual(expect.arrayContaining([...EU_EEA, "GB", "CH", "US", "CA", "JP", "KR", "SZ"]));
  });

  it("refuses another country, naming the supported ones", () => {
    expect(() => assertKnownCountry("QA")).toThrow(/No public-holiday calendar for country "QA": .*supported governing country \(AT, BE, /);
  });

  it("knows the holidays of the built-in years only", () => {
    expect(publicHolidays(HOLIDAY_YEARS.first, "BE")[0]).toEqual({ date: `${HOLIDAY_YEARS.first}-01-01`, name: "New Year's Day" });
    expect(publicHolidays(HOLIDAY_YEARS.last, "US")).toContainEqual({ date: `${HOLIDAY_YEARS.last}-07-04`, name: "Independence Day" });
    expect(() => publicHolidays(HOLIDAY_YEARS.last + 1, "BE")).toThrow(/known for the years 1990 to 2420/);
    expect(() => publicHolidays(HOLIDAY_YEARS.first - 1, "BE")).toThrow(expect.objectContaining({ code: "validation" }));
  });
});
