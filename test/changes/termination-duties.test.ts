// The end of an agreement starts the duties its clocks promise (Officient's terms: accounts
// deactivated within 5 working days, data exportable for 14 calendar days). Run under several host
// time zones by `npm test`: the due dates must not move with the host's zone.
import { describe, expect, it } from "vitest";
import { deliverDueMessages } from "../../src/core/outbox/deliver-outbox.ts";
import { createSmtpMailer } from "../../src/platform/node/smtp-mailer.ts";
import { makeAdminUi } from "../helpers/admin-ui.ts";
import { changeWorld, runLifecycle } from "../helpers/changes.ts";
import { stopStartedAfterEach } from "../helpers/cleanup.ts";
import { startSmtpSink } from "../helpers/smtp.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { bodyOf, type TestApp } from "../helpers/test-app.ts";
import { readIcs } from "../feeds/ics-reader.ts";

stopStartedAfterEach();

/** Friday 26 March 2027, 10:00 in Brussels; Monday 29 March is Easter Monday, a Belgian public holiday. */
const FRIDAY = "2027-03-26T09:00:00.000Z";

interface Duty {
  id: string;
  kind: string;
  lastDay: string;
  dueAt: string;
  status: string;
  owner: string | null;
  onTime: boolean | null;
  revision: number;
}

/** The ClearFacts demo register plus Officient as a customer, with Officient's post-termination clocks. */
async function officientWorld() {
  const w = await changeWorld(FRIDAY);
  const customer = await created(w.t, "/api/v1/customers", {
    legalName: "Officient NV",
    address: { street: "Sluisweg 1", postalCode: "9000", city: "Gent", country: "BE" },
    contact: { name: "Privacy Officient", email: "privacy@officient.example" },
    language: "nl",
  });
  const agreement = await created(w.t, "/api/v1/agreements", {
    customerId: customer.id,
    reference: "OFF-DPA-2025",
    version: "2025.1",
    signedOn: "2025-01-15",
    language: "nl",
    authorisation: "general",
    clocks: {
      subProcessorNotice: { length: 30, unit: "calendar_days" },
      accountDeactivation: { length: 5, unit: "working_days" },
      exportWindow: { length: 14, unit: "calendar_days" },
    },
    governingCountry: "BE",
    timeZone: "Europe/Brussels",
    status: "active",
    activityIds: [w.maintenance],
  });
  return { ...w, agreement };
}

async function created(t: TestApp, path: string, body: unknown): Promise<{ id: string }> {
  const response = await t.request("POST", path, { body });
  expect(response.status, await response.clone().text()).toBe(201);
  return bodyOf<{ id: string }>(response);
}

async function terminate(t: TestApp, agreement: string, body: unknown): Promise<Response> {
  return t.request("POST", `/api/v1/agreements/${agreement}/termination`, { body });
}

