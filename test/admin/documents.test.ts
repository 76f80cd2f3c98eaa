import { describe, expect, it } from "vitest";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { listExports } from "../../src/core/documents/export-use-cases.ts";
import { agreementKind } from "../../src/core/register/agreements.ts";
import { createEntity } from "../../src/core/register/use-cases/create-entity.ts";
import { type AdminUi, makeAdminUi, type UiSession } from "../helpers/admin-ui.ts";
import { settableClock } from "../helpers/clocks.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { memoryStore } from "../helpers/sqlite.ts";

const NOW = "2026-11-20T09:00:00.000Z";
const DOCUMENT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

async function demoUi(role: "admin" | "editor" | "read-only" = "admin") {
  const store = memoryStore();
  const demo = await loadDemoRegister(store);
  const clock = settableClock(NOW);
  const ui = await makeAdminUi(store, clock);
  const session = await ui.signIn(role);
  const exports = async () => (await listExports(makeCtx(store, SYSTEM_ACTOR, clock), {})).items;
  return { ui, session, agreements: demo.agreementIds, exports, clock };
}

/** Follows a link of a page by its exact text, as a person would click it. */
async function follow(ui: AdminUi, session: UiSession, pagePath: string, text: string): Promise<Response> {
  const page = await (await ui.get(pagePath, session)).text();
  const links = [...page.matchAll(/<a href="([^"]+)"[^>]*>([^<]*)<\/a>/g)].filter(([, , label]) => label === text);
  expect(
    links.map(([, href]) => href),
    `links "${text}"`,
  ).toHaveLength(1);
  return ui.get((links[0]?.[1] ?? "").replaceAll("&amp;", "&"), session);
}

