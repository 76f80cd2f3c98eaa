import { describe, expect, it } from "vitest";
import { outbox } from "../../db/schema.ts";
import { bodyOf } from "../helpers/test-app.ts";
import { changeWorld, clearanceOf, noticesOf, ocrProposal, propose, runLifecycle } from "../helpers/changes.ts";
import { announced, CLOSES_AT, grant, LAST_DAY, object } from "./clearfacts-steps.ts";

describe("ClearFacts: proposing a new OCR vendor", () => {
  it("gives each customer a notice whose 15-day window ends at the end of Monday 7 December in Brussels", async () => {
    const w = await changeWorld();
    const { change, notices, peeters, dupont, janssens } = await announced(w);
    expect(change.status).toBe("announced");
    expect(notices).toHaveLength(3);
    for (const notice of notices) {
      expect(notice.noticeDate).toBe("2026-11-20");
      expect(notice.lastDay).toBe(LAST_DAY);
      expect(notice.closesAt).toBe(CLOSES_AT);
    }
    expect([peeters.kind, dupont.kind, janssens.kind]).toEqual(["objection_window", "objection_window", "authorisation_request"]);
    expect(janssens.authorisation).toBe("requested");
    // Work may start the day after the last window closes.
    expect(change.earliestStart).toBe("2026-12-08");
  });

  it("queues one e-mail per customer contact, in the agreement's language, with the deadline and how to object", async () => {
    const w = await changeWorld();
    const { peeters, janssens } = await announced(w);
    const mails = await w.store.db.select().from(outbox);
    expect(mails.map((m) => m.recipient).sort()).toEqual([
      "an.peeters@peeters.example",
      "luc.dupont@dupont.example",
      "tom.janssens@janssens.example",
    ]);
    const toPeeters = mails.find((m) => m.recipient === "an.peeters@peeters.example");
    expect(toPeeters?.subject).toContain("bezwaar tot 7 december 2026");
    expect(toPeeters?.body).toContain("Nieuwe subverwerker: Klippa OCR GmbH");
    expect(toPeeters?.body).toContain("tot het einde van 7 december 2026 (Europe/Brussels), 15 kalenderdagen");
    expect(toPeeters?.body).toContain("dpo@clearfacts.example");
    expect(toPeeters?.body).toContain(peeters.id);
    const toJanssens = mails.find((m) => m.recipient === "tom.janssens@janssens.example");
    expect(toJanssens?.kind).toBe("authorisation_request");
    expect(toJanssens?.body).toContain("The change will not apply to your data without your authorisation.");
    expect(toJanssens?.body).toContain(janssens.id);
    expect(mails.every((m) => m.status === "pending" && m.attempts === 0)).toBe(true);
  });

  it("takes an objection at 23:30 Brussels time on the last day as on time, and one at 00:30 the next day as late", async () => {
    const w = await changeWorld();
    const { peeters, dupont } = await announced(w);
    w.clock.set("2026-12-07T22:30:00.000Z"); // 23:30 in Brussels (UTC+1)
    const onTime = await object(w, peeters.id, {});
    expect(onTime.receivedAt).toBe("2026-12-07T22:30:00.000Z");
    expect(onTime.onTime).toBe(true);
    w.clock.set("2026-12-07T23:30:00.000Z"); // 00:30 on 8 December in Brussels
    const late = await object(w, dupont.id, {});
    expect(late.onTime).toBe(false);
    // A receipt time stated later (a letter logged the next morning) is judged by that time.
    const letter = await object(w, dupont.id, { receivedAt: "2026-12-07T22:59:59.999Z", channel: "letter" });
    expect(letter.onTime).toBe(true);
    const alerts = (await w.store.db.select().from(outbox)).filter((m) => m.kind === "objection_alert");
    expect(alerts).toHaveLength(3);
    expect(alerts.every((m) => m.recipient === "dpo@clearfacts.example")).toBe(true);
    expect(alerts.map((m) => m.body).join("\n")).toMatch(/LAATTIJDIG, de termijn verstreek op het einde van 7 december 2026/); // ClearFacts' own language is Dutch
  });
});

