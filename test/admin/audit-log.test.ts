import { describe, expect, it } from "vitest";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { listAuditEntries } from "../../src/core/evidence/list-audit-entries.ts";
import { makeAdminUi } from "../helpers/admin-ui.ts";
import { settableClock } from "../helpers/clocks.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { makeTestApp } from "../helpers/test-app.ts";

async function world() {
  const store = memoryStore();
  await loadDemoRegister(store);
  const clock = settableClock("2026-11-20T09:00:00.000Z");
  const ui = await makeAdminUi(store, clock);
  const t = await makeTestApp(store, clock);
  const all = async () => (await listAuditEntries(makeCtx(store, SYSTEM_ACTOR, clock), { limit: "500" })).items;
  return { store, clock, ui, t, all };
}

/** The entry numbers of a page's audit table, in page order. */
const entryNumbers = (page: string) => [...page.matchAll(/>Entry (\d+)<\/a>/g)].map((m) => Number(m[1]));

describe("the audit log page", () => {
  it("names each record as a person reads it: a measure by its title, a notice by its dates, never by a code or an id", async () => {
    const { ui, t } = await world();
    const activities = (await (await t.request("GET", "/api/v1/activities?limit=50")).json()) as {
      items: { id: string; name: { en?: string } }[];
    };
    const maintenance = activities.items.find((a) => a.name.en?.startsWith("Maintenance"))?.id;
    const proposed = await t.request("POST", "/api/v1/sub-processor-changes", {
      token: "procurement",
      body: {
        kind: "add",
        vendor: {
          legalName: "Klippa OCR GmbH",
          address: { street: "Friedrichstraße 10", postalCode: "10117", city: "Berlin", country: "DE" },
          contact: { email: "privacy@klippa.example" },
          service: { en: "OCR" },
          locations: [{ country: "DE" }],
        },
        activityIds: [maintenance],
        reason: { en: "Better recognition." },
        intendedStart: "2026-12-08",
        announce: true,
      },
    });
    expect(proposed.status).toBe(201);
    const page = await (await ui.get("/admin/audit?limit=200", await ui.signIn("read-only"))).text();
    expect(page).toContain(">Access logging</a>");
    expect(page).not.toMatch(/>event_logging<\/a>/);
    expect(page).toContain(">notice of 20 November 2026, last day 7 December 2026</a>");
    expect(page).toContain(">add, intended start 8 December 2026</a>");
    expect(page).not.toMatch(/>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}<\/a>/);
  });

  it("is open to every signed-in role and to nobody else", async () => {
    const { ui } = await world();
    for (const role of ["admin", "editor", "read-only"] as const) {
      expect((await ui.get("/admin/audit", await ui.signIn(role))).status, role).toBe(200);
    }
    expect((await ui.get("/admin/audit")).status).toBe(401);
  });

  it("pages newest first, with a link to older entries that keeps the filters", async () => {
    const { ui, all } = await world();
    const session = await ui.signIn("read-only");
    const seqs = (await all()).map((e) => e.seq).reverse();
    const first = await (await ui.get("/admin/audit?limit=5", session)).text();
    expect(entryNumbers(first)).toEqual(seqs.slice(0, 5));
    const older = /<a href="(\/admin\/audit\?[^"]+)">Older entries<\/a>/.exec(first)?.[1]?.replaceAll("&amp;", "&");
    expect(older).toBe(`/admin/audit?limit=5&before=${seqs[4]}`);
    const second = await (await ui.get(older ?? "", session)).text();
    expect(entryNumbers(second)).toEqual(seqs.slice(5, 10));
    expect(second).toContain('<a href="/admin/audit?limit=5">Newest entries</a>');
  });

  it("filters by entity type, action and actor, each row linking to the entity's history", async () => {
    const { ui, t, all } = await world();
    const session = await ui.signIn("editor");
    const customers = (await all()).filter((e) => e.entityType === "customer");
    const page = await (await ui.get("/admin/audit?entityType=customer&action=create&actorId=system", session)).text();
    expect(entryNumbers(page)).toEqual(customers.map((e) => e.seq).reverse());
    for (const c of customers) expect(page).toContain(`Customer: <a href="/admin/customers/${c.entityId}/history">`);
    expect(page).toContain(">Boekhoudkantoor Peeters BV</a>");
    expect(page).toContain('<option value="customer" selected>Customer</option>');

    // An update through the API appears under its actor (the token's name).
    const [peeters] = customers;
    expect((await t.request("PATCH", `/api/v1/customers/${peeters?.entityId}`, { body: { companyNumber: "0999.999.999" } })).status).toBe(
      200,
    );
    const updates = await (await ui.get("/admin/audit?action=update", session)).text();
    expect(entryNumbers(updates)).toHaveLength(1);
    expect(updates).toContain("<td>test admin</td>");
    expect(updates).not.toContain(">create</td>");
  });

  it("shows one entry's before and after as readable JSON", async () => {
    const { ui, t, all } = await world();
    const session = await ui.signIn("read-only");
    const [vendor] = (await all()).filter((e) => e.entityType === "sub_processor");
    const patched = await t.request("PATCH", `/api/v1/sub-processors/${vendor?.entityId}`, {
      body: { processingDescription: { en: "Hosting <of> the platform." } },
    });
    expect(patched.status).toBe(200);
    const entry = (await all()).at(-1);
    const response = await ui.get(`/admin/audit/${entry?.id}`, session);
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain(`<h1>Audit entry ${entry?.seq}: update sub-processor</h1>`);
    expect(page).toContain("<dt>Fields changed</dt><dd>processingDescription</dd>");
    expect(page).toContain(`<a href="/admin/sub-processors/${vendor?.entityId}/history">`);
    const after = page.slice(page.indexOf("<h2>After</h2>"));
    // Indented, and escaped: register text never becomes markup.
    expect(after).toContain(
      "  &quot;processingDescription&quot;: {\n    &quot;en&quot;: &quot;Hosting &lt;of&gt; the platform.&quot;\n  }",
    );
    const before = page.slice(page.indexOf("<h2>Before</h2>"), page.indexOf("<h2>After</h2>"));
    expect(before).toContain("&quot;en&quot;: &quot;Hosts the application, its databases and stored documents;");
  });

  it("answers 404 for an unknown entry and 400 for a filter it does not know, changing nothing", async () => {
    const { ui, store } = await world();
    const session = await ui.signIn("admin");
    const before = await snapshot(store);
    expect((await ui.get("/admin/audit/01939a6e-0000-7000-8000-000000000000", session)).status).toBe(404);
    for (const query of ["action=hack", "before=-1", "limit=100000", "sort=asc"]) {
      const response = await ui.get(`/admin/audit?${query}`, session);
      expect(response.status, query).toBe(400);
      expect(await response.text()).toContain("Bad request");
    }
    expect(await snapshot(store)).toEqual(before);
  });
});
