import { describe, expect, it } from "vitest";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { activityKind } from "../../src/core/register/activities.ts";
import { dataCategoryKind } from "../../src/core/register/data-categories.ts";
import { createEntity } from "../../src/core/register/use-cases/create-entity.ts";
import { getEntity } from "../../src/core/register/use-cases/get-entity.ts";
import { listEntities } from "../../src/core/register/use-cases/list-entities.ts";
import * as fixtures from "../helpers/fixtures.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { errorBeside, fill, flashOf, follow, readForm, signedIn } from "./register-form-reader.ts";

const UNKNOWN_ID = "01a1ff89-0000-7000-8000-000000000000";

describe("data category pages", () => {
  it("creates a data category through the form: shown on its page and stored", async () => {
    const { ui, session, store } = await signedIn("editor");
    const form = readForm(await (await ui.get("/admin/data-categories/new", session)).text());
    const values = fill(form, { "Name (English)": "Health data", "Name (Dutch)": "Gezondheidsgegevens", "Special category": "art9" });
    const page = await follow(ui, await ui.post(form.action, values, session), session);

    expect(page.status).toBe(200);
    expect(flashOf(page.html)).toBe("Created.");
    expect(page.html).toContain("<h1>Health data</h1>");
    expect(page.html).toContain("Gezondheidsgegevens");
    expect(page.html).toContain("Special category, Art. 9");
    const id = page.location.split("/").at(-1) ?? "";
    const stored = await getEntity(makeCtx(store, SYSTEM_ACTOR), dataCategoryKind, id);
    expect(stored).toMatchObject({
      name: { en: "Health data", nl: "Gezondheidsgegevens" },
      description: null,
      special: "art9",
      revision: 1,
    });
  });

  it("refuses a data category without a name: 422, the message beside the field, the typed values kept, nothing stored", async () => {
    const { ui, session, store } = await signedIn("editor");
    const form = readForm(await (await ui.get("/admin/data-categories/new", session)).text());
    const before = await snapshot(store);
    const values = fill(form, { "Description (English)": "Kept as typed <b>", "Special category": "art10" });
    const response = await ui.post(form.action, values, session);
    const html = await response.text();

    expect(response.status).toBe(422);
    expect(errorBeside(html, "name")).toBe("Give the text in at least one language (en, nl or fr).");
    expect(html).toContain('class="error-summary"');
    expect(html).toContain("Kept as typed &lt;b&gt;</textarea>");
    expect(readForm(html).values.special).toBe("art10");
    expect(await snapshot(store)).toEqual(before);
  });

  it("edits a data category and shows the change in its history", async () => {
    const { ui, session } = await signedIn("editor");
    const created = await follow(
      ui,
      await ui.post("/admin/data-categories", { "name.en": "Contact details", special: "none" }, session),
      session,
    );
    const view = created.location;
    const form = readForm(await (await ui.get(`${view}/edit`, session)).text());
    expect(form.values._revision).toBe("1");
    const saved = await follow(
      ui,
      await ui.post(form.action, fill(form, { "Name (English)": "Contact data", "Description (English)": "E-mail and phone" }), session),
      session,
    );
    expect(flashOf(saved.html)).toBe("Saved.");
    expect(saved.html).toContain("<h1>Contact data</h1>");

    const history = await (await ui.get(`${view}/history`, session)).text();
    expect(history).toContain("Changed on");
    expect(history).toContain("by Test editor");
    expect(history).toMatch(/<tr><td>Name › English<\/td><td>Contact details<\/td><td>Contact data<\/td><\/tr>/);
    expect(history).toMatch(/<tr><td>Description › English<\/td><td>—<\/td><td>E-mail and phone<\/td><\/tr>/);
  });

  it("posting an unchanged edit form writes nothing", async () => {
    const { ui, session, store } = await signedIn("editor");
    const created = await follow(
      ui,
      await ui.post("/admin/data-categories", { "name.en": "Contact details", "description.nl": "Telefoon", special: "none" }, session),
      session,
    );
    const form = readForm(await (await ui.get(`${created.location}/edit`, session)).text());
    const before = await snapshot(store);
    const page = await follow(ui, await ui.post(form.action, form.values, session), session);
    expect(flashOf(page.html)).toBe("Nothing changed.");
    expect(await snapshot(store)).toEqual(before);
  });

  it("refuses a save made from a stale form with 409 and keeps the other change", async () => {
    const { ui, session, store } = await signedIn("editor");
    const created = await follow(
      ui,
      await ui.post("/admin/data-categories", { "name.en": "Contact details", special: "none" }, session),
      session,
    );
    const stale = readForm(await (await ui.get(`${created.location}/edit`, session)).text());
    const fresh = readForm(await (await ui.get(`${created.location}/edit`, session)).text());
    await follow(ui, await ui.post(fresh.action, fill(fresh, { "Name (English)": "First change" }), session), session);
    const before = await snapshot(store);

    const response = await ui.post(stale.action, fill(stale, { "Name (English)": "Second change" }), session);
    const html = await response.text();
    expect(response.status).toBe(409);
    expect(html).toContain("Someone else changed this data category after you opened it");
    expect(html).toContain("Nothing was saved");
    expect(await snapshot(store)).toEqual(before);
  });

  it("deletes an unused data category, and names the activity that still uses one", async () => {
    const { ui, session, store } = await signedIn("admin");
    const ctx = makeCtx(store, SYSTEM_ACTOR);
    const used = await createEntity(ctx, dataCategoryKind, fixtures.dataCategory());
    const unused = await createEntity(ctx, dataCategoryKind, { name: { en: "Unused" } });
    await createEntity(ctx, activityKind, {
      role: "processor",
      name: { en: "Payroll processing" },
      dataCategories: [{ dataCategoryId: used.id, retention: null }],
    });

    const before = await snapshot(store);
    const refused = await ui.post(`/admin/data-categories/${used.id}/delete`, {}, session);
    const html = await refused.text();
    expect(refused.status).toBe(409);
    expect(html).toContain("still used by processing activity &quot;Payroll processing&quot;");
    expect(await snapshot(store)).toEqual(before);

    const deleted = await follow(ui, await ui.post(`/admin/data-categories/${unused.id}/delete`, {}, session), session);
    expect(deleted.location).toBe("/admin/data-categories");
    expect(flashOf(deleted.html)).toBe('Deleted data category "Unused".');
    expect((await listEntities(ctx, dataCategoryKind, {})).items.map((d) => d.id)).toEqual([used.id]);
    const history = await (await ui.get(`/admin/data-categories/${unused.id}/history`, session)).text();
    expect(history).toContain("<h1>History of Unused (deleted)</h1>");
    expect(history).toContain("Deleted on");
  });

  it("shows a read-only user the pages without edit controls and refuses their posts with 403", async () => {
    const { ui, session, store } = await signedIn("read-only");
    const category = await createEntity(makeCtx(store, SYSTEM_ACTOR), dataCategoryKind, fixtures.dataCategory());
    const list = await (await ui.get("/admin/data-categories", session)).text();
    expect(list).toContain("Contact details");
    expect(list).not.toContain("Add data category");
    const view = await (await ui.get(`/admin/data-categories/${category.id}`, session)).text();
    expect(view).toContain("<h1>Contact details</h1>");
    expect(view).not.toContain(">Edit<");
    expect(view).not.toContain(">Delete<");
    expect(view).toContain("History of this data category");

    const before = await snapshot(store);
    expect((await ui.get("/admin/data-categories/new", session)).status).toBe(403);
    expect((await ui.get(`/admin/data-categories/${category.id}/edit`, session)).status).toBe(403);
    expect((await ui.post("/admin/data-categories", { "name.en": "Sneaky" }, session)).status).toBe(403);
    expect((await ui.post(`/admin/data-categories/${category.id}`, { "name.en": "Sneaky", _revision: "1" }, session)).status).toBe(403);
    expect((await ui.post(`/admin/data-categories/${category.id}/delete`, {}, session)).status).toBe(403);
    expect(await snapshot(store)).toEqual(before);
  });

  it("answers an unknown id with a 404 page", async () => {
    const { ui, session } = await signedIn("editor");
    for (const path of [
      `/admin/data-categories/${UNKNOWN_ID}`,
      `/admin/data-categories/${UNKNOWN_ID}/edit`,
      `/admin/data-categories/${UNKNOWN_ID}/history`,
    ]) {
      const response = await ui.get(path, session);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toContain("<h1>Not found</h1>");
    }
    expect((await ui.post(`/admin/data-categories/${UNKNOWN_ID}`, { "name.en": "X", _revision: "1" }, session)).status).toBe(404);
    expect((await ui.post(`/admin/data-categories/${UNKNOWN_ID}/delete`, {}, session)).status).toBe(404);
  });
});
