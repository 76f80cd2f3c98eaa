import { parse } from "csv-parse/sync";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { securityMeasures } from "../../db/schema.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { bodyOf, makeTestApp, type TestApp } from "../helpers/test-app.ts";

const FORMATS = ["html", "pdf", "csv", "json"] as const;

interface ExportRecord {
  id: string;
  kind: string;
  format: string;
  asOf: string;
  sha256: string;
  fingerprint: string;
  fileName: string;
  actor: { name: string };
}

async function download(t: TestApp, path: string) {
  const response = await t.request("GET", path);
  expect(
    response.status,
    await response
      .clone()
      .text()
      .then((b) => b.slice(0, 300)),
  ).toBe(200);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    response,
    bytes,
    sha256: response.headers.get("x-content-sha256") as string,
    fingerprint: response.headers.get("x-document-fingerprint") as string,
    exportId: response.headers.get("x-export-id") as string,
  };
}

const hex = async (bytes: Uint8Array) =>
  Buffer.from(await crypto.subtle.digest("SHA-256", bytes as Uint8Array<ArrayBuffer>)).toString("hex");
const recordPath = (format: string) =>
  format === "csv" ? `/api/v1/documents/art30-controller?format=csv` : `/api/v1/documents/art30-processor?format=${format}`;

describe("reproducible exports", () => {
  let t: TestApp;
  let annexOf: Record<string, string>;
  let loadedUntil: string;
  beforeEach(async () => {
    const store = memoryStore();
    const demo = await loadDemoRegister(store);
    t = await makeTestApp(store, demo.clock);
    annexOf = demo.agreementIds;
    loadedUntil = demo.loadedUntil;
  });

  it.each(FORMATS)("gives the same bytes and sha256 for the same inputs (%s)", async (format) => {
    const asOf = loadedUntil;
    const first = await download(t, `${recordPath(format)}&asOf=${asOf}`);
    const second = await download(t, `${recordPath(format)}&asOf=${asOf}`);
    expect(first.bytes.length).toBeGreaterThan(500);
    expect(second.bytes).toEqual(first.bytes);
    expect(second.sha256).toBe(first.sha256);
    expect(await hex(first.bytes)).toBe(first.sha256);
    expect(second.exportId).not.toBe(first.exportId);
  });

  it.each(FORMATS)("changes with the register, and as of an earlier instant gives the earlier bytes again (%s)", async (format) => {
    const before = await download(t, recordPath(format));
    // Every demo activity names this measure, so both records show it.
    const [row] = await t.store.db
      .select({ id: securityMeasures.id })
      .from(securityMeasures)
      .where(sql`json_extract(${securityMeasures.title}, '$.en') = 'Encryption in transit'`);
    const patched = await t.request("PATCH", `/api/v1/security-measures/${row?.id}`, {
      body: { title: { en: "Encryption in transit (TLS 1.3)", nl: "Versleuteling tijdens transport (TLS 1.3)" } },
    });
    expect(patched.status).toBe(200);

    const after = await download(t, recordPath(format));
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(after.sha256).not.toBe(before.sha256);

    const { asOf } = await bodyOf<ExportRecord>(await t.request("GET", `/api/v1/exports/${before.exportId}`));
    const again = await download(t, `${recordPath(format)}&asOf=${encodeURIComponent(asOf)}`);
    expect(again.sha256).toBe(before.sha256);
    expect(again.bytes).toEqual(before.bytes);
  });

  it("records every export and verifies a past one by regenerating it", async () => {
    const annex = await download(t, `/api/v1/documents/annex/${annexOf["CF-DPA-2024-001"]}?format=pdf&lang=en`);
    const listed = await bodyOf<{ items: ExportRecord[] }>(await t.request("GET", "/api/v1/exports?kind=annex", { token: "read-only" }));
    expect(listed.items).toHaveLength(1);
    const record = listed.items[0] as ExportRecord;
    expect(record).toMatchObject({
      id: annex.exportId,
      kind: "annex",
      format: "pdf",
      sha256: annex.sha256,
      fingerprint: annex.fingerprint,
      actor: { name: "test admin" },
    });
    expect(record.fileName).toMatch(/^annex_CF-DPA-2024-001_\d{4}-\d\d-\d\dT\d{6}Z_en\.pdf$/);

    const bySha = await bodyOf<{ items: ExportRecord[] }>(await t.request("GET", `/api/v1/exports?sha256=${annex.sha256}`));
    expect(bySha.items.map((e) => e.id)).toEqual([annex.exportId]);

    // A later change to the register does not change what the past export regenerates to.
    const customers = await bodyOf<{ items: { id: string }[] }>(await t.request("GET", "/api/v1/customers"));
    expect(
      (await t.request("PATCH", `/api/v1/customers/${customers.items[0]?.id}`, { body: { legalName: "Peeters & Partners BV" } })).status,
    ).toBe(200);
    const verification = await bodyOf<{ verified: boolean; regeneratedSha256: string; explanation: string }>(
      await t.request("GET", `/api/v1/exports/${annex.exportId}/verify`),
    );
    expect(verification).toMatchObject({ verified: true, regeneratedSha256: annex.sha256 });
    const file = await download(t, `/api/v1/exports/${annex.exportId}/file`);
    expect(file.bytes).toEqual(annex.bytes);
    expect(file.response.headers.get("content-disposition")).toBe(`attachment; filename="${record.fileName}"`);
  });

  it("reports a past export that the audit trail no longer reproduces", async () => {
    const record = await download(t, `/api/v1/documents/art30-controller?format=json`);
    // Rewriting history behind the register's back, as an attacker with database access might.
    await t.store.db.run(
      sql`update audit_entries set "after" = json_set("after", '$.legalName', 'Someone Else BV') where entity_type = 'organisation'`,
    );
    const verification = await bodyOf<{ verified: boolean; explanation: string }>(
      await t.request("GET", `/api/v1/exports/${record.exportId}/verify`),
    );
    expect(verification.verified).toBe(false);
    expect(verification.explanation).toContain("does not reproduce");
  });

  it("serves each format with its content type and a meaningful file name", async () => {
    const expected = { html: "text/html; charset=utf-8", pdf: "application/pdf", csv: "text/csv; charset=utf-8", json: "application/json" };
    for (const format of FORMATS) {
      const { response } = await download(t, recordPath(format));
      expect(response.headers.get("content-type")).toBe(expected[format]);
      const kind = format === "csv" ? "art30-controller" : "art30-processor";
      expect(response.headers.get("content-disposition")).toMatch(
        new RegExp(`^(inline|attachment); filename="${kind}_ClearFacts-BV_\\d{4}-\\d\\d-\\d\\dT\\d{6}Z_nl\\.${format}"$`),
      );
    }
  });

  it("writes the Art. 30(1) record as CSV: one row per activity, columns in the order of the items", async () => {
    const { bytes } = await download(t, "/api/v1/documents/art30-controller?format=csv&lang=en");
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text).toContain("\r\n");
    const [header, ...rows] = parse(text, { relax_column_count: false }) as string[][];
    expect(header).toEqual([
      "#",
      "(a) Controller, contact details and DPO",
      "Processing activity",
      "(b) Purposes",
      "Legal basis",
      "(c) Categories of data subjects",
      "(c) Categories of personal data",
      "(c) Special categories of personal data",
      "(d) Categories of recipients",
      "(e) Transfers to third countries",
      "(f) Time limits for erasure",
      "(g) Security measures",
    ]);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.[2]).toBe("Maintaining commercial relations");
    expect(rows[0]?.[10]).toBe("7 years after: End of the customer relationship");
  });

  it("renders the JSON form canonically (sorted keys, no whitespace) with the same fingerprint as the PDF", async () => {
    const json = await download(t, "/api/v1/documents/art30-processor?format=json&lang=en");
    const pdf = await download(t, "/api/v1/documents/art30-processor?format=pdf&lang=en");
    const text = new TextDecoder().decode(json.bytes);
    const parsed = JSON.parse(text) as { meta: { fingerprint: string }; body: { controllers: unknown[] } };
    expect(Object.keys(parsed)).toEqual(["body", "findings", "meta", "table"]);
    expect(text).not.toMatch(/\n/);
    expect(parsed.meta.fingerprint).toBe(pdf.fingerprint);
    expect(parsed.body.controllers).toHaveLength(3);
  });
});

