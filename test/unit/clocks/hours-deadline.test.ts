// A clock in hours (a breach notification) runs from the instant, to the hour, through weekends,
// holidays and clock changes alike; its last day is the local day it ends on.
import { describe, expect, it } from "vitest";
import { deadlineFrom, deadlineFromDate } from "../../../src/core/kernel/clocks/deadline.ts";

const BRUSSELS = { governingCountry: "BE", timeZone: "Europe/Brussels" };

describe("deadlines in hours", () => {
  it("end exactly that many hours later, across the end of summer time", () => {
    // Saturday 24 October 2026, 23:30 UTC (01:30 CEST on Sunday 25); summer time ends that night.
    expect(deadlineFrom("2026-10-24T23:30:00Z", { length: 48, unit: "hours" }, BRUSSELS)).toEqual({
      triggerDate: "2026-10-25",
      // 26 October 23:30 UTC is 00:30 CET on Tuesday 27 October.
      lastDay: "2026-10-27",
      movedFrom: null,
      movedBecause: null,
      closesAt: "2026-10-26T23:30:00.000Z",
    });
  });

  it("do not move off a public holiday", () => {
    // Christmas Eve 2026, 10:00 UTC: 24 hours later is Christmas Day, a Belgian public holiday.
    const deadline = deadlineFrom("2026-12-24T10:00:00Z", { length: 24, unit: "hours" }, BRUSSELS);
    expect([deadline.lastDay, deadline.closesAt, deadline.movedFrom]).toEqual(["2026-12-25", "2026-12-25T10:00:00.000Z", null]);
  });

  it("are refused from a bare day: hours need an instant", () => {
    expect(() => deadlineFromDate("2026-12-24", { length: 24, unit: "hours" } as never, BRUSSELS)).toThrow(RangeError);
  });
});
