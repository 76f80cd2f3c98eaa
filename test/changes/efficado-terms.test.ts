// A change of the terms announced through the same notices, signed links and objections as a
// sub-processor change. Efficado's terms, art. 1.3: a change is deemed accepted unless the customer
// objects in writing within 14 days of the notice. Run under several host time zones by `npm test`.
import { describe, expect, it } from "vitest";
import { outbox } from "../../db/schema.ts";
import { makeAdminUi } from "../helpers/admin-ui.ts";
import { runLifecycle } from "../helpers/changes.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { bodyOf } from "../helpers/test-app.ts";
import { readIcs } from "../feeds/ics-reader.ts";
import {
  CUSTOMERS,
  detailOf,
  efficadoWorld,
  LAST_DAY_2330,
  type TermsChange,
  termsChange,
  versionOf,
  WINDOW_CLOSED,
} from "./efficado-world.ts";

describe("the Efficado case: a change of the terms, 14 days to object", () => {
  it("gives each agreement its window, takes an objection on the last day as on time and one after as late, and applies the change only where nobody objected in time", async () => {
    const w = await efficadoWorld();
    const ui = await makeAdminUi(w.store, w.clock);
    const response = await w.t.request("POST", "/api/v1/terms-changes", { body: termsChange() });
    expect(response.status, await response.clone().text()).toBe(201);
    const change = await bodyOf<TermsChange>(response);
    expect(change).toMatchObject({ status: "announced", earliestEffective: "2026-12-05", effectiveOn: "2026-12-07" });

    const announced = await detailOf(w.t, change.id);
    expect(announced.notices.map((l) => [l.agreementReference, l.notice.subject, l.notice.lastDay, l.notice.closesAt])).toEqual(
      CUSTOMERS.map((c) => [c.reference, "terms_change", "2026-12-04", WINDOW_CLOSED]),
    );
    const noticeOf = (reference: string) => announced.notices.find((l) => l.agreementReference === reference)?.notice.id as string;

    // One e-mail per customer, in its agreement's language, with its own objection link.
    const mails = (await w.store.db.select().from(outbox)).filter((m) => m.kind === "terms_notice");
    expect(mails.map((m) => m.recipient).sort()).toEqual(CUSTOMERS.map((c) => c.email).sort());
    const mailTo = (email: string) => mails.find((m) => m.recipient === email);
    expect(mailTo("dpo@claes.example")?.subject).toContain("bezwaar tot 4 december 2026");
    expect(mailTo("dpo@claes.example")?.body).toContain("Facturen zijn voortaan betaalbaar binnen 30 dagen");
    expect(mailTo("dpo@lambert.example")?.subject).toContain("opposition jusqu’au 4 décembre 2026");
    expect(mailTo("dpo@harbour.example")?.body).toContain("https://efficado.example/terms/2027.1.pdf");
    expect(mailTo("dpo@harbour.example")?.body).toContain("Without a timely objection you are deemed to accept the new terms.");
    const linkOf = (email: string) => /http:\/\/localhost:3000(\/object\/\S+)/.exec(mailTo(email)?.body ?? "")?.[1] as string;

    // The calendar shows the window's end and the day the terms apply.
    const ics = await w.t.request("GET", `/feeds/deadlines.ics?token=${encodeURIComponent(w.t.tokens.calendar)}&lang=en`, { token: null });
    const events = readIcs(await ics.text()).events.filter((e) => e.uid.startsWith(`${change.id}-terms`));
    expect(events.map((e) => [e.props.get("DTSTART;VALUE=DATE"), e.summary])).toEqual([
      ["20261204", "Objection period ends: terms version 2027.1 (3 agreements)"],
      ["20261207", "Terms version 2027.1 takes effect"],
    ]);

    // Claes objects through its link at 23:30 on the last day: on time.
    w.clock.set(LAST_DAY_2330);
    const page = await ui.get(linkOf("dpo@claes.example"));
    const pageText = await page.text();
    expect(pageText).toContain("Bezwaar maken tegen een wijziging van de voorwaarden");
    expect(pageText).toContain("Nieuwe versie van de voorwaarden");
    expect(pageText).toContain("Vandaag is de laatste dag.");
    const objected = await ui.post(
      linkOf("dpo@claes.example"),
      { grounds: "We cannot accept the new payment terms.", name: "Eva Claes", email: "eva@claes.example" },
      null,
    );
    expect(objected.status).toBe(200);
    const receipt = await objected.text();
    expect(receipt).toContain("tijdig");
    expect(receipt).toContain("de nieuwe voorwaarden gelden niet voor uw overeenkomst en u mag die opzeggen");
    const alert = (await w.store.db.select().from(outbox)).find((m) => m.kind === "objection_alert");
    // The DPO's alert is in the organisation's language (ClearFacts: Dutch), with the terms change's own wording.
    expect(alert?.subject).toBe("Bezwaar ontvangen van Bakkerij Claes BV (EFF-001): voorwaarden versie 2027.1");
    expect(alert?.body).toContain(
      "Bij een tijdig bezwaar blijven de huidige voorwaarden gelden voor deze overeenkomst en mag de klant opzeggen",
    );

    // Lambert's letter arrives one second after the window closed: recorded, flagged late.
    w.clock.set("2026-12-05T08:00:00.000Z");
    const late = await w.t.request("POST", `/api/v1/change-notices/${noticeOf("EFF-002")}/objections`, {
      body: { grounds: "Nous refusons.", receivedAt: "2026-12-05T00:00:01+01:00", channel: "letter" },
    });
    expect(late.status, await late.clone().text()).toBe(201);
    expect(await bodyOf(late)).toMatchObject({ onTime: false, channel: "letter" });

    // The dashboard sums it up: three customers told, the last day to object, the day it applies, one objection in time and one late.
    const dashboard = await (await ui.get("/admin", await ui.signIn("read-only"))).text();
    expect(dashboard).toContain(
      `<td><a href="/admin/terms-changes/${change.id}">Terms version 2027.1</a></td><td>3</td><td>4 December 2026</td><td>7 December 2026</td><td>1 / 1</td>`,
    );
    // Both objections await the DPO's decision, each linked to the terms change.
    expect(dashboard).toContain("<h3>Objections awaiting a decision (2)</h3>");
    expect(dashboard).toContain(
      `<td>Bakkerij Claes BV</td><td>EFF-001</td>\n<td><a href="/admin/terms-changes/${change.id}">Terms version 2027.1</a></td>`,
    );

    // Nothing applies before the effective day begins in Brussels.
    w.clock.set("2026-12-06T22:59:59.000Z");
    expect((await runLifecycle(w.t)).effective).not.toContain(change.id);
    expect(await versionOf(w.t, "EFF-003")).toBe("2024.1");

    w.clock.set("2026-12-06T23:00:00.000Z"); // midnight, 7 December, in Brussels
    expect((await runLifecycle(w.t)).effective).toContain(change.id);
    const done = await detailOf(w.t, change.id);
    expect(done.status).toBe("effective");
    expect(done.notices.map((l) => [l.agreementReference, l.notice.status, l.notice.outcome, l.mayTerminate])).toEqual([
      ["EFF-001", "closed", "excluded", true],
      ["EFF-002", "closed", "applies", false],
      ["EFF-003", "closed", "applies", false],
    ]);
    expect([await versionOf(w.t, "EFF-001"), await versionOf(w.t, "EFF-002"), await versionOf(w.t, "EFF-003")]).toEqual([
      "2024.1",
      "2027.1",
      "2027.1",
    ]);
    // Each agreement's move is in its audit trail, with the terms change named.
    const trail = await bodyOf<{ items: { action: string; entityType: string; reason: string | null }[] }>(
      await w.t.request("GET", `/api/v1/audit?entityType=agreement&limit=500`, { token: "admin" }),
    );
    expect(trail.items.filter((e) => e.reason === `terms change ${change.id}`)).toHaveLength(2);
    const effective = (await w.store.db.select().from(outbox)).find((m) => m.kind === "terms_effective");
    expect(effective?.body).toContain("Overeenkomsten nu onder de nieuwe voorwaarden: 2.");
    expect(effective?.body).toContain("Klanten die tijdig bezwaar maakten (zij behouden de huidige voorwaarden en mogen opzeggen): 1.");

    // Claes' link now says the old terms stay and that it may terminate; running again does nothing twice.
    const closed = await (await ui.get(linkOf("dpo@claes.example"))).text();
    expect(closed).toContain("U maakte tijdig bezwaar: de huidige voorwaarden blijven gelden voor uw overeenkomst en u mag die opzeggen.");
    const before = await snapshot(w.store);
    expect((await runLifecycle(w.t)).effective).toEqual([]);
    expect(await snapshot(w.store)).toEqual(before);
  });

  it("refuses a change effective before its earliest allowed date, and changes nothing", async () => {
    const w = await efficadoWorld();
    const before = await snapshot(w.store);
    const response = await w.t.request("POST", "/api/v1/terms-changes", { body: termsChange({ effectiveOn: "2026-12-04" }) });
    expect(response.status).toBe(422);
    const problem = await bodyOf<{ detail: string; errors: { field: string; message: string }[] }>(response);
    expect(problem.errors.map(({ field, message }) => ({ field, message }))).toEqual([
      {
        field: "effectiveOn",
        message:
          "The new terms may apply from 2026-12-05 at the earliest: the window of agreement EFF-001 runs until the end of 2026-12-04 (Europe/Brussels).",
      },
    ]);
    expect(await snapshot(w.store)).toEqual(before);

    // Nor can the version of an agreement in force be edited past its customer: only a terms change moves it.
    const edited = await w.t.request("PATCH", "/api/v1/agreements/EFF-001", { body: { version: "2027.1" } });
    expect(edited.status).toBe(422);
    expect((await bodyOf<{ errors: { field: string; message: string }[] }>(edited)).errors.map((e) => e.field)).toEqual(["version"]);
    expect(await snapshot(w.store)).toEqual(before);

    // Proposed first and announced later: the same rule, counted from the day it is announced.
    const proposed = await bodyOf<TermsChange>(
      await w.t.request("POST", "/api/v1/terms-changes", { body: termsChange({ announce: false, effectiveOn: "2026-12-01" }) }),
    );
    expect(proposed.status).toBe("proposed");
    const proposedOnly = await snapshot(w.store);
    const tooEarly = await w.t.request("POST", `/api/v1/terms-changes/${proposed.id}/announce`, { body: {} });
    expect(tooEarly.status).toBe(422);
    expect(await snapshot(w.store)).toEqual(proposedOnly);
    const announced = await w.t.request("POST", `/api/v1/terms-changes/${proposed.id}/announce`, { body: { effectiveOn: "2026-12-05" } });
    expect(announced.status, await announced.clone().text()).toBe(200);
  });

  it("refuses agreements without a terms-change clock, unknown agreements and documents that are not web addresses, and changes nothing", async () => {
    const w = await efficadoWorld();
    const before = await snapshot(w.store);
    const fieldsOf = async (response: Response) => {
      expect(response.status).toBe(422);
      return (await bodyOf<{ errors: { field: string; message: string }[] }>(response)).errors.map(({ field, message }) => ({
        field,
        message,
      }));
    };
    // The demo agreements count two months (ClearFacts art. 11); Officient-style agreements without the clock cannot be told.
    const created = await w.t.request("POST", "/api/v1/agreements", {
      body: {
        customerId: (await bodyOf<{ customerId: string }>(await w.t.request("GET", "/api/v1/agreements/EFF-001"))).customerId,
        reference: "EFF-004",
        version: "2024.1",
        signedOn: "2024-06-01",
        language: "nl",
        authorisation: "general",
        clocks: { subProcessorNotice: { length: 30, unit: "calendar_days" } },
        governingCountry: "BE",
        timeZone: "Europe/Brussels",
        status: "active",
        activityIds: [w.maintenance],
      },
    });
    expect(created.status).toBe(201);
    const withClockless = await snapshot(w.store);
    expect(
      await fieldsOf(await w.t.request("POST", "/api/v1/terms-changes", { body: termsChange({ agreementIds: ["EFF-001", "EFF-004"] }) })),
    ).toEqual([
      {
        field: "agreementIds",
        message: "Agreement EFF-004 has no terms-change clock (termsChangeObjection): record how long its customer has to object first.",
      },
    ]);
    expect(
      (await fieldsOf(await w.t.request("POST", "/api/v1/terms-changes", { body: termsChange({ agreementIds: ["EFF-009"] }) })))[0],
    ).toEqual({
      field: "agreementIds",
      message: 'No agreement with id or reference "EFF-009".',
    });
    const script = await w.t.request("POST", "/api/v1/terms-changes", {
      body: termsChange({ documents: [{ title: "Terms", url: "javascript:alert(1)" }] }),
    });
    expect((await fieldsOf(script)).map((e) => e.field)).toEqual(["documents.0.url"]);
    expect(await snapshot(w.store)).toEqual(withClockless);
    expect(Object.keys(withClockless)).toEqual(Object.keys(before));
  });

  it("withdrawn, it closes every notice, tells each customer in its language, and its links take nothing more", async () => {
    const w = await efficadoWorld();
    const ui = await makeAdminUi(w.store, w.clock);
    const change = await bodyOf<TermsChange>(await w.t.request("POST", "/api/v1/terms-changes", { body: termsChange() }));
    const link = /http:\/\/localhost:3000(\/object\/\S+)/.exec(
      (await w.store.db.select().from(outbox)).find((m) => m.recipient === "dpo@lambert.example")?.body ?? "",
    )?.[1] as string;
    const withdrawn = await w.t.request("POST", `/api/v1/terms-changes/${change.id}/withdraw`, { body: { reason: "Rédaction revue." } });
    expect(withdrawn.status).toBe(200);
    const detail = await detailOf(w.t, change.id);
    expect(detail.status).toBe("withdrawn");
    expect(detail.notices.every((l) => l.notice.status === "closed" && l.notice.outcome === "excluded")).toBe(true);
    const told = (await w.store.db.select().from(outbox)).filter((m) => m.kind === "terms_withdrawn");
    expect(told.map((m) => m.recipient).sort()).toEqual(CUSTOMERS.map((c) => c.email).sort());
    expect(told.find((m) => m.recipient === "dpo@lambert.example")?.body).toContain("Vos conditions actuelles restent en vigueur.");
    const page = await (await ui.get(link)).text();
    expect(page).toContain("Cette notification est close");
    const before = await snapshot(w.store);
    const refused = await ui.post(link, { grounds: "Non.", name: "A. Lambert", email: "a@lambert.example" }, null);
    expect(refused.status).toBe(409);
    expect(await snapshot(w.store)).toEqual(before);
    const again = await w.t.request("POST", `/api/v1/terms-changes/${change.id}/withdraw`, { body: { reason: "Twice." } });
    expect(again.status).toBe(409);
  });
});
