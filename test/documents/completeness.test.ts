import { beforeEach, describe, expect, it } from "vitest";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import * as fixtures from "../helpers/fixtures.ts";
import { flat, pdfText } from "../helpers/pdf-text.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { activeSubProcessorVia, bodyOf, createdVia, makeTestApp, type TestApp } from "../helpers/test-app.ts";

interface Finding {
  article: string;
  code: string;
  message: string;
  entityType: string | null;
  entityId: string | null;
}
interface Check {
  language: string;
  complete: boolean;
  findings: Finding[];
}

const CONTROLLER = "/api/v1/documents/art30-controller";
const annexOf = (agreementId: string) => `/api/v1/documents/annex/${agreementId}`;

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp(memoryStore());
});

const create = (path: string, body: unknown) => createdVia(t, path, body);

async function check(path: string, query = ""): Promise<Check> {
  const response = await t.request("GET", `${path}/completeness${query}`, { token: "read-only" });
  expect(response.status, await response.clone().text()).toBe(200);
  return bodyOf<Check>(response);
}

/** The document's text as a reader sees it: the HTML's markup or the PDF's text, whitespace runs as one space. */
async function documentText(path: string, format: "html" | "pdf", query: string): Promise<string> {
  const response = await t.request("GET", `${path}?format=${format}${query}`, { token: "read-only" });
  expect(response.status).toBe(200);
  return format === "html" ? response.text() : flat(pdfText(new Uint8Array(await response.arrayBuffer())));
}

/** An organisation with a contact person and a DPO, and the linked entities every activity needs. */
async function basics() {
  const organisation = { ...fixtures.organisation(), contact: { name: "Piet Privacy", email: "info@processor.example" } };
  expect((await t.request("PUT", "/api/v1/organisation", { body: organisation })).status).toBe(200);
  const subjects = await create("/api/v1/subject-categories", fixtures.subjectCategory());
  const measure = await create("/api/v1/security-measures", fixtures.securityMeasure());
  return { subjectCategoryIds: [subjects.id], securityMeasureIds: [measure.id] };
}

const TWO_YEARS = { kind: "period", period: { length: 2, unit: "years" } };

/** A controller activity that transfers to the US with no mechanism and keeps bank details with no retention. */
async function controllerRegister() {
  const links = await basics();
  const bank = await create("/api/v1/data-categories", { name: { en: "Bank account numbers", nl: "Rekeningnummers" } });
  const activity = await create("/api/v1/activities", {
    ...links,
    role: "controller",
    name: { en: "Newsletter mailing", nl: "Nieuwsbriefverzending" },
    purposes: [{ en: "Send the newsletter", nl: "De nieuwsbrief versturen" }],
    legalBasis: "consent",
    dataCategories: [{ dataCategoryId: bank.id, retention: null }],
    transfers: [{ country: "US", mechanism: null }],
    status: "active",
  });
  return { activityId: activity.id, bankId: bank.id };
}

/** An unsigned agreement covering a processor activity with health data and no safeguards, served by a sub-processor with no description. */
async function annexRegister() {
  const links = await basics();
  const health = await create("/api/v1/data-categories", { name: { en: "Health data" }, special: "art9" });
  const activity = await create("/api/v1/activities", {
    ...links,
    role: "processor",
    name: { en: "Absence registration" },
    purposes: [{ en: "Record sick leave" }],
    nature: { en: "Storage and retrieval" },
    dataCategories: [{ dataCategoryId: health.id, retention: TWO_YEARS }],
    status: "active",
  });
  const subProcessor = await activeSubProcessorVia(t, fixtures.subProcessor([activity.id]));
  const customer = await create("/api/v1/customers", fixtures.customer());
  const agreement = await create("/api/v1/agreements", {
    ...fixtures.agreement(customer.id, [activity.id]),
    signedOn: null,
    status: "active",
  });
  return { activityId: activity.id, subProcessorId: subProcessor.id, agreementId: agreement.id };
}