describe("bad document requests", () => {
  let t: TestApp;
  let agreementId: string;
  beforeEach(async () => {
    const store = memoryStore();
    const demo = await loadDemoRegister(store);
    t = await makeTestApp(store, demo.clock);
    agreementId = demo.agreementIds["CF-DPA-2024-001"] as string;
  });

  it.each([
    ["an unknown format", "/api/v1/documents/art30-controller?format=docx", 422, "format"],
    ["an unknown language", "/api/v1/documents/art30-controller?lang=de", 422, "lang"],
    ["an as-of that is not an instant", "/api/v1/documents/art30-controller?asOf=yesterday", 422, "asOf"],
    ["an as-of in the future", "/api/v1/documents/art30-controller?asOf=2999-01-01T00:00:00Z", 422, "asOf"],
    ["a CSV annex", `/api/v1/documents/annex/{agreement}?format=csv`, 422, "format"],
    ["an unknown draft flag", "/api/v1/documents/art30-controller?draft=yes", 422, "draft"],
  ])("refuses %s with a named field and records nothing", async (_, path, status, field) => {
    const before = await snapshot(t.store);
    const response = await t.request("GET", path.replace("{agreement}", agreementId));
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    const problem = await bodyOf<{ errors: { field: string }[] }>(response);
    expect(problem.errors.map((e) => e.field)).toContain(field);
    expect(await snapshot(t.store)).toEqual(before);
  });

  it.each([
    ["the annex of an unknown agreement", "/api/v1/documents/annex/0190a000-0000-7000-8000-000000000000?format=pdf"],
    ["an annex as of before its agreement existed", `/api/v1/documents/annex/{agreement}?asOf=2024-01-01T00:00:00Z`],
    ["an unknown export", "/api/v1/exports/0190a000-0000-7000-8000-000000000000/verify"],
  ])("answers 404 for %s and records nothing", async (_, path) => {
    const before = await snapshot(t.store);
    const response = await t.request("GET", path.replace("{agreement}", agreementId));
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
    expect(await snapshot(t.store)).toEqual(before);
  });

  it("answers 422 naming the id for an export id that is not an id, as the OpenAPI document says (format uuid)", async () => {
    const before = await snapshot(t.store);
    const response = await t.request("GET", "/api/v1/exports/not-an-id/file");
    expect(response.status).toBe(422);
    expect((await bodyOf<{ errors: { field: string }[] }>(response)).errors.map((e) => e.field)).toEqual(["id"]);
    expect(await snapshot(t.store)).toEqual(before);
  });
});
