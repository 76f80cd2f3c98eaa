// A customer's audit of the processor (ClearFacts art. 13.5.8: 15 days' notice), measured against the
// agreement's audit clock. Run under several host time zones by `npm test`.
import { describe, expect, it } from "vitest";
import { changeWorld } from "../helpers/changes.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { bodyOf } from "../helpers/test-app.ts";
import { readIcs } from "../feeds/ics-reader.ts";

interface Audit {
  id: string;
  state: string;
  noticeLastDay: string | null;
  earliestStart: string;
  shortNotice: boolean;
  scheduledOn: string | null;
  earlierBecause: string | null;
}

const fields = async (response: Response) => (await bodyOf<{ errors?: { field: string }[] }>(response)).errors?.map((e) => e.field);

describe("audits by customers", () => {
  it("counts the notice by the agreement's audit clock, flags short notice and schedules earlier only with a reason", async () => {
    // Notice received Friday 20 November 2026, 10:00 in Brussels.
    const w = await changeWorld("2026-11-20T09:00:00.000Z");
    const requested = await w.t.request("POST", "/api/v1/agreements/CF-DPA-2024-001/audits", {
      body: { proposedStart: "2026-12-01", scope: "The hosting's ISO 27001 controls", auditor: "Audit BV" },
    });
    expect(requested.status, await requested.clone().text()).toBe(201);
    const audit = await bodyOf<Audit>(requested);
    // 15 calendar days from 20 November: Saturday 5 December, moved to Monday 7 December; the audit may start the day after.
    expect(audit).toMatchObject({
      state: "requested",
      noticePeriod: { length: 15, unit: "calendar_days" },
      noticeLastDay: "2026-12-07",
      earliestStart: "2026-12-08",
      shortNotice: true,
    });

    const before = await snapshot(w.store);
    const early = await w.t.request("POST", `/api/v1/customer-audits/${audit.id}/schedule`, { body: { scheduledOn: "2026-12-03" } });
    expect([early.status, await fields(early)]).toEqual([422, ["scheduledOn"]]);
    expect(await snapshot(w.store)).toEqual(before);
    const agreed = await w.t.request("POST", `/api/v1/customer-audits/${audit.id}/schedule`, {
      body: { scheduledOn: "2026-12-03", earlierBecause: "Both parties agreed by e-mail of 20 November" },
    });
    expect(agreed.status).toBe(200);
    expect(await bodyOf(agreed)).toMatchObject({
      state: "scheduled",
      scheduledOn: "2026-12-03",
      earlierBecause: "Both parties agreed by e-mail of 20 November",
    });

    const ics = await w.t.request("GET", `/feeds/deadlines.ics?token=${encodeURIComponent(w.t.tokens.calendar)}&lang=en`, { token: null });
    const events = readIcs(await ics.text()).events.filter((e) => e.uid.startsWith("customer-audit-"));
    expect(events.map((e) => [e.props.get("DTSTART;VALUE=DATE"), e.summary])).toEqual([
      ["20261203", "Audit by Boekhoudkantoor Peeters BV: CF-DPA-2024-001"],
    ]);

    const tooSoon = await w.t.request("POST", `/api/v1/customer-audits/${audit.id}/outcome`, {
      body: { completedOn: "2026-12-04", outcome: "No findings" },
    });
    expect([tooSoon.status, await fields(tooSoon)]).toEqual([422, ["completedOn"]]);
    w.clock.set("2026-12-05T09:00:00.000Z");
    const beforeStart = await w.t.request("POST", `/api/v1/customer-audits/${audit.id}/outcome`, {
      body: { completedOn: "2026-12-02", outcome: "No findings" },
    });
    expect([beforeStart.status, await fields(beforeStart)]).toEqual([422, ["completedOn"]]);
    const done = await w.t.request("POST", `/api/v1/customer-audits/${audit.id}/outcome`, {
      body: {
        completedOn: "2026-12-04",
        outcome: "Two minor findings on log retention; fixed by 31 January.",
        reportReference: "AUD-2026-17",
      },
    });
    expect(done.status).toBe(200);
    expect(await bodyOf(done)).toMatchObject({ state: "completed", completedOn: "2026-12-04", reportReference: "AUD-2026-17" });
    expect((await w.t.request("POST", `/api/v1/customer-audits/${audit.id}/cancellation`, { body: { reason: "x" } })).status).toBe(409);

    const inTime = await bodyOf<Audit>(
      await w.t.request("POST", "/api/v1/agreements/CF-DPA-2024-002/audits", {
        body: { proposedStart: "2027-01-11", scope: "Sub-processor contracts" },
      }),
    );
    expect(inTime.shortNotice).toBe(false);
    const cancelled = await w.t.request("POST", `/api/v1/customer-audits/${inTime.id}/cancellation`, {
      body: { reason: "The customer withdrew it" },
    });
    expect(await bodyOf(cancelled)).toMatchObject({ state: "cancelled", cancelReason: "The customer withdrew it" });

    const listed = await bodyOf<{ items: Audit[] }>(await w.t.request("GET", "/api/v1/customer-audits?agreementId=CF-DPA-2024-001"));
    expect(listed.items.map((a) => [a.id, a.state])).toEqual([[audit.id, "completed"]]);
    expect(await bodyOf(await w.t.request("POST", "/api/v1/verifications"))).toMatchObject({ ok: true, problems: [] });
  });

  it("refuses bad input with a clear 4xx and changes nothing", async () => {
    const w = await changeWorld("2026-11-20T09:00:00.000Z");
    const before = await snapshot(w.store);
    const ask = (agreement: string, body: unknown) => w.t.request("POST", `/api/v1/agreements/${agreement}/audits`, { body });
    const past = await ask("CF-DPA-2024-001", { proposedStart: "2026-11-19", scope: "x" });
    expect([past.status, await fields(past)]).toEqual([422, ["proposedStart"]]);
    const future = await ask("CF-DPA-2024-001", { proposedStart: "2026-12-20", scope: "x", requestedAt: "2026-11-21T09:00:00Z" });
    expect([future.status, await fields(future)]).toEqual([422, ["requestedAt"]]);
    const beforeSigning = await ask("CF-DPA-2024-001", { proposedStart: "2026-12-20", scope: "x", requestedAt: "2024-01-01T09:00:00Z" });
    expect([beforeSigning.status, await fields(beforeSigning)]).toEqual([422, ["requestedAt"]]);
    expect((await ask("CF-DPA-2024-001", { proposedStart: "2026-12-20" })).status).toBe(422);
    expect((await ask("NO-SUCH-DPA", { proposedStart: "2026-12-20", scope: "x" })).status).toBe(404);
    expect(
      (
        await w.t.request("POST", "/api/v1/agreements/CF-DPA-2024-001/audits", {
          token: "read-only",
          body: { proposedStart: "2026-12-20", scope: "x" },
        })
      ).status,
    ).toBe(403);
    expect(await snapshot(w.store)).toEqual(before);
  });
});
