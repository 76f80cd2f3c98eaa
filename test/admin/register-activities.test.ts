import { describe, expect, it } from "vitest";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import type { Store } from "../../src/core/kernel/ports/store.ts";
import { activityKind } from "../../src/core/register/activities.ts";
import { dataCategoryKind } from "../../src/core/register/data-categories.ts";
import { subjectCategoryKind } from "../../src/core/register/subject-categories.ts";
import { createEntity } from "../../src/core/register/use-cases/create-entity.ts";
import { getEntity } from "../../src/core/register/use-cases/get-entity.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { checkboxValue, errorBeside, fill, flashOf, follow, readForm, signedIn, withRows } from "./register-form-reader.ts";

async function catalogue(store: Store) {
  const ctx = makeCtx(store, SYSTEM_ACTOR);
  return {
    ctx,
    contact: await createEntity(ctx, dataCategoryKind, { name: { en: "Contact details" } }),
    payslips: await createEntity(ctx, dataCategoryKind, { name: { en: "Payslips" } }),
    employees: await createEntity(ctx, subjectCategoryKind, { name: { en: "Employees" } }),
  };
}

/** The new-activity form with the rows the payroll activity needs, added with the lists' "Add" buttons. */
const newActivityPage = async (ui: Awaited<ReturnType<typeof signedIn>>["ui"], session: Awaited<ReturnType<typeof signedIn>>["session"]) =>
  withRows(ui, session, await (await ui.get("/admin/activities/new", session)).text(), { purposes: 1, dataCategories: 2, transfers: 1 });

/** The new-activity form filled by label, as a user would: two data categories with retention, a transfer. */
function payrollForm(html: string, ids: { contact: string; payslips: string }) {
  const form = readForm(html);
  const values = fill(form, {
    "Name (English)": "Payroll processing",
    "Role (required)": "processor",
    Status: "active",
    "Purpose 1 (English)": "Pay employees",
    "Category (data category 1)": ids.contact,
    "Retention rule (data category 1)": "period",
    "Length (period, data category 1)": "10",
    "Unit (period, data category 1)": "years",
    "Category (data category 2)": ids.payslips,
    "Retention rule (data category 2)": "event",
    "Event (English, data category 2)": "End of the employment",
    "Length (time after the event, data category 2)": "5",
    "Unit (time after the event, data category 2)": "years",
    "Country (transfer 1, required)": "US",
    "Recipient (transfer 1)": "Payroll support desk",
    "Kind (transfer mechanism, transfer 1)": "scc",
  });
  const employees = checkboxValue(html, "Employees");
  return { form, values: { ...values, [employees.name]: employees.value } };
}