describe("terminating an agreement starts the duties its clocks promise", () => {
  it("the Officient case: counted past Easter Monday, shown on the dashboard, in the calendar and in a reminder e-mail", async () => {
    const w = await officientWorld();
    const response = await terminate(w.t, "OFF-DPA-2025", { endedOn: "2027-03-26", reason: "Customer left", owner: "Ops team" });
    expect(response.status, await response.clone().text()).toBe(201);
    const result = await bodyOf<{ agreement: { status: string; endedOn: string; revision: number }; obligations: Duty[] }>(response);
    expect(result.agreement).toMatchObject({ status: "terminated", endedOn: "2027-03-26", revision: 2 });
    // 5 working days after Friday 26 March: Easter Monday does not count, so Tuesday 30 March is the first.
    // 14 calendar days after it: Friday 9 April. Each ends at midnight in Brussels (CEST, UTC+2).
    expect(result.obligations.map((d) => [d.kind, d.lastDay, d.dueAt, d.status, d.owner])).toEqual([
      ["account_deactivation", "2027-04-05", "2027-04-05T22:00:00.000Z", "open", "Ops team"],
      ["data_export", "2027-04-09", "2027-04-09T22:00:00.000Z", "open", "Ops team"],
    ]);
    const [deactivation, exportWindow] = result.obligations as [Duty, Duty];

    const agreement = await bodyOf<{ status: string; endedOn: string }>(await w.t.request("GET", "/api/v1/agreements/OFF-DPA-2025"));
    expect([agreement.status, agreement.endedOn]).toEqual(["terminated", "2027-03-26"]);

    // The dashboard lists both as due within 30 days.
    const ui = await makeAdminUi(w.store, w.clock);
    const session = await ui.signIn("read-only");
    const dashboard = await (await ui.get("/admin", session)).text();
    const duties = dashboard.slice(dashboard.indexOf("<h2>Duties falling due</h2>"), dashboard.indexOf("<h2>Changes taking effect</h2>"));
    expect(duties).toContain("No duty is overdue.");
    expect(duties).toContain(`<a href="/admin/obligations/${deactivation.id}">Deactivate the customer&#39;s accounts</a>`);
    expect(duties).toContain("5 April 2027");
    expect(duties).toContain("9 April 2027");
    expect(duties).toContain("Officient NV");

    // The calendar has an event on each last day.
    const ics = await w.t.request("GET", `/feeds/deadlines.ics?token=${encodeURIComponent(w.t.tokens.calendar)}&lang=en`, { token: null });
    const events = readIcs(await ics.text()).events.filter((e) => e.uid.startsWith("obligation-"));
    expect(events.map((e) => [e.uid, e.props.get("DTSTART;VALUE=DATE"), e.summary])).toEqual([
      [`obligation-${deactivation.id}@dpa-register`, "20270405", "Deactivation of the customer's accounts: OFF-DPA-2025 (Officient NV)"],
      [`obligation-${exportWindow.id}@dpa-register`, "20270409", "End of the customer's data export window: OFF-DPA-2025 (Officient NV)"],
    ]);
    expect(events[0]?.description.split("\n")).toEqual([
      "Last day (until the end of the day, Europe/Brussels time), 5 working days after agreement OFF-DPA-2025 ended on 26 March 2027.",
      "Responsible: Ops team",
      `Obligation ${deactivation.id}`,
    ]);

    // No reminder yet; three days before the deactivation's last day, one, in the DPO's language (Dutch).
    expect((await runLifecycle(w.t)).duties.reminded).toEqual([]);
    w.clock.set("2027-04-02T07:00:00.000Z");
    expect((await runLifecycle(w.t)).duties.reminded).toEqual([deactivation.id]);
    expect((await runLifecycle(w.t)).duties.reminded).toEqual([]);
    const sink = await startSmtpSink();
    const mailer = createSmtpMailer({ url: sink.url, from: "register@dpa.example" });
    await deliverDueMessages({ store: w.store, mailer, clock: w.clock });
    const [mail] = (await sink.waitForMessages(1)).filter((m) => m.subject?.includes("OFF-DPA-2025"));
    expect(mail?.subject).toBe(
      "Herinnering: Deactivering van de accounts van de klant, overeenkomst OFF-DPA-2025 (Officient NV), laatste dag 5 april 2027",
    );
    expect(mail?.text).toContain(
      "de laatste dag is 5 april 2027 (tot het einde van de dag, tijdzone Europe/Brussels), 5 werkdagen na het einde.",
    );
    expect(mail?.text).toContain("Verantwoordelijke: Ops team.");
    expect(mail?.text).toContain(`verplichting ${deactivation.id}`);
  });

  it("shows a duty overdue once its last day has ended, and records it done with its evidence, late", async () => {
    const w = await officientWorld();
    const { obligations } = await bodyOf<{ obligations: Duty[] }>(await terminate(w.t, "OFF-DPA-2025", { endedOn: "2027-03-26" }));
    const deactivation = obligations[0] as Duty;
    w.clock.set("2027-04-05T21:59:59.000Z");
    expect((await bodyOf<Duty>(await w.t.request("GET", `/api/v1/obligations/${deactivation.id}`))).status).toBe("open");
    w.clock.set("2027-04-05T22:00:00.000Z");
    expect((await bodyOf<Duty>(await w.t.request("GET", `/api/v1/obligations/${deactivation.id}`))).status).toBe("overdue");
    const overdue = await bodyOf<{ items: Duty[] }>(await w.t.request("GET", "/api/v1/obligations?status=overdue"));
    expect(overdue.items.map((d) => d.id)).toEqual([deactivation.id]);

    const ui = await makeAdminUi(w.store, w.clock);
    const dashboard = await (await ui.get("/admin", await ui.signIn("read-only"))).text();
    const section = dashboard.slice(dashboard.indexOf("<h3>Overdue</h3>"), dashboard.indexOf("<h3>Due within"));
    expect(section).toContain(`/admin/obligations/${deactivation.id}`);
    expect(section).toContain("Overdue");

    const done = await w.t.request("POST", `/api/v1/obligations/${deactivation.id}/completion`, {
      body: { evidence: { reference: "JIRA-4411", note: "Accounts disabled in the console" } },
    });
    expect(done.status, await done.clone().text()).toBe(200);
    expect(await bodyOf(done)).toMatchObject({
      status: "done",
      onTime: false,
      doneAt: "2027-04-05T22:00:00.000Z",
      evidence: { reference: "JIRA-4411", date: "2027-04-06", note: "Accounts disabled in the console" },
      closedBy: "test admin",
    });
    const again = await w.t.request("POST", `/api/v1/obligations/${deactivation.id}/waiver`, { body: { reason: "Not needed" } });
    expect(again.status).toBe(409);

    const verification = await w.t.request("POST", "/api/v1/verifications");
    expect(await bodyOf(verification)).toMatchObject({ ok: true, problems: [] });
  });

  it("refuses bad input with a clear 4xx and changes nothing", async () => {
    const w = await officientWorld();
    const before = await snapshot(w.store);
    const fields = async (response: Response) => (await bodyOf<{ errors?: { field: string }[] }>(response)).errors?.map((e) => e.field);

    const early = await terminate(w.t, "OFF-DPA-2025", { endedOn: "2024-12-31" });
    expect(early.status).toBe(422);
    expect(await fields(early)).toEqual(["endedOn"]);
    expect((await terminate(w.t, "OFF-DPA-2025", { endedOn: "26/03/2027" })).status).toBe(422);
    expect((await terminate(w.t, "OFF-DPA-2025", {})).status).toBe(422);
    const direct = await w.t.request("PATCH", "/api/v1/agreements/OFF-DPA-2025", { body: { status: "terminated", endedOn: "2027-03-26" } });
    expect(direct.status).toBe(422);
    expect((await fields(direct))?.sort()).toEqual(["endedOn", "status"]);
    expect(await snapshot(w.store)).toEqual(before);

    const draft = await created(w.t, "/api/v1/agreements", {
      customerId: (await bodyOf<{ customerId: string }>(await w.t.request("GET", "/api/v1/agreements/OFF-DPA-2025"))).customerId,
      reference: "OFF-DRAFT",
      version: "1",
      language: "nl",
      authorisation: "general",
      clocks: { subProcessorNotice: { length: 30, unit: "calendar_days" } },
      status: "draft",
    });
    const afterDraft = await snapshot(w.store);
    expect((await terminate(w.t, draft.id, { endedOn: "2027-03-26" })).status).toBe(409);
    expect(await snapshot(w.store)).toEqual(afterDraft);

    const { obligations } = await bodyOf<{ obligations: Duty[] }>(await terminate(w.t, "OFF-DPA-2025", { endedOn: "2027-03-26" }));
    const ended = await snapshot(w.store);
    expect((await terminate(w.t, "OFF-DPA-2025", { endedOn: "2027-03-27" })).status).toBe(409);
    const duty = obligations[0] as Duty;
    const future = await w.t.request("POST", `/api/v1/obligations/${duty.id}/completion`, {
      body: { evidence: { reference: "X" }, doneAt: "2027-05-01T00:00:00Z" },
    });
    expect([future.status, await fields(future)]).toEqual([422, ["doneAt"]]);
    const before26 = await w.t.request("POST", `/api/v1/obligations/${duty.id}/completion`, {
      body: { evidence: { reference: "X", date: "2027-03-20" } },
    });
    expect([before26.status, await fields(before26)]).toEqual([422, ["evidence.date"]]);
    const noEvidence = await w.t.request("POST", `/api/v1/obligations/${duty.id}/completion`, { body: {} });
    expect(noEvidence.status).toBe(422);
    const noReason = await w.t.request("POST", `/api/v1/obligations/${duty.id}/waiver`, { body: { reason: " " } });
    expect(noReason.status).toBe(422);
    const stale = await w.t.request("POST", `/api/v1/obligations/${duty.id}/waiver`, {
      body: { reason: "Customer asked for return" },
      headers: { "if-match": '"7"' },
    });
    expect(stale.status).toBe(412);
    const readOnly = await w.t.request("POST", `/api/v1/obligations/${duty.id}/waiver`, { token: "read-only", body: { reason: "x" } });
    expect(readOnly.status).toBe(403);
    expect(await snapshot(w.store)).toEqual(ended);
  });
});
