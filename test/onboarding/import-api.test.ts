import { describe, expect, it } from "vitest";
import { subProcessorChanges, subProcessors } from "../../db/schema.ts";
import * as demo from "../../src/core/demo/clearfacts-register.ts";
import type { ImportReport } from "../../src/core/onboarding/import-register.ts";
import { createSqliteStore } from "../../src/platform/node/sqlite-store.ts";
import { writeTemplate } from "../../src/spreadsheets/template-writer.ts";
import { readXlsx } from "../../src/spreadsheets/xlsx-reader.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import { clearFactsRows } from "./clearfacts-sheet.ts";
import { onboardingApp, registerState, XLSX_TYPE } from "./onboarding-app.ts";

type App = Awaited<ReturnType<typeof onboardingApp>>;

const importFile = (t: App, body: Uint8Array | string, query = "", type = XLSX_TYPE) =>
  t.request("POST", `/api/v1/onboarding/import${query}`, { body, type });

/** What the annex of `reference` says, in each language: its content without the export's metadata. */
async function annexFacts(t: App, reference: string) {
  const facts: Record<string, unknown> = {};
  for (const lang of ["en", "nl"]) {
    const response = await t.request("GET", `/api/v1/documents/annex/${reference}?format=json&lang=${lang}`);
    expect(response.status).toBe(200);
    const { body, findings } = (await response.json()) as { body: unknown; findings: unknown };
    facts[lang] = { body, findings };
  }
  return facts;
}

/** The organisation and agreements the template does not hold, through the API as a DPO would add them. */
async function addOrganisationAndAgreements(t: App) {
  expect((await t.request("PUT", "/api/v1/organisation", { json: demo.organisation })).status).toBe(200);
  const activities = (await (await t.request("GET", "/api/v1/activities?role=processor&limit=100")).json()) as { items: { id: string }[] };
  for (const c of demo.customers) {
    const response = await t.request("POST", "/api/v1/agreements", {
      json: {
        customerId: ((await (await t.request("GET", `/api/v1/customers/${c.reference}`)).json()) as { id: string }).id,
        reference: c.agreement.reference,
        version: "2024.1",
        signedOn: c.agreement.signedOn,
        language: c.language,
        authorisation: c.agreement.authorisation,
        clocks: demo.clearFactsClocks,
        status: "active",
        activityIds: activities.items.map((a) => a.id),
      },
    });
    expect(response.status, await response.clone().text()).toBe(201);
  }
}