describe("the documents page", () => {
  it("lists both Art. 30 records and every demo agreement's annex, each with its preview and downloads", async () => {
    const { ui, session, agreements } = await demoUi("read-only");
    const response = await ui.get("/admin/documents", session);
    expect(response.status).toBe(200);
    const page = await response.text();
    for (const name of ["Art. 30(1) record", "Art. 30(2) record"]) {
      for (const format of ["PDF", "CSV", "JSON"]) expect(page).toContain(`>${name} — ${format}</a>`);
    }
    for (const [reference, id] of Object.entries(agreements)) {
      expect(page).toContain(`<a href="/admin/documents/annex/${id}/preview?">Preview Annex ${reference}</a>`);
      expect(page).toContain(`<a href="/admin/documents/annex/${id}/download?format=pdf" download>Annex ${reference} — PDF</a>`);
      expect(page).not.toContain(`Annex ${reference} — CSV`);
    }
    expect(page).toContain("Boekhoudkantoor Peeters BV");
    expect(page).toContain("Nothing has been exported yet.");
  });

  it("pages the annexes a hundred agreements at a time, keeping the language", async () => {
    const { ui, session, agreements, clock } = await demoUi();
    const ctx = makeCtx(ui.store, SYSTEM_ACTOR, clock);
    const [model] = await agreementKind.load(ui.store.db, [agreements["CF-DPA-2024-001"] ?? ""]);
    if (!model) throw new Error("demo agreement missing");
    for (let i = 0; i < 98; i++) {
      await createEntity(ctx, agreementKind, { ...agreementKind.toInput(model), reference: `ZZ-${String(i).padStart(3, "0")}` });
    }
    const first = await (await ui.get("/admin/documents?lang=en", session)).text();
    expect(first).toContain("Agreements 1 to 100 of 101, by reference.");
    expect(first).toContain("Annex ZZ-096 — PDF");
    expect(first).not.toContain("Annex ZZ-097 — PDF");
    expect(first).toContain('<a href="/admin/documents?lang=en&amp;annexesFrom=100#annexes">Next agreements</a>');
    const second = await (await ui.get("/admin/documents?lang=en&annexesFrom=100", session)).text();
    expect(second).toContain("Agreements 101 to 101 of 101, by reference.");
    expect(second).toContain("Annex ZZ-097 — PDF");
    expect(second).toContain('<a href="/admin/documents?lang=en#annexes">Previous agreements</a>');
    expect((await ui.get("/admin/documents?annexesFrom=-5", session)).status).toBe(400);
  });

  it("carries the chosen language and date into every link", async () => {
    const { ui, session, agreements } = await demoUi();
    const page = await (await ui.get("/admin/documents?lang=fr&asOf=2026-01-31", session)).text();
    expect(page).toContain(`/admin/documents/annex/${agreements["CF-DPA-2024-001"]}/download?format=pdf&amp;lang=fr&amp;asOf=2026-01-31`);
    expect(page).toContain('<option value="fr" selected>French</option>');
    expect(page).toContain('value="2026-01-31"');
  });

  it("previews an annex as HTML under the documents' own policy, recorded as an export", async () => {
    const { ui, session, agreements, exports } = await demoUi();
    const response = await follow(ui, session, "/admin/documents", "Preview Annex CF-DPA-2024-002");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("content-security-policy")).toBe(DOCUMENT_CSP);
    expect(response.headers.get("content-disposition")).toMatch(/^inline; filename="annex_.+\.html"$/);
    const body = await response.text();
    expect(body).toContain("CF-DPA-2024-002");
    expect(body).toContain("Fiduciaire Dupont SRL");
    expect(body).toContain('lang="fr"'); // the agreement's language
    expect(await exports()).toMatchObject([{ kind: "annex", agreementId: agreements["CF-DPA-2024-002"], format: "html", language: "fr" }]);
  });

  it("downloads an annex PDF as an attachment and lists the export with its fingerprint afterwards", async () => {
    const { ui, session, agreements, exports } = await demoUi();
    const response = await follow(ui, session, "/admin/documents", "Annex CF-DPA-2024-001 — PDF");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("content-disposition")).toMatch(
      /^attachment; filename="annex_CF-DPA-2024-001_2026-11-20T090000Z_nl\.pdf"$/,
    );
    const bytes = new Uint8Array(await response.arrayBuffer());
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");

    const [recorded, ...more] = await exports();
    expect(more).toEqual([]);
    expect(recorded).toMatchObject({
      kind: "annex",
      agreementId: agreements["CF-DPA-2024-001"],
      format: "pdf",
      language: "nl",
      actor: { name: "Test admin <admin@example.test>" },
    });
    expect(recorded?.sha256).toBe(response.headers.get("x-content-sha256"));
    expect(recorded?.fingerprint).toBe(response.headers.get("x-document-fingerprint"));

    const page = await (await ui.get("/admin/documents", session)).text();
    const row = page.split("<tr>").find((r) => r.includes(`/admin/documents/exports/${recorded?.id}`)) ?? "";
    expect(row).toContain("Annex CF-DPA-2024-001");
    expect(row).toContain("<td>PDF</td>");
    expect(row).toContain("<td>Dutch</td>");
    expect(row).toContain("Test admin");
    expect(row.replaceAll("<wbr>", "")).toContain(recorded?.fingerprint);
    expect(row.replaceAll("<wbr>", "")).toContain(recorded?.sha256);

    const detail = await ui.get(`/admin/documents/exports/${recorded?.id}`, session);
    expect(detail.status).toBe(200);
    expect(await detail.text()).toContain('<span class="badge ok">Verified</span>');
  });

  it("downloads the Art. 30 records as CSV and JSON in the chosen language, as of the end of a past day", async () => {
    const { ui, session, exports } = await demoUi("editor");
    const csv = await ui.get("/admin/documents/art30-processor/download?format=csv&lang=en", session);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-disposition")).toMatch(/^attachment; filename="art30-processor_.+_en\.csv"$/);
    const json = await ui.get("/admin/documents/art30-controller/download?format=json&lang=fr&asOf=2025-06-30", session);
    expect(json.status).toBe(200);
    expect(((await json.json()) as { meta: { language: string } }).meta.language).toBe("fr");
    // The end of 30 June 2025 in Brussels: midnight on 1 July (UTC+2 in summer) is 22:00 UTC on 30 June, less 1 ms.
    expect((await exports()).map((e) => [e.kind, e.format, e.language, e.asOf])).toEqual([
      ["art30-processor", "csv", "en", NOW],
      ["art30-controller", "json", "fr", "2025-06-30T21:59:59.999Z"],
    ]);
  });

  it("answers 404 for an agreement it does not know, or one that did not exist yet on the date asked", async () => {
    const { ui, session, agreements, exports } = await demoUi();
    for (const path of [
      "/admin/documents/annex/01939a6e-0000-7000-8000-000000000000/download?format=pdf",
      "/admin/documents/annex/not-an-id/preview",
      `/admin/documents/annex/${agreements["CF-DPA-2024-001"]}/preview?asOf=2024-12-31`,
    ]) {
      const response = await ui.get(path, session);
      expect(response.status, path).toBe(404);
      expect(await response.text()).toContain("Not found");
    }
    expect(await exports()).toEqual([]);
  });

  it("refuses an unknown format, language, date or parameter with a page, recording nothing", async () => {
    const { ui, session, agreements } = await demoUi();
    const annex = `/admin/documents/annex/${agreements["CF-DPA-2024-001"]}`;
    const before = await snapshot(ui.store);
    for (const path of [
      `${annex}/download?format=docx`,
      `${annex}/download?format=pdf&lang=de`,
      `${annex}/download`,
      `${annex}/download?format=pdf&asOf=2026-11-21`,
      `${annex}/download?format=pdf&asOf=yesterday`,
      `${annex}/preview?format=pdf`,
      `${annex}/preview?debug=1`,
      "/admin/documents?lang=xx",
    ]) {
      const response = await ui.get(path, session);
      expect(response.status, path).toBe(400);
      expect(response.headers.get("content-type"), path).toContain("text/html");
    }
    // An annex has no CSV form: the document rule (document-request.ts) refuses it.
    expect((await ui.get(`${annex}/download?format=csv`, session)).status).toBe(422);
    expect(await snapshot(ui.store)).toEqual(before);
  });
});
