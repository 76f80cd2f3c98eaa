import { describe, expect, it } from "vitest";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import type { Store } from "../../src/core/kernel/ports/store.ts";
import { activityKind } from "../../src/core/register/activities.ts";
import { agreementKind } from "../../src/core/register/agreements.ts";
import { customerKind } from "../../src/core/register/customers.ts";
import { createEntity } from "../../src/core/register/use-cases/create-entity.ts";
import { getEntity } from "../../src/core/register/use-cases/get-entity.ts";
import * as fixtures from "../helpers/fixtures.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { checkboxValue, errorBeside, fill, flashOf, follow, readForm, signedIn } from "./register-form-reader.ts";

async function parties(store: Store) {
  const ctx = makeCtx(store, SYSTEM_ACTOR);
  return {
    ctx,
    customer: await createEntity(ctx, customerKind, fixtures.customer()),
    hosting: await createEntity(ctx, activityKind, { role: "processor", name: { en: "Hosting" } }),
    marketing: await createEntity(ctx, activityKind, { role: "controller", name: { en: "Own marketing" } }),
  };
}

const agreementFields = (customerId: string) => ({
  "Customer (required)": customerId,
  "Reference (required)": "DPA-7",
  "Version of the agreement text (required)": "2.0",
  "Signed on": "2026-02-01",
  "Language of the agreement": "nl",
  "Authorisation of sub-processors (required)": "general",
  "Length (notice before a new sub-processor, required)": "30",
  "Unit (notice before a new sub-processor)": "calendar_days",
  "Length (audit notice)": "15",
  "Unit (audit notice)": "working_days",
});

describe("agreement pages", () => {
  it("creates an agreement with its clocks through the form, offering only processor activities", async () => {
    const { ui, session, store } = await signedIn("editor");
    const { ctx, customer, hosting } = await parties(store);
    const html = await (await ui.get("/admin/agreements/new", session)).text();
    expect(html).not.toContain("Own marketing");
    const form = readForm(html);
    const covered = checkboxValue(html, "Hosting");
    const page = await follow(
      ui,
      await ui.post(form.action, { ...fill(form, agreementFields(customer.id)), [covered.name]: covered.value }, session),
      session,
    );

    expect(flashOf(page.html)).toBe("Created.");
    expect(page.html).toContain("<h1>DPA-7</h1>");
    expect(page.html).toContain(`<a href="/admin/customers/${customer.id}">Customer NV</a>`);
    const stored = await getEntity(ctx, agreementKind, page.location.split("/").at(-1) ?? "");
    expect(stored).toMatchObject({
      customerId: customer.id,
      reference: "DPA-7",
      version: "2.0",
      signedOn: "2026-02-01",
      endedOn: null,
      language: "nl",
      authorisation: "general",
      status: "draft",
      governingCountry: "BE",
      timeZone: "Europe/Brussels",
      activityIds: [hosting.id],
    });
    expect(stored.clocks).toEqual({
      subProcessorNotice: { length: 30, unit: "calendar_days" },
      auditNotice: { length: 15, unit: "working_days" },
    });

    const list = await (await ui.get("/admin/agreements", session)).text();
    expect(list).toContain(`<a href="/admin/customers/${customer.id}">Customer NV</a>`);
  });

  it("refuses a terminated agreement without an end date and a duplicate reference, beside the fields", async () => {
    const { ui, session, store } = await signedIn("editor");
    const { ctx, customer } = await parties(store);
    await createEntity(ctx, agreementKind, fixtures.agreement(customer.id, [], "DPA-7"));
    const form = readForm(await (await ui.get("/admin/agreements/new", session)).text());
    const before = await snapshot(store);
    const response = await ui.post(form.action, fill(form, { ...agreementFields(customer.id), Status: "terminated" }), session);
    const html = await response.text();

    expect(response.status).toBe(422);
    expect(errorBeside(html, "endedOn")).toBe("A terminated agreement needs its end date: the post-termination clocks run from it.");
    expect(errorBeside(html, "reference")).toBe("Another agreement already has reference DPA-7.");
    expect(readForm(html).values).toMatchObject({ reference: "DPA-7", status: "terminated", "clocks.auditNotice.length": "15" });
    expect(await snapshot(store)).toEqual(before);

    const badZone = await ui.post(
      form.action,
      fill(form, { ...agreementFields(customer.id), "Reference (required)": "DPA-8", "Time zone": "Mars/Olympus" }),
      session,
    );
    expect(badZone.status).toBe(422);
    expect(errorBeside(await badZone.text(), "timeZone")).toBe("Not an IANA time zone, e.g. Europe/Brussels.");
    expect(await snapshot(store)).toEqual(before);
  });

  it("edits an agreement (its history shows the clock change) and refuses a stale form", async () => {
    const { ui, session, store } = await signedIn("editor");
    const { ctx, customer } = await parties(store);
    const agreement = await createEntity(ctx, agreementKind, fixtures.agreement(customer.id));
    const form = readForm(await (await ui.get(`/admin/agreements/${agreement.id}/edit`, session)).text());
    const saved = await follow(
      ui,
      await ui.post(form.action, fill(form, { "Length (notice before a new sub-processor, required)": "30" }), session),
      session,
    );
    expect(flashOf(saved.html)).toBe("Saved.");
    const history = await (await ui.get(`/admin/agreements/${agreement.id}/history`, session)).text();
    expect(history).toContain("<tr><td>Contract clocks › Notice before a new sub-processor › Length</td><td>15</td><td>30</td></tr>");

    const before = await snapshot(store);
    const stale = await ui.post(form.action, fill(form, { "Version of the agreement text (required)": "3.0" }), session);
    expect(stale.status).toBe(409);
    expect(await snapshot(store)).toEqual(before);
    expect((await getEntity(ctx, agreementKind, agreement.id)).version).toBe("1.0");
  });

  it("hides the controls from a read-only user and refuses their posts", async () => {
    const { ui, session, store } = await signedIn("read-only");
    const { ctx, customer } = await parties(store);
    const agreement = await createEntity(ctx, agreementKind, fixtures.agreement(customer.id));
    const view = await (await ui.get(`/admin/agreements/${agreement.id}`, session)).text();
    expect(view).toContain("<h1>DPA-1</h1>");
    expect(view).not.toMatch(/>Edit<|>Archive</);
    expect(await (await ui.get("/admin/agreements", session)).text()).not.toContain("Add agreement");
    const before = await snapshot(store);
    expect((await ui.post("/admin/agreements", { reference: "X" }, session)).status).toBe(403);
    expect((await ui.post(`/admin/agreements/${agreement.id}/archive`, {}, session)).status).toBe(403);
    expect(await snapshot(store)).toEqual(before);
    expect((await ui.get("/admin/agreements/01a1ff89-0000-7000-8000-000000000000", session)).status).toBe(404);
  });
});