describe("spreadsheet onboarding through the JSON API", () => {
  it("serves the template: notes, one sheet per kind with headers, drop-down lists", async () => {
    const t = await onboardingApp(createSqliteStore(":memory:"));
    const response = await t.request("GET", "/api/v1/onboarding/template.xlsx", { token: "read-only" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe(XLSX_TYPE);
    const workbook = await readXlsx(new Uint8Array(await response.arrayBuffer()));
    expect(workbook.sheets.map((s) => s.name)).toEqual([
      "Notes",
      "Lists",
      "Data categories",
      "Subject categories",
      "Security measures",
      "Activities",
      "Sub-processors",
      "Customers",
    ]);
    const activities = workbook.sheets.find((s) => s.name === "Activities");
    expect([...(activities?.headers.values() ?? [])]).toContain("Name (nl)");
    expect(workbook.sheets.find((s) => s.name === "Lists")?.rows.length).toBeGreaterThan(200);
  });

  it("imports the ClearFacts register into an empty register with the same annex facts as the demo", async () => {
    const loaded = createSqliteStore(":memory:");
    await loadDemoRegister(loaded);
    const demoApp = await onboardingApp(loaded);

    const t = await onboardingApp(createSqliteStore(":memory:"));
    const response = await importFile(t, await writeTemplate(clearFactsRows()), "?fileName=clearfacts.xlsx");
    const report = (await response.json()) as ImportReport;
    expect(response.status, JSON.stringify(report.issues)).toBe(201);
    expect(report).toMatchObject({ written: true, valid: true, subProcessors: { path: "direct", changeIds: [] } });
    expect(report.rows).toEqual({
      "data-categories": 7,
      "subject-categories": 4,
      "security-measures": 5,
      activities: 4,
      "sub-processors": 2,
      customers: 3,
    });
    const vendors = (await (await t.request("GET", "/api/v1/sub-processors")).json()) as { items: { reference: string; status: string }[] };
    expect(vendors.items.map((v) => [v.reference, v.status])).toEqual([
      ["AWS", "active"],
      ["IXORDOCS", "active"],
    ]);

    await addOrganisationAndAgreements(t);
    for (const c of demo.customers)
      expect(await annexFacts(t, c.agreement.reference)).toEqual(await annexFacts(demoApp, c.agreement.reference));
    for (const kind of ["art30-processor", "art30-controller"]) {
      const record = async (app: App) =>
        ((await (await app.request("GET", `/api/v1/documents/${kind}?format=json&lang=en`)).json()) as { body: unknown }).body;
      expect(await record(t)).toEqual(await record(demoApp));
    }
    // Every write has its audit entry on one chain.
    const audit = (await (await t.request("GET", "/api/v1/audit?limit=200")).json()) as { items: { entityType: string; action: string }[] };
    expect(audit.items.filter((e) => e.entityType === "sub_processor").map((e) => e.action)).toEqual([
      "create",
      "correct",
      "create",
      "correct",
    ]);
  });

  it("reports every bad cell by sheet, row and column, and writes nothing", async () => {
    const store = createSqliteStore(":memory:");
    const t = await onboardingApp(store);
    const rows = clearFactsRows();
    rows["data-categories"]?.push({ Ref: "dup", "Name (en)": "Technical data: access granted", "Special category": "art11" });
    rows.activities?.push({
      Ref: "bad",
      Role: "owner",
      "Name (en)": "Bad activity",
      "Data categories": "identification; no such category",
      "Retention length": "ten",
    });
    rows.customers?.push({
      Reference: "CF-CUST-009",
      "Legal name": "Missing Address BV",
      "Contact e-mail": "not an e-mail",
      Country: "XX",
    });
    rows.customers?.push({ ...rows.customers[0], "Legal name": "Peeters Bis BV" });
    const before = await registerState(store);

    const response = await importFile(t, await writeTemplate(rows));
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = (await response.json()) as { issues: { cell: string; header: string; message: string }[]; errors: { field: string }[] };
    const byCell = Object.fromEntries(problem.issues.map((i) => [i.cell, [i.header, i.message]]));
    const empty = "This cell is empty, and it is required.";
    expect(byCell).toEqual({
      "'Data categories'!B9": [
        "Name (en)",
        'Row 3 already has a data category named "Technical data: access granted"; names and references must be unique so rows can refer to them.',
      ],
      "'Data categories'!H9": ["Special category", 'Invalid option: expected one of "none"|"art9"|"art10"'],
      "Activities!B6": ["Role", 'Invalid option: expected one of "controller"|"processor"'],
      "Activities!V6": ["Data categories", '"no such category" names no data category in this spreadsheet or the register.'],
      "Activities!X6": ["Retention length", '"ten" is not a whole number; write e.g. 15.'],
      "Customers!D5": ["Street", empty],
      "Customers!E5": ["Postal code", empty],
      "Customers!F5": ["City", empty],
      "Customers!H5": ["Country", "Not an ISO 3166-1 alpha-2 country code (e.g. BE, DE, US)."],
      "Customers!K5": ["Contact e-mail", "Invalid email address"],
      "Customers!A6": [
        "Reference",
        'Row 2 already has a customer named "CF-CUST-001"; names and references must be unique so rows can refer to them.',
      ],
    });
    expect(problem.errors.map((e) => e.field)).toEqual(problem.issues.map((i) => i.cell));
    expect(await registerState(store)).toEqual(before);
  });

  it("a dry run writes nothing, even when every row is valid", async () => {
    const store = createSqliteStore(":memory:");
    const t = await onboardingApp(store);
    const before = await registerState(store);
    const response = await importFile(t, await writeTemplate(clearFactsRows()), "?dryRun=true");
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      dryRun: true,
      valid: true,
      written: false,
      issues: [],
      subProcessors: { path: "direct" },
    });
    expect(await registerState(store)).toEqual(before);
  });

  it("turns sub-processors into proposed changes in a register with agreements", async () => {
    const store = createSqliteStore(":memory:");
    await loadDemoRegister(store);
    const t = await onboardingApp(store);
    const rows = {
      "sub-processors": [
        {
          Reference: "KLIPPA",
          "Legal name": "Klippa OCR GmbH",
          Street: "Friedrichstraße 10",
          "Postal code": "10117",
          City: "Berlin",
          Country: "DE",
          "Contact e-mail": "privacy@klippa.example",
          "Service (en)": "OCR of receipts",
          Locations: "DE: Berlin",
          Activities: "Maintenance and availability of the ClearFacts application",
        },
      ],
    };
    const dry = (await (await importFile(t, await writeTemplate(rows), "?dryRun=true")).json()) as ImportReport;
    expect(dry).toMatchObject({ valid: true, written: false, subProcessors: { path: "proposed_changes", changeIds: [] } });

    const response = await importFile(t, await writeTemplate(rows));
    const report = (await response.json()) as ImportReport;
    expect(response.status, JSON.stringify(report)).toBe(201);
    expect(report.subProcessors.path).toBe("proposed_changes");
    expect(report.subProcessors.changeIds).toHaveLength(1);
    const changes = await store.db.select().from(subProcessorChanges);
    expect(changes.map((c) => [c.id, c.kind, c.status])).toEqual([[report.subProcessors.changeIds[0], "add", "proposed"]]);
    const klippa = (await store.db.select().from(subProcessors)).find((s) => s.reference === "KLIPPA");
    expect(klippa?.status).toBe("proposed");
    expect(changes[0]?.subProcessorId).toBe(klippa?.id);
    // The workflow takes it from here: it can be announced to the customers.
    const announced = await t.request("POST", `/api/v1/sub-processor-changes/${changes[0]?.id}/announce`, {
      json: { intendedStart: "2099-01-01" },
    });
    expect(announced.status, await announced.clone().text()).toBe(200);
  });

  it("imports one kind from a CSV, its kind guessed from the header row, or refuses it with each bad cell", async () => {
    const store = createSqliteStore(":memory:");
    const t = await onboardingApp(store);
    const csv =
      "\uFEFFReference;Legal name;Street;Postal code;City;Country;Contact e-mail;Language\nC-1;Alpha BV;Kerkstraat 1;9000;Gent;be;info@alpha.example;nl\nC-2;Beta SA;;4000;Liège;BE;info@beta.example;de\n";
    const before = await registerState(store);
    const refused = await importFile(t, csv, "", "text/csv");
    expect(refused.status).toBe(422);
    const problem = (await refused.json()) as { issues: { cell: string; header: string }[] };
    expect(problem.issues.map((i) => [i.cell, i.header])).toEqual([
      ["Customers!C3", "Street"],
      ["Customers!H3", "Language"],
    ]);
    expect(await registerState(store)).toEqual(before);

    const fixed = csv.replace(";;4000", ";Place 2;4000").replace(";de\n", ";fr\n");
    const response = await importFile(t, fixed, "", "text/csv");
    expect(response.status, await response.clone().text()).toBe(201);
    const customers = (await (await t.request("GET", "/api/v1/customers")).json()) as {
      items: { reference: string; address: { country: string }; language: string }[];
    };
    expect(customers.items.map((c) => [c.reference, c.address.country, c.language])).toEqual([
      ["C-1", "BE", "nl"],
      ["C-2", "BE", "fr"],
    ]);
  });

  it("takes the file as base64 JSON too, and keeps the permissions of the register's write routes", async () => {
    const t = await onboardingApp(createSqliteStore(":memory:"));
    const csv = "Name (en),Special category\nHealth data,art9\n";
    const forbidden = await t.request("POST", "/api/v1/onboarding/import", { token: "read-only", body: csv, type: "text/csv" });
    expect(forbidden.status).toBe(403);
    const unauthenticated = await t.app.request("/api/v1/onboarding/import", {
      method: "POST",
      body: csv,
      headers: { "content-type": "text/csv" },
    });
    expect(unauthenticated.status).toBe(401);
    const wrongType = await t.request("POST", "/api/v1/onboarding/import", { body: csv, type: "text/plain" });
    expect(wrongType.status).toBe(415);
    const response = await t.request("POST", "/api/v1/onboarding/import", {
      token: "editor",
      json: { format: "csv", fileName: "data.csv", content: Buffer.from(csv).toString("base64") },
    });
    expect(response.status, await response.clone().text()).toBe(201);
    expect(((await response.json()) as ImportReport).rows["data-categories"]).toBe(1);
  });
});
