import { describe, expect, it } from "vitest";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { announcedChanges } from "../../src/core/dashboard/announced-changes.ts";
import { makeAdminUi } from "../helpers/admin-ui.ts";
import { type ChangeWorld, changeWorld, noticesOf, ocrProposal, propose } from "../helpers/changes.ts";
import * as fixtures from "../helpers/fixtures.ts";
import { bodyOf } from "../helpers/test-app.ts";

/** The part of a page under one h2, up to the next h2. */
function section(page: string, heading: string): string {
  const start = page.indexOf(`<h2>${heading}`);
  expect(start, `section "${heading}"`).toBeGreaterThan(-1);
  const end = page.indexOf("<h2", start + 4);
  return page.slice(start, end === -1 ? undefined : end);
}

/** The table rows of a piece of page that contain `needle`. */
const rowsWith = (html: string, needle: string) => html.split("<tr>").filter((row) => row.includes(needle));

async function announced(w: ChangeWorld) {
  const change = await propose(w.t, ocrProposal(w.maintenance));
  const notices = await noticesOf(w.t, change.id);
  const of = (reference: string) => notices.find((n) => n.agreementId === w.agreements[reference]) as (typeof notices)[number];
  return { change, peeters: of("CF-DPA-2024-001"), dupont: of("CF-DPA-2024-002"), janssens: of("CF-DPA-2025-003") };
}

async function object(w: ChangeWorld, noticeId: string) {
  const response = await w.t.request("POST", `/api/v1/change-notices/${noticeId}/objections`, {
    token: "editor",
    body: { grounds: "We audited our vendors; this one we did not." },
  });
  expect(response.status).toBe(201);
  return bodyOf<{ id: string; onTime: boolean }>(response);
}

const uis = new WeakMap<ChangeWorld, Awaited<ReturnType<typeof makeAdminUi>>>();

/** The admin UI over a world, made once (it adds one user per role). */
async function uiOf(w: ChangeWorld) {
  const ui = uis.get(w) ?? (await makeAdminUi(w.store, w.clock));
  uis.set(w, ui);
  return ui;
}

/** The dashboard as a user of `role` sees it now (signed in afresh, as the clock may have moved past a session's life). */
async function dashboard(w: ChangeWorld, role: "admin" | "editor" | "read-only" = "admin") {
  const ui = await uiOf(w);
  const response = await ui.get("/admin", await ui.signIn(role));
  expect(response.status).toBe(200);
  return response.text();
}

