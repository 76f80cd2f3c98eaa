import { describe, expect, it } from "vitest";
import { deadlineEvents, type DeadlineNotice, MAX_LISTED_REFERENCES } from "../../src/core/feeds/deadline-calendar.ts";
import type { PublicChange } from "../../src/core/feeds/public-changes.ts";
import { clearFactsWorld, type FeedWorld, LAST_DAY, makeEffective, noticesOf, proposeVendor } from "./feed-fixtures.ts";
import { readIcs } from "./ics-reader.ts";

const calendar = async (w: FeedWorld, query = "lang=en") => {
  const response = await w.t.request("GET", `/feeds/deadlines.ics?token=${encodeURIComponent(w.t.tokens.calendar)}&${query}`, {
    token: null,
  });
  expect(response.status).toBe(200);
  return { response, ...readIcs(await response.text()) };
};

describe("GET /feeds/deadlines.ics", () => {
  it("has one all-day event per change and last day, grouping the agreements, plus the possible start", async () => {
    const w = await clearFactsWorld();
    const change = await proposeVendor(w, "OCRCo GmbH");
    const { response, lines, events } = await calendar(w);
    expect(response.headers.get("content-type")).toBe("text/calendar; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("private, max-age=300");
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("X-WR-CALNAME:ClearFacts BV: contract deadlines");

    expect(events.map((e) => [e.uid, e.props.get("DTSTART;VALUE=DATE"), e.props.get("DTEND;VALUE=DATE"), e.summary])).toEqual([
      [`${change.id}-2026-12-07@dpa-register`, "20261207", "20261208", "Objection window closes: OCRCo GmbH (2 agreements)"],
      [`${change.id}-authorisation-2026-12-07@dpa-register`, "20261207", "20261208", "Authorisation awaited: OCRCo GmbH (1 agreement)"],
      [`${change.id}-start@dpa-register`, "20261208", "20261209", "Sub-processor change may take effect: OCRCo GmbH"],
    ]);
    const [objections, authorisation] = events;
    expect(objections?.description.split("\n")).toEqual([
      "New sub-processor: OCRCo GmbH (OCR, Germany)",
      "Last day for these agreements to object (until the end of the day in each agreement's time zone):",
      "- CF-DPA-2024-001",
      "- CF-DPA-2024-002",
      `Change ${change.id}`,
    ]);
    expect(authorisation?.description).toContain("- CF-DPA-2025-003");
    expect(authorisation?.description).not.toContain("CF-DPA-2024-001");
    for (const e of events) expect(e.props.get("TRANSP")).toBe("TRANSPARENT");
  });

  it("puts the notices of several changes on the same day in separate events and uses the organisation's language by default", async () => {
    const w = await clearFactsWorld();
    const first = await proposeVendor(w, "OCRCo GmbH");
    const second = await proposeVendor(w, "Scan BV");
    const { events } = await calendar(w, "");
    const closing = events.filter((e) => e.props.get("DTSTART;VALUE=DATE") === LAST_DAY.replaceAll("-", ""));
    expect(closing.map((e) => e.uid).sort()).toEqual(
      [
        `${first.id}-2026-12-07@dpa-register`,
        `${first.id}-authorisation-2026-12-07@dpa-register`,
        `${second.id}-2026-12-07@dpa-register`,
        `${second.id}-authorisation-2026-12-07@dpa-register`,
      ].sort(),
    );
    expect(closing.map((e) => e.summary)).toContain("Bezwaartermijn verstrijkt: Scan BV (2 overeenkomsten)");
    expect(closing.map((e) => e.summary)).toContain("Toestemming verwacht: OCRCo GmbH (1 overeenkomst)");
  });

  it("drops an answered authorisation, and everything once the change took effect or was withdrawn", async () => {
    const w = await clearFactsWorld();
    const applied = await proposeVendor(w, "OCRCo GmbH");
    const dropped = await proposeVendor(w, "Scan BV");
    const request = (await noticesOf(w, applied.id)).find((n) => n.kind === "authorisation_request");
    const granted = await w.t.request("POST", `/api/v1/change-notices/${request?.id}/authorisation`, { body: { decision: "granted" } });
    expect(granted.status).toBe(200);
    expect((await calendar(w)).events.map((e) => e.uid)).not.toContain(`${applied.id}-authorisation-2026-12-07@dpa-register`);
    expect((await calendar(w)).events.map((e) => e.uid)).toContain(`${applied.id}-2026-12-07@dpa-register`);

    const withdrawn = await w.t.request("POST", `/api/v1/sub-processor-changes/${dropped.id}/withdraw`, {
      token: "procurement",
      body: { reason: "Not needed" },
    });
    expect(withdrawn.status).toBe(200);
    expect((await calendar(w)).events.map((e) => e.uid).filter((uid) => uid.startsWith(dropped.id))).toEqual([]);

    await makeEffective(w, applied.id, "2026-12-08T10:00:00.000Z");
    expect((await calendar(w)).events).toEqual([]);
  });

  it("accepts the token as a Bearer header and revalidates an unchanged calendar", async () => {
    const w = await clearFactsWorld();
    await proposeVendor(w, "OCRCo GmbH");
    const viaHeader = await w.t.request("GET", "/feeds/deadlines.ics", { token: "calendar" });
    expect(viaHeader.status).toBe(200);
    expect(readIcs(await viaHeader.text()).events).toHaveLength(3);
    w.clock.t += 60_000;
    const again = await w.t.request("GET", "/feeds/deadlines.ics", {
      token: "calendar",
      headers: { "if-none-match": viaHeader.headers.get("etag") as string },
    });
    expect(again.status).toBe(304);
  });

  it.each([
    ["no token", ""],
    ["an unknown token", "?token=dpar_not-a-real-token"],
    ["an empty token", "?token="],
  ])("refuses %s with 401 problem details", async (_, query) => {
    const w = await clearFactsWorld();
    const response = await w.t.request("GET", `/feeds/deadlines.ics${query}`, { token: null });
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(response.headers.get("www-authenticate")).toContain("Bearer");
    expect(await response.text()).not.toContain("BEGIN:VCALENDAR");
  });

  it("opens only to a calendar token, which opens nothing else", async () => {
    const w = await clearFactsWorld();
    for (const role of ["admin", "editor", "read-only", "procurement"] as const) {
      const response = await w.t.request("GET", `/feeds/deadlines.ics?token=${encodeURIComponent(w.t.tokens[role])}`, { token: null });
      expect(response.status, role).toBe(403);
      expect(((await response.json()) as { detail: string }).detail).toContain("./dev cli token create --role calendar");
    }
    for (const path of ["/api/v1/agreements", "/api/v1/audit", "/api/v1/sub-processors"]) {
      expect((await w.t.request("GET", path, { token: "calendar" })).status, path).toBe(403);
    }
  });

  it("refuses a revoked token, in the URL or as a header", async () => {
    const w = await clearFactsWorld();
    const inUrl = await w.t.request("GET", `/feeds/deadlines.ics?token=${encodeURIComponent(w.t.tokens.revoked)}`, { token: null });
    expect(inUrl.status).toBe(401);
    expect(((await inUrl.json()) as { type: string }).type).toBe("urn:dpa-register:problem:unauthenticated");
    expect((await w.t.request("GET", "/feeds/deadlines.ics", { token: "revoked" })).status).toBe(401);
  });
});

describe("deadline grouping", () => {
  const change: PublicChange = {
    id: "01a1ff89-0000-7000-8000-00000000c0de",
    kind: "add",
    status: "announced",
    title: "New sub-processor: OCRCo GmbH (OCR, Germany)",
    vendor: { legalName: "OCRCo GmbH", service: "OCR" },
    replaces: null,
    locations: [{ country: "DE", name: "Germany", region: null }],
    announcedAt: "2026-11-20T09:00:00.000Z",
    announcedOn: "2026-11-20",
    intendedStart: "2026-12-08",
    earliestStart: "2026-12-08",
    effectiveAt: null,
    withdrawnAt: null,
    lastEventAt: "2026-11-20T09:00:00.000Z",
  };
  const notices = (count: number, lastDay = LAST_DAY): DeadlineNotice[] =>
    Array.from({ length: count }, (_, i) => ({
      changeId: change.id,
      kind: "objections",
      lastDay,
      reference: `DPA-${String(i + 1).padStart(5, "0")}`,
    }));

  it("makes one event of thousands of agreements, listing the first references and counting the rest", () => {
    const events = deadlineEvents([change], notices(10_000), "en");
    expect(events).toHaveLength(2);
    const [closing] = events;
    expect(closing?.summary).toBe("Objection window closes: OCRCo GmbH (10000 agreements)");
    const listed = closing?.description.split("\n").filter((line) => line.startsWith("- ")) ?? [];
    expect(listed).toHaveLength(MAX_LISTED_REFERENCES);
    expect(listed[0]).toBe("- DPA-00001");
    expect(listed.at(-1)).toBe("- DPA-00020");
    expect(closing?.description).toContain("and 9980 more");
  });

  it("lists exactly twenty without an 'and more' line, and splits different last days", () => {
    const events = deadlineEvents([change], [...notices(20), ...notices(1, "2026-12-09")], "fr");
    expect(events.map((e) => [e.date, e.summary])).toEqual([
      ["2026-12-07", "Fin du délai d’opposition : OCRCo GmbH (20 accords)"],
      ["2026-12-08", "La modification des sous-traitants ultérieurs peut prendre effet : OCRCo GmbH"],
      ["2026-12-09", "Fin du délai d’opposition : OCRCo GmbH (1 accord)"],
    ]);
    expect(events[0]?.description).not.toContain("autres");
  });
});
