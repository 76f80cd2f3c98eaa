import { describe, expect, it } from "vitest";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { activityKind } from "../../src/core/register/activities.ts";
import { subProcessorKind } from "../../src/core/register/sub-processors.ts";
import { createEntity } from "../../src/core/register/use-cases/create-entity.ts";
import { getEntity } from "../../src/core/register/use-cases/get-entity.ts";
import * as fixtures from "../helpers/fixtures.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { checkboxValue, errorBeside, fill, flashOf, follow, readForm, signedIn, withRows } from "./register-form-reader.ts";

const VENDOR = {
  "Legal name (required)": "Support Desk Inc.",
  "Service (English)": "Customer support tooling",
  "Street and number (address, required)": "1 Market Street",
  "Postal code (address, required)": "94105",
  "City (address, required)": "San Francisco",
  "Country (address, required)": "US",
  "E-mail address (contact, required)": "privacy@support.example",
  "Country (location 1, required)": "US",
  "Region (location 1)": "California",
};

describe("sub-processor pages", () => {
  it("creates a sub-processor with a location, a mechanism and an activity through the form", async () => {
    const { ui, session, store } = await signedIn("editor");
    const ctx = makeCtx(store, SYSTEM_ACTOR);
    const activity = await createEntity(ctx, activityKind, { role: "processor", name: { en: "Helpdesk" } });
    const html = await withRows(ui, session, await (await ui.get("/admin/sub-processors/new", session)).text(), { locations: 1 });
    const form = readForm(html);
    const served = checkboxValue(html, "Helpdesk");
    const values = { ...fill(form, { ...VENDOR, Status: "proposed", "Kind (transfer mechanism)": "scc" }), [served.name]: served.value };
    const page = await follow(ui, await ui.post(form.action, values, session), session);

    expect(flashOf(page.html)).toBe("Created.");
    expect(page.html).toContain("<h1>Support Desk Inc.</h1>");
    expect(page.html).toContain(`<a href="/admin/activities/${activity.id}">Helpdesk</a>`);
    const stored = await getEntity(ctx, subProcessorKind, page.location.split("/").at(-1) ?? "");
    expect(stored).toMatchObject({
      legalName: "Support Desk Inc.",
      status: "proposed",
      address: { street: "1 Market Street", postalCode: "94105", city: "San Francisco", country: "US" },
      contact: { email: "privacy@support.example" },
      locations: [{ country: "US", region: "California" }],
      transferMechanism: { kind: "scc" },
      activityIds: [activity.id],
      parentId: null,
      companyNumber: null,
      excludedAgreementIds: [],
    });
    expect(stored.address).not.toHaveProperty("region");
  });

  it("refuses a new vendor marked active (it is proposed, then announced), and one without locations", async () => {
    const { ui, session, store } = await signedIn("editor");
    const form = readForm(await withRows(ui, session, await (await ui.get("/admin/sub-processors/new", session)).text(), { locations: 1 }));
    const before = await snapshot(store);

    const noMechanism = await ui.post(form.action, fill(form, { ...VENDOR, Status: "active" }), session);
    const html = await noMechanism.text();
    expect(noMechanism.status).toBe(422);
    expect(errorBeside(html, "status")).toContain("A new sub-processor is recorded as proposed.");
    expect(errorBeside(html, "status")).toContain("POST /api/v1/sub-processor-changes");
    expect(errorBeside(html, "transferMechanism")).toBe("An active sub-processor in US (outside the EEA) needs a transfer mechanism.");
    expect(readForm(html).values["address.city"]).toBe("San Francisco");

    const noLocation = await ui.post(
      form.action,
      fill(form, {
        ...VENDOR,
        "Country (location 1, required)": "",
        "Region (location 1)": "",
        "E-mail address (contact, required)": "not an address",
      }),
      session,
    );
    const second = await noLocation.text();
    expect(noLocation.status).toBe(422);
    expect(errorBeside(second, "locations")).toBe("Add at least one.");
    expect(errorBeside(second, "contact.email")).toBe("Enter an e-mail address, e.g. name@example.com.");
    expect(readForm(second).values["contact.email"]).toBe("not an address");
    expect(await snapshot(store)).toEqual(before);
  });

  it("edits a sub-processor, shows the change in its history, and archives it", async () => {
    const { ui, session, store } = await signedIn("admin");
    const vendor = await createEntity(makeCtx(store, SYSTEM_ACTOR), subProcessorKind, fixtures.subProcessor());
    const edit = await (await ui.get(`/admin/sub-processors/${vendor.id}/edit`, session)).text();
    const form = readForm(await withRows(ui, session, edit, { locations: 1 }));
    const saved = await follow(ui, await ui.post(form.action, fill(form, { "Country (location 2, required)": "AT" }), session), session);
    expect(flashOf(saved.html)).toBe("Saved.");
    const history = await (await ui.get(`/admin/sub-processors/${vendor.id}/history`, session)).text();
    expect(history).toContain("<tr><td>Processing locations › location 2 › Country</td><td>—</td><td>AT</td></tr>");

    await follow(ui, await ui.post(`/admin/sub-processors/${vendor.id}/archive`, {}, session), session);
    expect(await (await ui.get("/admin/sub-processors", session)).text()).not.toContain("Hosting Provider GmbH");
    expect(await (await ui.get("/admin/sub-processors?archived=show", session)).text()).toContain("Hosting Provider GmbH");
  });

  it("refuses a stale edit with 409", async () => {
    const { ui, session, store } = await signedIn("editor");
    const vendor = await createEntity(makeCtx(store, SYSTEM_ACTOR), subProcessorKind, fixtures.subProcessor());
    const form = readForm(await (await ui.get(`/admin/sub-processors/${vendor.id}/edit`, session)).text());
    await follow(ui, await ui.post(form.action, fill(form, { "Legal name (required)": "Hosting AG" }), session), session);
    const before = await snapshot(store);
    const response = await ui.post(form.action, fill(form, { "Company number": "HRB 1" }), session);
    expect(response.status).toBe(409);
    expect(await snapshot(store)).toEqual(before);
  });

  it("hides the controls from a read-only user and refuses their posts", async () => {
    const { ui, session, store } = await signedIn("read-only");
    const vendor = await createEntity(makeCtx(store, SYSTEM_ACTOR), subProcessorKind, fixtures.subProcessor());
    expect(await (await ui.get("/admin/sub-processors", session)).text()).not.toContain("Add sub-processor");
    const view = await (await ui.get(`/admin/sub-processors/${vendor.id}`, session)).text();
    expect(view).toContain("<h1>Hosting Provider GmbH</h1>");
    expect(view).not.toMatch(/>Edit<|>Archive</);
    const before = await snapshot(store);
    expect((await ui.post("/admin/sub-processors", { legalName: "X" }, session)).status).toBe(403);
    expect((await ui.post(`/admin/sub-processors/${vendor.id}`, { legalName: "X", _revision: "1" }, session)).status).toBe(403);
    expect((await ui.post(`/admin/sub-processors/${vendor.id}/archive`, {}, session)).status).toBe(403);
    expect(await snapshot(store)).toEqual(before);
    expect((await ui.get("/admin/sub-processors/01a1ff89-0000-7000-8000-000000000000", session)).status).toBe(404);
  });
});