describe("the dashboard", () => {
  it("shows an announced change's objection window with the days left counted on the agreement's calendar", async () => {
    const w = await changeWorld();
    const { change } = await announced(w);
    // Notice on Friday 20 November 2026; 15 calendar days end on Saturday 5 December, moved to Monday
    // 7 December (Europe/Brussels). At 23:30 UTC on 30 November it is already 00:30 on 1 December in
    // Brussels, so 7 - 1 = 6 days are left (counting in UTC would say 7).
    w.clock.set("2026-11-30T23:30:00.000Z");
    const page = await dashboard(w);
    const [row, ...others] = rowsWith(section(page, "Open objection windows"), `/admin/changes/${change.id}`);
    expect(others).toEqual([]);
    expect(row).toContain("Klippa OCR GmbH: new sub-processor");
    expect(row).toContain("8 December 2026"); // intended start
    expect(row).toContain("7 December 2026");
    expect(row).toContain("closes 7 December 2026, 23:00 UTC, Europe/Brussels");
    const cells = (row ?? "").split("<td>").map((cell) => cell.replace(/<[^>]+>/g, "").trim());
    expect(cells.slice(4)).toEqual(["6 days", "3", "0"]);
  });

  it("says 'last day today' on the last day in Brussels, and drops the window once it has closed", async () => {
    const w = await changeWorld();
    const { change } = await announced(w);
    w.clock.set("2026-12-07T22:59:00.000Z"); // 23:59 on 7 December in Brussels
    expect(rowsWith(section(await dashboard(w), "Open objection windows"), change.id)[0]).toContain("last day today");
    w.clock.set("2026-12-07T23:00:00.000Z"); // midnight: the window has closed
    expect(section(await dashboard(w), "Open objection windows")).toContain("No objection window is open.");
  });

  it("lists objections awaiting a decision, the late one flagged, and the unanswered authorisation request", async () => {
    const w = await changeWorld();
    const { change, peeters, dupont } = await announced(w);
    w.clock.set("2026-12-07T22:30:00.000Z"); // 23:30 on the last day in Brussels: on time
    const onTime = await object(w, peeters.id);
    w.clock.set("2026-12-07T23:30:00.000Z"); // 00:30 the next day: late
    const late = await object(w, dupont.id);
    expect([onTime.onTime, late.onTime]).toEqual([true, false]);

    const page = await dashboard(w, "read-only");
    const awaiting = section(page, "Awaiting a decision");
    expect(awaiting).toContain("Objections awaiting a decision (2)");
    const [peetersRow] = rowsWith(awaiting, `/admin/objections/${onTime.id}`);
    expect(peetersRow).toContain("Boekhoudkantoor Peeters BV");
    expect(peetersRow).toContain("CF-DPA-2024-001");
    expect(peetersRow).toContain("7 December 2026, 22:30 UTC");
    expect(peetersRow).toContain('<span class="badge ok">on time</span>');
    expect(peetersRow).not.toContain("badge late");
    const [dupontRow] = rowsWith(awaiting, `/admin/objections/${late.id}`);
    expect(dupontRow).toContain("Fiduciaire Dupont SRL");
    expect(dupontRow).toContain('<span class="badge late">late</span>');
    // Janssens (option 1) was asked for an authorisation and has not answered.
    expect(awaiting).toContain("Authorisation requests awaiting an answer (1)");
    expect(rowsWith(awaiting, "Accountancy Janssens &amp; Co NV")[0]).toContain("7 December 2026");

    // The on-time objection blocks the change; the window column counts both objections, one late.
    const held = section(page, "Changes taking effect");
    const [blocked] = rowsWith(held, `/admin/changes/${change.id}`);
    expect(blocked).toContain('<span class="badge blocked">blocked</span>');
    expect(blocked).toContain("1 objection received in time, undecided; 1 authorisation awaited");
  });

  it("shows a change that takes effect within 14 days once nothing holds it up", async () => {
    const w = await changeWorld();
    const { change, janssens } = await announced(w);
    const granted = await w.t.request("POST", `/api/v1/change-notices/${janssens.id}/authorisation`, {
      token: "editor",
      body: { decision: "granted" },
    });
    expect(granted.status).toBe(200);
    // 30 November (Brussels) to 8 December, the intended start: 8 days.
    w.clock.set("2026-11-30T10:00:00.000Z");
    const [row] = rowsWith(section(await dashboard(w), "Changes taking effect"), `/admin/changes/${change.id}`);
    expect(row).toContain("8 December 2026");
    expect(row).toContain("8 days");
  });

  it("agrees with the change's own verdict (change-state.ts) at every step of its life", async () => {
    const w = await changeWorld();
    const { change, peeters, janssens } = await announced(w);
    const ctx = makeCtx(w.store, SYSTEM_ACTOR, w.clock);
    const compare = async (expected: string) => {
      const api = await bodyOf<{ verdict: string; startsAt: string }>(
        await w.t.request("GET", `/api/v1/sub-processor-changes/${change.id}`),
      );
      const [mine] = await announcedChanges(ctx);
      expect({ verdict: mine?.verdict, startsAt: mine?.startsAt }).toEqual({ verdict: api.verdict, startsAt: api.startsAt });
      expect(api.verdict).toBe(expected);
    };
    await compare("awaiting_authorisation");
    await w.t.request("POST", `/api/v1/change-notices/${janssens.id}/authorisation`, { token: "editor", body: { decision: "granted" } });
    await compare("pending");
    const objection = await object(w, peeters.id);
    await compare("blocked");
    const resolved = await w.t.request("POST", `/api/v1/objections/${objection.id}/resolution`, {
      token: "admin",
      body: { resolution: "overruled", reason: "Vendor is ISO 27001 certified." },
    });
    expect(resolved.status).toBe(200);
    await compare("pending");
    w.clock.set("2026-12-07T23:00:00.000Z");
    await compare("due");
  });

  it("summarises completeness warnings per document with a link to the findings", async () => {
    const w = await changeWorld();
    const customer = await bodyOf<{ id: string }>(await w.t.request("POST", "/api/v1/customers", { body: fixtures.customer() }));
    const created = await w.t.request("POST", "/api/v1/agreements", {
      body: { ...fixtures.agreement(customer.id, [w.maintenance], "CF-DPA-2026-099"), signedOn: null, status: "active" },
    });
    expect(created.status).toBe(201);
    const agreement = await bodyOf<{ id: string }>(created);
    const warnings = section(await dashboard(w), "Completeness warnings");
    expect(warnings).toMatch(/1 of \d+ documents lack content the law asks for/);
    expect(warnings).toContain(`<a href="/admin/documents#findings-annex-${agreement.id}">Annex CF-DPA-2026-099: 1 finding</a>`);
    // In the annex's own language, the agreement's (Dutch).
    // The annex is in its agreement's language (Dutch); its findings read in the page's.
    expect(warnings).toContain("Annex I: agreement CF-DPA-2026-099 has no signature date");
    const ui = await uiOf(w);
    const dutch = await (await ui.get("/admin", await ui.signIn("admin"), { "accept-language": "nl-BE" })).text();
    expect(section(dutch, "Waarschuwingen over de volledigheid")).toContain(
      "Annex I: overeenkomst CF-DPA-2026-099 heeft geen ondertekeningsdatum",
    );
  });

  it("lists recent changes from the audit log with links to each entity's page, exports left out", async () => {
    const w = await changeWorld();
    await uiOf(w); // its users are written first, so the last entries are the ones below
    const { change } = await announced(w);
    const patched = await w.t.request("PATCH", `/api/v1/sub-processors/${w.aws}`, {
      body: { processingDescription: { en: "Hosting of the platform." } },
    });
    expect(patched.status, await patched.clone().text()).toBe(200);
    expect((await w.t.request("GET", `/api/v1/documents/art30-controller?format=json`)).status).toBe(200);

    const recent = section(await dashboard(w), "Recent changes");
    const rows = rowsWith(recent, "<td>");
    expect(rows).toHaveLength(10);
    expect(rows[0]).toContain("update");
    expect(rows[0]).toContain(`Sub-processor: <a href="/admin/sub-processors/${w.aws}/history">Amazon Web Services EMEA SARL</a>`);
    expect(rows.some((r) => r.includes("announce") && r.includes(`href="/admin/changes/${change.id}"`))).toBe(true);
    expect(recent).not.toContain("export");
    expect(recent).toContain('<a href="/admin/audit">The whole audit log</a>');
  });

  it("needs a session", async () => {
    const w = await changeWorld();
    const ui = await makeAdminUi(w.store, w.clock);
    const response = await ui.get("/admin");
    expect(response.status).toBe(401);
    expect(await response.text()).toContain("Please sign in");
  });
});
