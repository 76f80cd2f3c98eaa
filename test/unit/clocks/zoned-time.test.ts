// Calendar days in named zones. Offsets from the tz database: Europe/Brussels
// switches on 2026-03-29 and 2026-10-25 at 01:00Z; America/Los_Angeles on
// 2026-03-08 and 2026-11-01 at 02:00 local; Pacific/Kiritimati is +14:00 all
// year; Australia/Lord_Howe is +10:30, +11:00 from 02:00 on 2026-10-04.
import { describe, expect, it } from "vitest";
import { localDate, startOfDay } from "../../../src/core/kernel/clocks/deadline.ts";

describe("localDate", () => {
  it("gives the date in the zone, not in UTC", () => {
    expect(localDate("2026-11-20T22:59:59.999Z", "Europe/Brussels")).toBe("2026-11-20"); // 23:59:59.999 CET
    expect(localDate("2026-11-20T23:00:00.000Z", "Europe/Brussels")).toBe("2026-11-21"); // 00:00 CET
    expect(localDate("2026-07-20T21:59:59.999Z", "Europe/Brussels")).toBe("2026-07-20"); // 23:59:59.999 CEST
    expect(localDate("2026-07-20T22:00:00.000Z", "Europe/Brussels")).toBe("2026-07-21"); // 00:00 CEST
  });

  it("is a day ahead of UTC in Kiritimati and a day behind in Los Angeles", () => {
    expect(localDate("2026-11-20T09:59:59.999Z", "Pacific/Kiritimati")).toBe("2026-11-20"); // 23:59:59.999 +14
    expect(localDate("2026-11-20T10:00:00.000Z", "Pacific/Kiritimati")).toBe("2026-11-21"); // 00:00 +14
    expect(localDate("2026-11-21T07:59:59.999Z", "America/Los_Angeles")).toBe("2026-11-20"); // 23:59:59.999 PST
    expect(localDate(new Date("2026-11-21T08:00:00.000Z"), "America/Los_Angeles")).toBe("2026-11-21"); // 00:00 PST
  });

  it("reads an offset written in the instant", () => {
    // 00:30 in Brussels on 11-21 is 23:30Z on 11-20, still 11-20 in London (GMT).
    expect(localDate("2026-11-21T00:30:00+01:00", "Europe/London")).toBe("2026-11-20");
    expect(localDate("2026-11-21T00:30:00+01:00", "Europe/Brussels")).toBe("2026-11-21");
  });
});

describe("startOfDay", () => {
  it("follows Brussels across both DST changes", () => {
    expect(startOfDay("2026-03-28", "Europe/Brussels")).toBe("2026-03-27T23:00:00.000Z"); // CET
    expect(startOfDay("2026-03-29", "Europe/Brussels")).toBe("2026-03-28T23:00:00.000Z"); // still CET at midnight; switch at 02:00
    expect(startOfDay("2026-03-30", "Europe/Brussels")).toBe("2026-03-29T22:00:00.000Z"); // CEST
    expect(startOfDay("2026-10-25", "Europe/Brussels")).toBe("2026-10-24T22:00:00.000Z"); // still CEST at midnight; switch at 03:00
    expect(startOfDay("2026-10-26", "Europe/Brussels")).toBe("2026-10-25T23:00:00.000Z"); // CET
  });

  it("works far from UTC", () => {
    expect(startOfDay("2026-11-21", "Pacific/Kiritimati")).toBe("2026-11-20T10:00:00.000Z"); // +14
    expect(startOfDay("2026-11-21", "America/Los_Angeles")).toBe("2026-11-21T08:00:00.000Z"); // PST -8
    expect(startOfDay("2026-07-01", "America/Los_Angeles")).toBe("2026-07-01T07:00:00.000Z"); // PDT -7
    expect(startOfDay("2026-03-08", "America/Los_Angeles")).toBe("2026-03-08T08:00:00.000Z"); // PST until 02:00
    expect(startOfDay("2026-03-09", "America/Los_Angeles")).toBe("2026-03-09T07:00:00.000Z"); // PDT
  });

  it("handles Lord Howe's half-hour DST shift", () => {
    expect(startOfDay("2026-10-04", "Australia/Lord_Howe")).toBe("2026-10-03T13:30:00.000Z"); // +10:30
    expect(startOfDay("2026-10-05", "Australia/Lord_Howe")).toBe("2026-10-04T13:00:00.000Z"); // +11:00
  });

  it("starts a day whose midnight is skipped at the moment the clock jumps to", () => {
    // Cuba springs forward at 00:00 on 2026-03-08 (00:00 -> 01:00 CDT, -04:00):
    // the day's first instant is 01:00 CDT = 05:00Z.
    expect(startOfDay("2026-03-08", "America/Havana")).toBe("2026-03-08T05:00:00.000Z");
  });

  it("starts a day whose midnight happens twice at the first one", () => {
    // Cuba falls back at 01:00 CDT on 2026-11-01 to 00:00 CST, so 00:00-01:00
    // happens twice; the day starts at 00:00 CDT (-04:00) = 04:00Z, not 05:00Z.
    expect(startOfDay("2026-11-01", "America/Havana")).toBe("2026-11-01T04:00:00.000Z");
    expect(localDate("2026-11-01T03:59:59.999Z", "America/Havana")).toBe("2026-10-31");
  });

  it("keeps the seconds of a historical local mean time offset", () => {
    // Brussels used local mean time, +00:17:30, until 1892.
    expect(startOfDay("1890-01-01", "Europe/Brussels")).toBe("1889-12-31T23:42:30.000Z");
  });
});