describe("activity pages", () => {
  it("creates an activity with data categories, retention and a transfer through the form", async () => {
    const { ui, session, store } = await signedIn("editor");
    const { ctx, contact, payslips, employees } = await catalogue(store);
    const { form, values } = payrollForm(await newActivityPage(ui, session), {
      contact: contact.id,
      payslips: payslips.id,
    });
    const page = await follow(ui, await ui.post(form.action, values, session), session);

    expect(flashOf(page.html)).toBe("Created.");
    expect(page.html).toContain("<h1>Payroll processing</h1>");
    expect(page.html).toContain(`<a href="/admin/data-categories/${contact.id}">Contact details</a>`);
    expect(page.html).toContain(`<a href="/admin/subject-categories/${employees.id}">Employees</a>`);
    expect(page.html).toContain("US (United States)");
    expect(page.html).toContain("Standard contractual clauses");

    const stored = await getEntity(ctx, activityKind, page.location.split("/").at(-1) ?? "");
    expect(stored).toMatchObject({
      role: "processor",
      status: "active",
      name: { en: "Payroll processing" },
      purposes: [{ en: "Pay employees" }],
      subjectCategoryIds: [employees.id],
      dataCategories: [
        { dataCategoryId: contact.id, retention: { kind: "period", period: { length: 10, unit: "years" } } },
        {
          dataCategoryId: payslips.id,
          retention: { kind: "event", event: { en: "End of the employment" }, offset: { length: 5, unit: "years" } },
        },
      ],
      transfers: [{ country: "US", recipient: "Payroll support desk", mechanism: { kind: "scc" } }],
      recipients: [],
      securityMeasureIds: [],
      subjectMatter: null,
      legalBasis: null,
    });
  });

  it("refuses an invalid country code and a missing name: 422, messages beside the fields, values kept, nothing stored", async () => {
    const { ui, session, store } = await signedIn("editor");
    const { contact, payslips } = await catalogue(store);
    const { form, values } = payrollForm(await newActivityPage(ui, session), {
      contact: contact.id,
      payslips: payslips.id,
    });
    const before = await snapshot(store);
    const response = await ui.post(form.action, { ...values, "name.en": "", "transfers.0.country": "XX" }, session);
    const html = await response.text();

    expect(response.status).toBe(422);
    expect(errorBeside(html, "transfers.0.country")).toBe("Not an ISO 3166-1 alpha-2 country code (e.g. BE, DE, US).");
    expect(errorBeside(html, "name")).toBe("Give the text in at least one language (en, nl or fr).");
    const again = readForm(html).values;
    expect(again["transfers.0.country"]).toBe("XX");
    expect(again["transfers.0.mechanism.kind"]).toBe("scc");
    expect(again["dataCategories.1.retention.event.en"]).toBe("End of the employment");
    expect(again["dataCategories.0.retention.period.length"]).toBe("10");
    expect(again.subjectCategoryIds).toBe(values.subjectCategoryIds);
    expect(await snapshot(store)).toEqual(before);
  });

  it("places rule errors of the use case beside their fields (a transfer inside the EEA, an incomplete retention)", async () => {
    const { ui, session, store } = await signedIn("editor");
    const { contact, payslips } = await catalogue(store);
    const { form, values } = payrollForm(await newActivityPage(ui, session), {
      contact: contact.id,
      payslips: payslips.id,
    });
    const before = await snapshot(store);
    const eea = await ui.post(form.action, { ...values, "transfers.0.country": "DE" }, session);
    expect(eea.status).toBe(422);
    expect(errorBeside(await eea.text(), "transfers.0.country")).toBe(
      "DE is in the EEA: sending data there is not a third-country transfer.",
    );

    const incomplete = await ui.post(form.action, { ...values, "dataCategories.0.retention.period.length": "" }, session);
    const html = await incomplete.text();
    expect(incomplete.status).toBe(422);
    expect(errorBeside(html, "dataCategories.0.retention.period.length")).toBe("Fill this in.");
    expect(await snapshot(store)).toEqual(before);
  });

  it("edits an activity: clears a text, unticks links, changes a retention; the history shows before and after", async () => {
    const { ui, session, store } = await signedIn("editor");
    const { ctx, contact, payslips } = await catalogue(store);
    const { form, values } = payrollForm(await newActivityPage(ui, session), {
      contact: contact.id,
      payslips: payslips.id,
    });
    const created = await follow(ui, await ui.post(form.action, { ...values, "subjectMatter.en": "Payroll" }, session), session);
    const edit = readForm(await (await ui.get(`${created.location}/edit`, session)).text());
    expect(edit.values["subjectMatter.en"]).toBe("Payroll");
    const changed = fill(edit, {
      "Subject matter (English)": "",
      "Length (period, data category 1)": "7",
      "Retention rule (data category 2)": "",
    });
    delete changed.subjectCategoryIds;
    const saved = await follow(ui, await ui.post(edit.action, changed, session), session);
    expect(flashOf(saved.html)).toBe("Saved.");

    const stored = await getEntity(ctx, activityKind, created.location.split("/").at(-1) ?? "");
    expect(stored.subjectMatter).toBeNull();
    expect(stored.subjectCategoryIds).toEqual([]);
    expect(stored.dataCategories).toEqual([
      { dataCategoryId: contact.id, retention: { kind: "period", period: { length: 7, unit: "years" } } },
      { dataCategoryId: payslips.id, retention: null },
    ]);

    const history = await (await ui.get(`${created.location}/history`, session)).text();
    expect(history).toContain("<h2>Changed on");
    expect(history).toContain("<tr><td>Subject matter › English</td><td>Payroll</td><td>—</td></tr>");
    expect(history).toContain(
      "<tr><td>Categories of personal data and their retention › data category 1 › Retention › Period › Length</td><td>10</td><td>7</td></tr>",
    );
    expect(history).toContain(
      '<tr><td>Categories of personal data and their retention › data category 2 › Retention › Retention rule</td><td><span title="event">After an event</span></td><td>—</td></tr>',
    );
  });

  it("archives an activity: hidden from the list, shown with archived ones, no longer editable", async () => {
    const { ui, session, store } = await signedIn("admin");
    const { ctx } = await catalogue(store);
    const kept = await createEntity(ctx, activityKind, { role: "processor", name: { en: "Kept activity" } });
    const old = await createEntity(ctx, activityKind, { role: "processor", name: { en: "Old activity" } });
    const page = await follow(ui, await ui.post(`/admin/activities/${old.id}/archive`, {}, session), session);
    expect(flashOf(page.html)).toBe("Archived.");
    expect(page.html).toContain('<p class="warning">Archived on');
    expect(page.html).not.toContain(">Edit<");

    const list = await (await ui.get("/admin/activities", session)).text();
    expect(list).toContain("Kept activity");
    expect(list).not.toContain("Old activity");
    const all = await (await ui.get("/admin/activities?archived=show", session)).text();
    expect(all).toContain("Kept activity");
    expect(all).toMatch(/Old activity<\/a><\/td>.*<span class="badge" title="[^"]+">Archived \d{1,2} [A-Z][a-z]+ \d{4}<\/span>/);
    expect((await getEntity(ctx, activityKind, kept.id)).archivedAt).toBeNull();

    const before = await snapshot(store);
    expect((await ui.get(`/admin/activities/${old.id}/edit`, session)).status).toBe(409);
    expect(
      (await ui.post(`/admin/activities/${old.id}`, { "name.en": "Revived", role: "processor", _revision: "2" }, session)).status,
    ).toBe(409);
    expect((await ui.post(`/admin/activities/${old.id}/archive`, {}, session)).status).toBe(409);
    expect(await snapshot(store)).toEqual(before);
  });

  it("refuses a stale edit with 409 and keeps the other user's change", async () => {
    const { ui, session, store } = await signedIn("editor");
    const { ctx } = await catalogue(store);
    const activity = await createEntity(ctx, activityKind, { role: "processor", name: { en: "Payroll processing" } });
    const stale = readForm(await (await ui.get(`/admin/activities/${activity.id}/edit`, session)).text());
    await follow(ui, await ui.post(stale.action, fill(stale, { "Name (English)": "Payroll" }), session), session);
    const before = await snapshot(store);
    const response = await ui.post(stale.action, fill(stale, { "Nature of the processing (English)": "Calculation" }), session);
    expect(response.status).toBe(409);
    expect(await response.text()).toContain("you edited revision 1; it is now at revision 2");
    expect(await snapshot(store)).toEqual(before);
    expect((await getEntity(ctx, activityKind, activity.id)).name).toEqual({ en: "Payroll" });
  });

  it("gives a read-only user the activity pages without controls and 403 on every write", async () => {
    const { ui, session, store } = await signedIn("read-only");
    const { ctx } = await catalogue(store);
    const activity = await createEntity(ctx, activityKind, { role: "processor", name: { en: "Payroll processing" } });
    const list = await (await ui.get("/admin/activities", session)).text();
    expect(list).toContain("Payroll processing");
    expect(list).not.toContain("Add activity");
    const view = await (await ui.get(`/admin/activities/${activity.id}`, session)).text();
    expect(view).not.toMatch(/>Edit<|>Archive</);
    const before = await snapshot(store);
    expect((await ui.post("/admin/activities", { "name.en": "X", role: "processor" }, session)).status).toBe(403);
    expect((await ui.post(`/admin/activities/${activity.id}/archive`, {}, session)).status).toBe(403);
    expect(await snapshot(store)).toEqual(before);
    expect((await ui.get("/admin/activities/01a1ff89-0000-7000-8000-000000000000", session)).status).toBe(404);
  });
});
