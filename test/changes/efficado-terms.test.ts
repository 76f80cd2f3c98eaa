// A change of the terms announced through the same notices, signed links and objections as a
// sub-processor change. Efficado's terms, art. 1.3: a change is deemed accepted unless the customer
// objects in writing within 14 days of the notice. Run under several host time zones by `npm test`.
import { describe, expect, it } from "vitest";
import { outbox } from "../../db/schema.ts";
import { makeAdminUi } from "../helpers/admin-ui.ts";
import { changeWorld, runLifecycle } from "../helpers/changes.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { bodyOf, type TestApp } from "../helpers/test-app.ts";
import { readIcs } from "../feeds/ics-reader.ts";

/** Friday 20 November 2026, 10:00 in Brussels: the notice day. Fourteen calendar days later is Friday 4 December. */
const NOTICE = "2026-11-20T09:00:00.000Z";
/** The last instant of 4 December in Brussels (CET, UTC+1), and the first one after it. */
const LAST_DAY_2330 = "2026-12-04T22:30:00.000Z";
const WINDOW_CLOSED = "2026-12-04T23:00:00.000Z";
const FOURTEEN_DAYS = { length: 14, unit: "calendar_days" } as const;

interface TermsChange {
  id: string;
  status: string;
  version: string;
  effectiveOn: string;
  earliestEffective: string | null;
  agreementIds: string[];
}
interface NoticeLine {
  notice: {
    id: string;
    agreementId: string;
    subject: string;
    lastDay: string;
    closesAt: string;
    status: string;
    outcome: string;
    outcomeReason: string | null;
  };
  agreementReference: string;
  objections: { onTime: boolean; channel: string }[];
  mayTerminate: boolean;
}

const CUSTOMERS = [
  { reference: "EFF-001", legalName: "Bakkerij Claes BV", language: "nl", email: "dpo@claes.example" },
  { reference: "EFF-002", legalName: "Imprimerie Lambert SRL", language: "fr", email: "dpo@lambert.example" },
  { reference: "EFF-003", legalName: "Harbour Freight Ltd", language: "en", email: "dpo@harbour.example" },
] as const;

async function created(t: TestApp, path: string, body: unknown): Promise<{ id: string }> {
  const response = await t.request("POST", path, { body });
  expect(response.status, await response.clone().text()).toBe(201);
  return bodyOf<{ id: string }>(response);
}

/** The demo register plus three Efficado customers, each agreement with Efficado's 14-day terms-change clock. */
async function efficadoWorld() {
  const w = await changeWorld(NOTICE);
  for (const c of CUSTOMERS) {
    const customer = await created(w.t, "/api/v1/customers", {
      legalName: c.legalName,
      address: { street: "Kerkstraat 1", postalCode: "9000", city: "Gent", country: "BE" },
      contact: { name: `DPO ${c.legalName}`, email: c.email },
      language: c.language,
    });
    await created(w.t, "/api/v1/agreements", {
      customerId: customer.id,
      reference: c.reference,
      version: "2024.1",
      signedOn: "2024-06-01",
      language: c.language,
      authorisation: "general",
      clocks: { subProcessorNotice: { length: 30, unit: "calendar_days" }, termsChangeObjection: FOURTEEN_DAYS },
      governingCountry: "BE",
      timeZone: "Europe/Brussels",
      status: "active",
      activityIds: [w.maintenance],
    });
  }
  return w;
}

const termsChange = (overrides: Record<string, unknown> = {}) => ({
  version: "2027.1",
  summary: {
    en: "Invoices are now payable within 30 days instead of 14.",
    nl: "Facturen zijn voortaan betaalbaar binnen 30 dagen in plaats van 14.",
    fr: "Les factures sont désormais payables à 30 jours au lieu de 14.",
  },
  effectiveOn: "2026-12-07",
  documents: [{ title: "General terms 2027.1", url: "https://efficado.example/terms/2027.1.pdf" }],
  agreementIds: CUSTOMERS.map((c) => c.reference),
  announce: true,
  ...overrides,
});

async function detailOf(t: TestApp, id: string) {
  const response = await t.request("GET", `/api/v1/terms-changes/${id}`, { token: "read-only" });
  expect(response.status).toBe(200);
  return bodyOf<TermsChange & { notices: NoticeLine[] }>(response);
}

const versionOf = async (t: TestApp, reference: string) =>
  (await bodyOf<{ version: string }>(await t.request("GET", `/api/v1/agreements/${reference}`))).version;

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
      `<td><a href="/admin/terms-changes/${change.id}">Terms version 2027.1</a></td><td>3</td><td>2026-12-04</td><td>2026-12-07</td><td>1 / 1</td>`,
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
