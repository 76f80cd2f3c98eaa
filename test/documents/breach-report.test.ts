// The report of a breach for one customer it affects, as HTML and PDF, in the agreement's language.
import { describe, expect, it } from "vitest";
import { changeWorld } from "../helpers/changes.ts";
import { flat, pdfText } from "../helpers/pdf-text.ts";
import { bodyOf } from "../helpers/test-app.ts";

describe("the breach report", () => {
  it("states what happened and when the customer was told, as HTML and PDF, in the agreement's language; same bytes twice", async () => {
    const w = await changeWorld();
    const recorded = await bodyOf<{ breach: { id: string; affectedAgreementIds: string[] } }>(
      await w.t.request("POST", "/api/v1/breaches", {
        body: {
          summary: "A misconfigured bucket exposed scanned invoices.",
          discoveredAt: "2026-11-20T07:30:00Z",
          activityIds: [w.maintenance],
          approxSubjects: 120,
          likelyConsequences: "IBANs may have been read.",
          measuresTaken: "The bucket was closed.",
        },
      }),
    );
    const { id, affectedAgreementIds } = recorded.breach;
    const dutch = w.agreements["CF-DPA-2024-001"] as string;
    expect(affectedAgreementIds).toContain(dutch);

    const html = await w.t.request("GET", `/api/v1/breaches/${id}/report/CF-DPA-2024-001?format=html`);
    expect(html.status, await html.clone().text()).toBe(200);
    expect(html.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const page = await html.text();
    expect(page).toContain("<h1>Rapport over een datalek</h1>");
    expect(page).toContain('<tr><th scope="row">Wat er gebeurde</th><td>A misconfigured bucket exposed scanned invoices.</td></tr>');
    expect(page).toContain('<tr><th scope="row">Geschat aantal betrokkenen</th><td>120</td></tr>');
    expect(page).toContain('<tr><th scope="row">Meldingstermijn volgens de overeenkomst</th><td>24 uur</td></tr>');
    expect(page).toMatch(/<tr><th scope="row">Gemeld<\/th><td>[^<]+ \(binnen de termijn\)<\/td><\/tr>/);

    const pdf = await w.t.request("GET", `/api/v1/breaches/${id}/report/CF-DPA-2024-001?format=pdf&lang=en`);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    const bytes = new Uint8Array(await pdf.arrayBuffer());
    const text = flat(pdfText(bytes));
    expect(text).toContain("Personal data breach report");
    expect(text).toContain("A misconfigured bucket exposed scanned invoices.");
    expect(text).toContain("within the period");
    const again = await w.t.request("GET", `/api/v1/breaches/${id}/report/CF-DPA-2024-001?format=pdf&lang=en`);
    expect(again.headers.get("x-content-sha256")).toBe(pdf.headers.get("x-content-sha256"));

    // An agreement covering nothing the breach involved has no report.
    const customer = await bodyOf<{ id: string }>(
      await w.t.request("POST", "/api/v1/customers", {
        body: {
          legalName: "Other NV",
          address: { street: "Straat 1", postalCode: "9000", city: "Gent", country: "BE" },
          contact: { email: "o@other.example" },
          language: "nl",
        },
      }),
    );
    const other = await w.t.request("POST", "/api/v1/agreements", {
      body: {
        customerId: customer.id,
        reference: "OTHER-1",
        version: "1",
        language: "nl",
        authorisation: "general",
        clocks: { subProcessorNotice: { length: 30, unit: "calendar_days" } },
        status: "active",
      },
    });
    expect(other.status).toBe(201);
    expect((await w.t.request("GET", `/api/v1/breaches/${id}/report/OTHER-1`)).status).toBe(404);
    expect((await w.t.request("GET", `/api/v1/breaches/${id}/report/CF-DPA-2024-001?format=csv`)).status).toBe(422);
  });
});
