// A register text missing in a document's language is never passed off as a translation: it is
// shown in the language it has, marked with it, and the completeness check names the record, the
// field and the language (issue: the French annex of a French customer was mostly English and
// still "complete").
import { beforeEach, describe, expect, it } from "vitest";
import * as fixtures from "../helpers/fixtures.ts";
import { flat, pdfText } from "../helpers/pdf-text.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { activeSubProcessorVia, bodyOf, createdVia, makeTestApp, type TestApp } from "../helpers/test-app.ts";

interface Finding {
  article: string;
  code: string;
  message: string;
  entityType: string | null;
  entityId: string | null;
}

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp(memoryStore());
});

/** A register whose every text is in English only, and a French customer's agreement covering its one activity. */
async function englishOnlyRegister() {
  const create = (path: string, body: unknown) => createdVia(t, path, body);
  const organisation = { ...fixtures.organisation(), contact: { name: "Piet Privacy", email: "info@processor.example" } };
  expect((await t.request("PUT", "/api/v1/organisation", { body: organisation })).status).toBe(200);
  const subjects = await create("/api/v1/subject-categories", { name: { en: "Employees" } });
  const data = await create("/api/v1/data-categories", { name: { en: "Payslips" } });
  const measure = await create("/api/v1/security-measures", fixtures.securityMeasure());
  const activity = await create("/api/v1/activities", {
    role: "processor",
    name: { en: "Payroll processing" },
    subjectMatter: { en: "Payroll of the customer's staff" },
    nature: { en: "Computing and storing payslips" },
    purposes: [{ en: "Pay employees" }],
    subjectCategoryIds: [subjects.id],
    dataCategories: [{ dataCategoryId: data.id, retention: { kind: "event", event: { en: "End of the employment" } } }],
    securityMeasureIds: [measure.id],
    status: "active",
  });
  const vendor = await activeSubProcessorVia(t, {
    ...fixtures.subProcessor([activity.id]),
    processingDescription: { en: "Stores the payslips" },
  });
  const customer = await create("/api/v1/customers", { ...fixtures.customer(), language: "fr" });
  const agreement = await create("/api/v1/agreements", {
    ...fixtures.agreement(customer.id, [activity.id]),
    language: "fr",
    status: "active",
  });
  return { activity, data, subjects, measure, vendor, agreement };
}

describe("register texts missing in the document's language", () => {
  it("the French annex of an English-only register: a finding for every untranslated field, and every fallback marked [EN]", async () => {
    const r = await englishOnlyRegister();
    const response = await t.request("GET", `/api/v1/documents/annex/${r.agreement.id}/completeness`, { token: "read-only" });
    expect(response.status).toBe(200);
    const check = await bodyOf<{ language: string; complete: boolean; findings: Finding[] }>(response);
    expect(check.language).toBe("fr");
    expect(check.complete).toBe(false);
    const untranslated = check.findings.filter((f) => f.code === "untranslated");
    expect(untranslated.every((f) => f.article === "Langue du document")).toBe(true);
    expect(untranslated.map((f) => [f.entityType, f.entityId, f.message])).toEqual(
      expect.arrayContaining([
        [
          "processing_activity",
          r.activity.id,
          "Payroll processing : Activité de traitement n’a pas de texte en français ; affiché en anglais, marqué [EN]",
        ],
        [
          "processing_activity",
          r.activity.id,
          expect.stringMatching(/^Payroll processing : Objet du traitement n’a pas de texte en français/),
        ],
        ["processing_activity", r.activity.id, expect.stringMatching(/^Payroll processing : Nature du traitement n’a pas de texte/)],
        ["processing_activity", r.activity.id, expect.stringMatching(/^Payroll processing : Finalités n’a pas de texte/)],
        [
          "processing_activity",
          r.activity.id,
          expect.stringMatching(/^Payroll processing : Durée du traitement et durée de conservation n’a pas de texte/),
        ],
        ["subject_category", r.subjects.id, expect.stringMatching(/^Employees : Catégories de personnes concernées n’a pas de texte/)],
        ["data_category", r.data.id, expect.stringMatching(/^Payslips : Catégories de données à caractère personnel n’a pas de texte/)],
        ["security_measure", r.measure.id, expect.stringMatching(/^TLS everywhere : Mesure n’a pas de texte/)],
        ["security_measure", r.measure.id, expect.stringMatching(/^TLS everywhere : Description n’a pas de texte/)],
        ["sub_processor", r.vendor.id, expect.stringMatching(/^Hosting Provider GmbH : Service n’a pas de texte/)],
        ["sub_processor", r.vendor.id, expect.stringMatching(/^Hosting Provider GmbH : Description du traitement/)],
      ]),
    );
    // One finding per record and field, however often the text is shown.
    const keys = untranslated.map((f) => `${f.entityId} ${f.message}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(untranslated).toHaveLength(11);

    // The final PDF (no draft block) still never passes English off as French: each fallback carries its language.
    const pdf = await t.request("GET", `/api/v1/documents/annex/${r.agreement.id}?format=pdf`, { token: "read-only" });
    expect(pdf.status).toBe(200);
    const text = flat(pdfText(new Uint8Array(await pdf.arrayBuffer())));
    expect(text).not.toContain("Langue du document");
    for (const shown of [
      "[EN] Payroll processing",
      "[EN] Pay employees",
      "[EN] Payslips",
      "[EN] Employees",
      "[EN] TLS everywhere",
      "[EN] Hosting",
    ]) {
      expect(text).toContain(shown);
    }
    // The draft shows the findings above the document.
    const draft = await (
      await t.request("GET", `/api/v1/documents/annex/${r.agreement.id}?format=html&draft=true`, { token: "read-only" })
    ).text();
    expect(draft).toContain("Langue du document: Payroll processing : Activité de traitement n’a pas de texte en français");
  });

  it("a document in a language the register has raises no such finding and marks nothing", async () => {
    const r = await englishOnlyRegister();
    const response = await t.request("GET", `/api/v1/documents/annex/${r.agreement.id}/completeness?lang=en`, { token: "read-only" });
    const check = await bodyOf<{ findings: Finding[] }>(response);
    expect(check.findings.filter((f) => f.code === "untranslated")).toEqual([]);
    const html = await (
      await t.request("GET", `/api/v1/documents/annex/${r.agreement.id}?format=html&lang=en`, { token: "read-only" })
    ).text();
    expect(html).not.toContain("[EN]");
    expect(html).toContain("Payroll processing");
  });
});
