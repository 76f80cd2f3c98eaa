// What a customer was told about a change of the terms holds: an objection in time keeps its terms
// (it cannot be overruled), an agreement that ended is left alone, one change at a time, and each
// agreement moves at the start of the day in its own zone. Run under several host time zones by `npm test`.
import { describe, expect, it } from "vitest";
import { outbox } from "../../db/schema.ts";
import { makeAdminUi } from "../helpers/admin-ui.ts";
import { runLifecycle } from "../helpers/changes.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { bodyOf } from "../helpers/test-app.ts";
import { CUSTOMERS, detailOf, efficadoWorld, FOURTEEN_DAYS, type TermsChange, termsChange, versionOf } from "./efficado-world.ts";

describe("the Efficado case: what a customer was told holds", () => {
  it("keeps its promise to a customer who objected in time: the objection cannot be overruled, only withdrawn by the customer", async () => {
    const w = await efficadoWorld();
    const change = await bodyOf<TermsChange>(await w.t.request("POST", "/api/v1/terms-changes", { body: termsChange() }));
    const notices = (await detailOf(w.t, change.id)).notices;
    const noticeOf = (reference: string) => notices.find((l) => l.agreementReference === reference)?.notice.id as string;
    const objectionOf = async (reference: string) => {
      const response = await w.t.request("POST", `/api/v1/change-notices/${noticeOf(reference)}/objections`, {
        body: { grounds: "No.", receivedAt: "2026-11-25T10:00:00Z", channel: "email" },
      });
      expect(response.status, await response.clone().text()).toBe(201);
      return bodyOf<{ id: string }>(response);
    };
    w.clock.set("2026-11-25T12:00:00.000Z");
    const claes = await objectionOf("EFF-001");
    const lambert = await objectionOf("EFF-002");
    const before = await snapshot(w.store);
    const overruled = await w.t.request("POST", `/api/v1/objections/${claes.id}/resolution`, {
      body: { resolution: "overruled", reason: "We need the new terms for everyone." },
    });
    expect(overruled.status).toBe(422);
    expect((await bodyOf<{ errors: { field: string; message: string }[] }>(overruled)).errors[0]?.message).toMatch(
      /^An objection received in time to a change of the terms cannot be overruled/,
    );
    expect(await snapshot(w.store)).toEqual(before);
    // Lambert withdraws its objection: the new terms apply to it after all.
    const withdrawn = await w.t.request("POST", `/api/v1/objections/${lambert.id}/resolution`, { body: { resolution: "withdrawn" } });
    expect(withdrawn.status).toBe(200);

    w.clock.set("2026-12-06T23:00:00.000Z");
    expect((await runLifecycle(w.t)).effective).toEqual([change.id]);
    const done = await detailOf(w.t, change.id);
    expect(done.notices.map((l) => [l.agreementReference, l.notice.outcome, l.mayTerminate])).toEqual([
      ["EFF-001", "excluded", true],
      ["EFF-002", "applies", false],
      ["EFF-003", "applies", false],
    ]);
  });

  it("leaves an agreement that ended before the day alone, refuses a second change of the terms under way, and keeps agreements in force out of draft", async () => {
    const w = await efficadoWorld();
    const ui = await makeAdminUi(w.store, w.clock);
    const change = await bodyOf<TermsChange>(await w.t.request("POST", "/api/v1/terms-changes", { body: termsChange() }));
    const before = await snapshot(w.store);
    const second = await w.t.request("POST", "/api/v1/terms-changes", {
      body: termsChange({ version: "2027.2", effectiveOn: "2027-01-15", agreementIds: ["EFF-003"] }),
    });
    expect(second.status).toBe(409);
    expect((await bodyOf<{ detail: string }>(second)).detail).toContain(
      `EFF-003 already have a change of the terms under way (${change.id})`,
    );
    expect(await snapshot(w.store)).toEqual(before);
    const toDraft = await w.t.request("PATCH", "/api/v1/agreements/EFF-003", { body: { status: "draft" } });
    expect(toDraft.status).toBe(422);
    expect((await bodyOf<{ errors: { field: string }[] }>(toDraft)).errors.map((e) => e.field)).toEqual(["status"]);
    expect(await snapshot(w.store)).toEqual(before);

    // The DPO takes Claes out of the change; Lambert's agreement ends before the day.
    const notices = (await detailOf(w.t, change.id)).notices;
    const claesNotice = notices.find((l) => l.agreementReference === "EFF-001")?.notice.id as string;
    const excluded = await w.t.request("POST", `/api/v1/change-notices/${claesNotice}/exclusion`, {
      body: { reason: "alternative_offered", note: "Keeps its 14-day payment term by side letter." },
    });
    expect(excluded.status, await excluded.clone().text()).toBe(200);
    const ended = await w.t.request("POST", "/api/v1/agreements/EFF-002/termination", { body: { endedOn: "2026-11-30" } });
    expect(ended.status, await ended.clone().text()).toBe(201);

    w.clock.set("2026-12-06T23:00:00.000Z");
    expect((await runLifecycle(w.t)).effective).toEqual([change.id]);
    const done = await detailOf(w.t, change.id);
    expect(done.notices.map((l) => [l.agreementReference, l.notice.outcome, l.mayTerminate])).toEqual([
      ["EFF-001", "excluded", false],
      ["EFF-002", "excluded", false],
      ["EFF-003", "applies", false],
    ]);
    expect(done.notices.find((l) => l.agreementReference === "EFF-002")?.notice.outcomeReason).toBe(
      "agreement no longer in force when the terms change took effect",
    );
    expect([await versionOf(w.t, "EFF-001"), await versionOf(w.t, "EFF-002"), await versionOf(w.t, "EFF-003")]).toEqual([
      "2024.1",
      "2024.1",
      "2027.1",
    ]);
    // Claes' link says it was taken out of this change of the terms, not that it objected.
    const link = /http:\/\/localhost:3000(\/object\/\S+)/.exec(
      (await w.store.db.select().from(outbox)).find((m) => m.recipient === "dpo@claes.example" && m.kind === "terms_notice")?.body ?? "",
    )?.[1] as string;
    const page = await (await ui.get(link)).text();
    expect(page).toContain("Uw overeenkomst werd buiten deze wijziging van de voorwaarden gehouden");
    expect(page).not.toContain("U maakte tijdig bezwaar");
  });

  it("moves each agreement at the start of the day in its own zone, and is effective once the last has moved", async () => {
    const w = await efficadoWorld();
    // A fourth customer whose agreement counts in New York time (6 hours behind Brussels in December).
    const customerId = (await bodyOf<{ customerId: string }>(await w.t.request("GET", "/api/v1/agreements/EFF-003"))).customerId;
    const created = await w.t.request("POST", "/api/v1/agreements", {
      body: {
        customerId,
        reference: "EFF-NY",
        version: "2024.1",
        signedOn: "2024-06-01",
        language: "en",
        authorisation: "general",
        clocks: { subProcessorNotice: { length: 30, unit: "calendar_days" }, termsChangeObjection: FOURTEEN_DAYS },
        governingCountry: "BE",
        timeZone: "America/New_York",
        status: "active",
        activityIds: [w.maintenance],
      },
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const change = await bodyOf<TermsChange>(
      await w.t.request("POST", "/api/v1/terms-changes", {
        body: termsChange({ agreementIds: [...CUSTOMERS.map((c) => c.reference), "EFF-NY"] }),
      }),
    );
    w.clock.set("2026-12-06T23:00:00.000Z"); // midnight in Brussels, 18:00 on 6 December in New York
    expect((await runLifecycle(w.t)).effective).toEqual([]);
    const midway = await detailOf(w.t, change.id);
    expect(midway.status).toBe("announced");
    expect(midway.notices.map((l) => [l.agreementReference, l.notice.status])).toEqual([
      ["EFF-001", "closed"],
      ["EFF-002", "closed"],
      ["EFF-003", "closed"],
      ["EFF-NY", "open"],
    ]);
    w.clock.set("2026-12-07T04:59:59.000Z");
    expect((await runLifecycle(w.t)).effective).toEqual([]);
    w.clock.set("2026-12-07T05:00:00.000Z"); // midnight in New York
    expect((await runLifecycle(w.t)).effective).toEqual([change.id]);
    expect(await versionOf(w.t, "EFF-NY")).toBe("2027.1");
    expect((await w.store.db.select().from(outbox)).filter((m) => m.kind === "terms_effective")).toHaveLength(1);
  });
});