describe("the completeness check", () => {
  it("lists a transfer without mechanism under Art. 30(1)(e) and a missing retention under Art. 30(1)(f), in the reader's language", async () => {
    const { activityId } = await controllerRegister();
    const entity = { entityType: "processing_activity", entityId: activityId };
    expect(await check(CONTROLLER, "?lang=en")).toEqual({
      language: "en",
      complete: false,
      findings: [
        {
          article: "Art. 30(1)(f)",
          code: "retentionMissing",
          message: "Newsletter mailing: no retention for data category Bank account numbers",
          ...entity,
        },
        {
          article: "Art. 30(1)(e)",
          code: "transferWithoutMechanism",
          message: "Newsletter mailing: transfer to United States without a named mechanism",
          ...entity,
        },
      ],
    });
    const nl = await check(CONTROLLER, "?lang=nl");
    expect(nl.language).toBe("nl");
    expect(nl.findings).toContainEqual({
      article: "Art. 30(1)(e)",
      code: "transferWithoutMechanism",
      message: "Nieuwsbriefverzending: doorgifte naar Verenigde Staten zonder vermeld mechanisme",
      ...entity,
    });
    expect(nl.findings.find((f) => f.article === "Art. 30(1)(f)")?.message).toContain("Rekeningnummers");
  });

  it("lists what an annex lacks under Annexes I, II and IV", async () => {
    const { activityId, subProcessorId, agreementId } = await annexRegister();
    expect(await check(annexOf(agreementId), "?lang=en")).toEqual({
      language: "en",
      complete: false,
      findings: [
        {
          article: "Annex I",
          code: "unsigned",
          message: "agreement DPA-1 has no signature date",
          entityType: "agreement",
          entityId: agreementId,
        },
        {
          article: "Annex II",
          code: "specialWithoutSafeguards",
          message: "Absence registration: special-category data without safeguards",
          entityType: "processing_activity",
          entityId: activityId,
        },
        {
          article: "Annex IV",
          code: "subProcessorWithoutDescription",
          message: "Hosting Provider GmbH: no description of the processing delimiting its responsibilities",
          entityType: "sub_processor",
          entityId: subProcessorId,
        },
      ],
    });
    // Without lang, an annex speaks the agreement's language.
    expect((await check(annexOf(agreementId))).language).toBe("nl");
  });

  it("finds the ClearFacts demo register's annexes complete", async () => {
    const { agreementIds } = await loadDemoRegister(t.store);
    expect(Object.keys(agreementIds).length).toBeGreaterThan(0);
    for (const [reference, id] of Object.entries(agreementIds)) {
      for (const lang of ["en", "nl", "fr"]) {
        expect(await check(annexOf(id), `?lang=${lang}`), `${reference} in ${lang}`).toEqual({
          language: lang,
          complete: true,
          findings: [],
        });
      }
    }
    const [id = ""] = Object.values(agreementIds);
    expect(await documentText(annexOf(id), "html", "&lang=en&draft=true")).toContain("No missing statutory content found.");
  });

  it("clears each finding once the register holds what was missing", async () => {
    const { activityId, bankId } = await controllerRegister();
    const patch = (body: unknown) => t.request("PATCH", `/api/v1/activities/${activityId}`, { token: "editor", body });
    expect((await patch({ transfers: [{ country: "US", mechanism: { kind: "scc" } }] })).status).toBe(200);
    expect((await check(CONTROLLER, "?lang=en")).findings.map((f) => f.article)).toEqual(["Art. 30(1)(f)"]);
    expect((await patch({ dataCategories: [{ dataCategoryId: bankId, retention: TWO_YEARS }] })).status).toBe(200);
    expect(await check(CONTROLLER, "?lang=en")).toEqual({ language: "en", complete: true, findings: [] });
  });
});

describe("draft and final documents", () => {
  const cases = [
    [
      "the Art. 30(1) record",
      async () => {
        await controllerRegister();
        return CONTROLLER;
      },
    ],
    ["the annex", async () => annexOf((await annexRegister()).agreementId)],
  ] as const;

  it.each(cases)("%s shows the findings with their articles in draft, as HTML and PDF, and not in the final version", async (_, build) => {
    const path = await build();
    const { findings } = await check(path, "?lang=en");
    expect(findings.length).toBeGreaterThan(1);
    for (const format of ["html", "pdf"] as const) {
      const draft = await documentText(path, format, "&lang=en&draft=true");
      expect(draft).toContain("Completeness check");
      expect(draft).toContain("DRAFT: not for signature.");
      for (const f of findings) expect(draft, format).toContain(`${f.article}: ${f.message}`);

      for (const query of ["&lang=en", "&lang=en&draft=false"]) {
        const final = await documentText(path, format, query);
        expect(final, `${format}${query}`).not.toContain("Completeness check");
        expect(final).not.toContain("DRAFT");
        for (const f of findings) expect(final, `${format}${query}`).not.toContain(f.message);
      }
    }
  });
});

describe("bad completeness requests", () => {
  it("answers 404 problem+json for an unknown agreement and changes nothing", async () => {
    await annexRegister();
    const before = await snapshot(t.store);
    const response = await t.request("GET", `${annexOf("0190a8f0-0000-7000-8000-000000000000")}/completeness`, { token: "read-only" });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(await bodyOf(response)).toMatchObject({ status: 404 });
    expect(await snapshot(t.store)).toEqual(before);
  });

  it("answers 422 for a language the documents are not written in, and changes nothing", async () => {
    const { agreementId } = await annexRegister();
    const before = await snapshot(t.store);
    for (const path of [CONTROLLER, annexOf(agreementId)]) {
      const response = await t.request("GET", `${path}/completeness?lang=de`, { token: "read-only" });
      expect(response.status).toBe(422);
      expect(response.headers.get("content-type")).toContain("application/problem+json");
    }
    expect(await snapshot(t.store)).toEqual(before);
  });
});
