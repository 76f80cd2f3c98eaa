import { describe, expect, it } from "vitest";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { loadOrganisation, putOrganisation } from "../../src/core/organisation/organisation-use-cases.ts";
import * as fixtures from "../helpers/fixtures.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { errorBeside, fill, flashOf, follow, readForm, signedIn } from "./register-form-reader.ts";

const PROFILE = {
  "Legal name (required)": "Example Processor BV",
  "Street and number (address, required)": "Rue Haute 1",
  "Postal code (address, required)": "1000",
  "City (address, required)": "Brussels",
  "Country (address, required)": "BE",
  "E-mail address (contact, required)": "info@processor.example",
};

describe("organisation profile pages", () => {
  it("sets up the profile through the form when there is none", async () => {
    const { ui, session, store } = await signedIn("admin");
    const empty = await (await ui.get("/admin/organisation", session)).text();
    expect(empty).toContain("has not been set up yet");
    const form = readForm(await (await ui.get("/admin/organisation/edit", session)).text());
    expect(form.values._revision).toBe("0");
    const page = await follow(
      ui,
      await ui.post(form.action, fill(form, { ...PROFILE, "Default language of documents": "fr" }), session),
      session,
    );
    expect(flashOf(page.html)).toBe("Saved.");
    expect(page.html).toContain("<h1>Example Processor BV</h1>");
    expect(await loadOrganisation(store.db)).toMatchObject({
      legalName: "Example Processor BV",
      defaultLanguage: "fr",
      dpo: null,
      euRepresentative: null,
      contact: { email: "info@processor.example" },
    });
  });

  it("refuses an invalid profile with the messages beside the fields and keeps the stored one", async () => {
    const { ui, session, store } = await signedIn("editor");
    await putOrganisation(makeCtx(store, SYSTEM_ACTOR), fixtures.organisation());
    const form = readForm(await (await ui.get("/admin/organisation/edit", session)).text());
    expect(form.values["dpo.email"]).toBe("dpo@processor.example");
    const before = await snapshot(store);
    const response = await ui.post(
      form.action,
      fill(form, { "E-mail address (data protection officer, required)": "nobody", "Name (EU representative, required)": "Rep Ltd" }),
      session,
    );
    const html = await response.text();
    expect(response.status).toBe(422);
    expect(errorBeside(html, "dpo.email")).toBe("Enter an e-mail address, e.g. name@example.com.");
    expect(errorBeside(html, "euRepresentative.email")).toBe("Fill this in.");
    expect(errorBeside(html, "euRepresentative.address.street")).toBe("Fill this in.");
    expect(readForm(html).values["euRepresentative.name"]).toBe("Rep Ltd");
    expect(await snapshot(store)).toEqual(before);
  });

  it("edits the profile, clears the DPO, shows the history, and refuses a stale form", async () => {
    const { ui, session, store } = await signedIn("editor");
    await putOrganisation(makeCtx(store, SYSTEM_ACTOR), fixtures.organisation());
    const form = readForm(await (await ui.get("/admin/organisation/edit", session)).text());
    const cleared = fill(form, {
      "Name (data protection officer)": "",
      "E-mail address (data protection officer, required)": "",
      "Company number": "0123.456.789",
    });
    await follow(ui, await ui.post(form.action, cleared, session), session);
    expect(await loadOrganisation(store.db)).toMatchObject({ dpo: null, companyNumber: "0123.456.789", revision: 2 });

    const history = await (await ui.get("/admin/organisation/history", session)).text();
    expect(history).toContain("<tr><td>Data protection officer › E-mail address</td><td>dpo@processor.example</td><td>—</td></tr>");
    expect(history).toContain("<tr><td>Company number</td><td>—</td><td>0123.456.789</td></tr>");

    const before = await snapshot(store);
    const stale = await ui.post(form.action, fill(form, { "Legal name (required)": "Renamed BV" }), session);
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain("Someone else changed the organisation profile");
    expect(await snapshot(store)).toEqual(before);
  });

  it("shows a read-only user the profile without an edit button and refuses their post", async () => {
    const { ui, session, store } = await signedIn("read-only");
    await putOrganisation(makeCtx(store, SYSTEM_ACTOR), fixtures.organisation());
    const page = await (await ui.get("/admin/organisation", session)).text();
    expect(page).toContain("Dana Protector");
    expect(page).not.toContain(">Edit<");
    expect((await ui.get("/admin/organisation/edit", session)).status).toBe(403);
    const before = await snapshot(store);
    expect((await ui.post("/admin/organisation", { legalName: "X", _revision: "1" }, session)).status).toBe(403);
    expect(await snapshot(store)).toEqual(before);
  });
});
