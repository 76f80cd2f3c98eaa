// The host's zone must not leak into any result. `npm test` also runs this
// folder under several TZ values; here the zone changes inside one process,
// before the holiday caches of this file's module instance are filled.
import { afterEach, describe, expect, it } from "vitest";
import { deadlineFrom, deadlineFromDate, publicHolidays } from "../../../src/core/kernel/clocks/deadline.ts";

const original = process.env.TZ;
afterEach(() => {
  if (original === undefined) delete process.env.TZ;
  else process.env.TZ = original;
});

/** Switches the process's zone and proves that Date follows it, so the test cannot pass vacuously. */
function hostZone(zone: string, decemberOffsetMinutes: number): void {
  process.env.TZ = zone;
  expect(new Date(2026, 11, 7, 12).getTimezoneOffset()).toBe(decemberOffsetMinutes);
}

describe("results do not depend on the host's time zone", () => {
  it("Belgian deadline from an instant, computed on a host at +14:00", () => {
    hostZone("Pacific/Kiritimati", -840);
    // Same as the ClearFacts case: 2026-11-20T23:30Z is Saturday 11-21 in
    // Brussels (on this host it is already Saturday 13:30); day 15 is Sunday
    // 12-06, moved to Monday 12-07, which ends at 2026-12-07T23:00Z.
    expect(
      deadlineFrom("2026-11-20T23:30:00Z", { length: 15, unit: "calendar_days" }, { governingCountry: "BE", timeZone: "Europe/Brussels" }),
    ).toEqual({
      triggerDate: "2026-11-21",
      lastDay: "2026-12-07",
      movedFrom: "2026-12-06",
      movedBecause: "Sunday",
      closesAt: "2026-12-07T23:00:00.000Z",
    });
  });

  it("French holidays, computed on a host at -08:00", () => {
    hostZone("America/Los_Angeles", 480);
    // 2026-04-23 + 15 = Friday 05-08, Victory Day; Monday 05-11 ends at 00:00 CEST = 22:00Z.
    expect(
      deadlineFromDate("2026-04-23", { length: 15, unit: "calendar_days" }, { governingCountry: "FR", timeZone: "Europe/Paris" }),
    ).toEqual({
      triggerDate: "2026-04-23",
      lastDay: "2026-05-11",
      movedFrom: "2026-05-08",
      movedBecause: "Victory Day",
      closesAt: "2026-05-11T22:00:00.000Z",
    });
  });

  it("Japanese equinox holidays, computed on a host at +05:45", () => {
    hostZone("Asia/Kathmandu", -345);
    expect(publicHolidays(2026, "JP")).toContainEqual({ date: "2026-03-20", name: "Spring Equinox Day" });
    // 2026-03-05 (Thu) + 15 = Friday 03-20, the equinox holiday; weekend; Monday
    // 03-23 ends at 00:00 JST (+09:00) on 03-24 = 2026-03-23T15:00Z.
    expect(
      deadlineFromDate("2026-03-05", { length: 15, unit: "calendar_days" }, { governingCountry: "JP", timeZone: "Asia/Tokyo" }),
    ).toEqual({
      triggerDate: "2026-03-05",
      lastDay: "2026-03-23",
      movedFrom: "2026-03-20",
      movedBecause: "Spring Equinox Day",
      closesAt: "2026-03-23T15:00:00.000Z",
    });
  });
});