describe("clearance for procurement", () => {
  it("is pending until the earliest start, then cleared once every window has closed with no objection", async () => {
    const w = await changeWorld();
    const { change, janssens } = await announced(w);
    const ask = { subProcessorId: change.subProcessorId, activityId: w.maintenance };
    const waiting = await clearanceOf(w.t, ask);
    expect(waiting.status).toBe("pending");
    expect(waiting.until).toBeNull();
    expect(waiting.reasons.join(" ")).toContain("Awaiting the authorisation");
    await grant(w, janssens.id);
    const pending = await clearanceOf(w.t, ask);
    expect(pending).toMatchObject({ status: "pending", until: "2026-12-08" });
    w.clock.set("2026-12-07T22:59:59.000Z");
    expect((await clearanceOf(w.t, ask)).status).toBe("pending");
    w.clock.set(CLOSES_AT);
    expect((await clearanceOf(w.t, ask)).status).toBe("cleared");
    expect(
      (await clearanceOf(w.t, { subProcessorId: change.subProcessorId, agreementId: w.agreements["CF-DPA-2024-001"] as string })).status,
    ).toBe("cleared");
  });

  it("is blocked by an unresolved objection, naming it, until the DPO resolves it", async () => {
    const w = await changeWorld();
    const { change, peeters, janssens } = await announced(w);
    await grant(w, janssens.id);
    w.clock.set("2026-12-01T10:00:00.000Z");
    const objection = await object(w, peeters.id, {});
    const ask = { subProcessorId: change.subProcessorId, activityId: w.maintenance };
    const blocked = await clearanceOf(w.t, ask);
    expect(blocked.status).toBe("blocked");
    expect(blocked.objections.map((o) => o.id)).toEqual([objection.id]);
    expect(blocked.reasons).toEqual(["An objection of agreement CF-DPA-2024-001, received 2026-12-01, is unresolved."]);
    w.clock.set("2026-12-09T10:00:00.000Z");
    expect((await clearanceOf(w.t, ask)).status).toBe("blocked");
    expect((await runLifecycle(w.t)).effective).toEqual([]);
    const resolved = await w.t.request("POST", `/api/v1/objections/${objection.id}/resolution`, {
      token: "editor",
      body: { resolution: "overruled", reason: "The vendor holds ISO 27001 and processes in the EU only." },
    });
    expect(resolved.status).toBe(200);
    expect((await clearanceOf(w.t, ask)).status).toBe("cleared");
  });

  it("answers not authorised for a vendor no open change brings in, and for a proposal customers were not told of", async () => {
    const w = await changeWorld();
    expect((await clearanceOf(w.t, { subProcessorId: w.ixordocs, activityId: w.access })).status).toBe("not_authorised");
    expect((await clearanceOf(w.t, { subProcessorId: w.ixordocs, activityId: w.maintenance })).status).toBe("cleared");
    const quiet = await propose(w.t, ocrProposal(w.maintenance, { announce: false }));
    const answer = await clearanceOf(w.t, { subProcessorId: quiet.subProcessorId, activityId: w.maintenance });
    expect(answer.status).toBe("not_authorised");
    expect(answer.reasons.join(" ")).toContain("not announced");
  });
});

describe("deadlines of announced notices, computed by hand", () => {
  const cases = [
    // Announced Tuesday 20 October 2026 (summer time, UTC+2): day 15 is Wednesday 4 November, after the
    // 25 October change to winter time, so the window closes at midnight UTC+1.
    { announcedAt: "2026-10-20T08:00:00.000Z", lastDay: "2026-11-04", closesAt: "2026-11-04T23:00:00.000Z", intendedStart: "2026-11-05" },
    // Announced Monday 6 July 2026: day 15 is Tuesday 21 July, Belgian National Day, so it runs to Wednesday 22 July (UTC+2).
    { announcedAt: "2026-07-06T08:00:00.000Z", lastDay: "2026-07-22", closesAt: "2026-07-22T22:00:00.000Z", intendedStart: "2026-07-23" },
    // Announced Thursday 26 March 2026 (winter time): day 15 is Friday 10 April, in summer time.
    { announcedAt: "2026-03-26T10:00:00.000Z", lastDay: "2026-04-10", closesAt: "2026-04-10T22:00:00.000Z", intendedStart: "2026-04-11" },
  ];
  for (const c of cases) {
    it(`announced ${c.announcedAt}: last day ${c.lastDay}, closing ${c.closesAt}`, async () => {
      const w = await changeWorld(c.announcedAt);
      const change = await propose(w.t, ocrProposal(w.maintenance, { intendedStart: c.intendedStart }));
      expect(change.earliestStart).toBe(c.intendedStart);
      for (const notice of await noticesOf(w.t, change.id)) {
        expect(notice.lastDay).toBe(c.lastDay);
        expect(notice.closesAt).toBe(c.closesAt);
      }
    });
  }
});

describe("every contract clock of an agreement", () => {
  it("runs the audit notice, deletion-or-return and terms-change clocks from a given instant by the same rules", async () => {
    const w = await changeWorld();
    // The contract ends on Tuesday 31 March 2026 at 17:00 in Brussels (summer time since 29 March).
    const response = await w.t.request("GET", `/api/v1/agreements/CF-DPA-2024-001/clocks?from=2026-03-31T15:00:00Z`, {
      token: "read-only",
    });
    expect(response.status).toBe(200);
    const { deadlines } = await bodyOf<{ deadlines: { clock: string; lastDay: string; movedFrom: string | null; closesAt: string }[] }>(
      response,
    );
    const byClock = Object.fromEntries(deadlines.map((d) => [d.clock, d]));
    expect(Object.keys(byClock).sort()).toEqual(["auditNotice", "deletionOrReturn", "subProcessorNotice", "termsChangeObjection"]);
    // 15 days: Wednesday 15 April 2026.
    expect(byClock.auditNotice).toMatchObject({ lastDay: "2026-04-15", movedFrom: null, closesAt: "2026-04-15T22:00:00.000Z" });
    // 3 months from 31 March: June has no 31st, so the period ends on its last day, Tuesday 30 June.
    expect(byClock.deletionOrReturn).toMatchObject({ lastDay: "2026-06-30", movedFrom: null });
    // 2 months: 31 May 2026 is a Sunday, so Monday 1 June.
    expect(byClock.termsChangeObjection).toMatchObject({ lastDay: "2026-06-01", movedFrom: "2026-05-31" });
  });

  it("refuses a clock the agreement does not have and a malformed instant, and answers 404 for an unknown agreement", async () => {
    const w = await changeWorld();
    expect((await w.t.request("GET", "/api/v1/agreements/CF-DPA-2024-001/clocks?clock=exportWindow")).status).toBe(422);
    expect((await w.t.request("GET", "/api/v1/agreements/CF-DPA-2024-001/clocks?from=2026-02-30T10:00:00Z")).status).toBe(422);
    expect((await w.t.request("GET", "/api/v1/agreements/CF-DPA-1999-999/clocks")).status).toBe(404);
  });
});
