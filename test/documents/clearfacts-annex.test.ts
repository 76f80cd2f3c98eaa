import { beforeAll, describe, expect, it } from "vitest";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import { flat, pdfText } from "../helpers/pdf-text.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { makeTestApp, type TestApp } from "../helpers/test-app.ts";

// Every fact of article 13.4 of ClearFacts' terms (seed 001), and the clocks
// of 13.5.8, 13.5.10, 13.6.3 and art. 11, as the annex must state them. The
// Dutch facts are the seed's own words; the English ones its translation.
const FACTS = {
  nl: {
    "13.4.1 voorwerp": [
      "Onderhoud en beschikbaarheid van de applicatie Clearfacts",
      "Toegang tot de Clearfacts applicatie beheren",
      "Migratie van dossiers",
    ],
    "13.4.2 doeleinden": [
      "Toegang tot de applicatie beheren",
      "Zorg voor een applicatie voor het downloaden, herkennen en valideren van documenten",
      "Accountantsklanten in staat stellen hun Clearfacts-gegevens te migreren van een oude naar een nieuwe accountant",
    ],
    "13.4.3 soorten persoonsgegevens": [
      "Identificatiegegevens: naam, zakelijk of persoonlijk e-mailadres, IP-adres",
      "Technische gegevens: verleende toegang",
      "Identificatiegegevens: naam, zakelijk of persoonlijk e-mailadres, wachtwoorden",
      "Financiële gegevens: IBAN-nummer, BTW-nummer, rechtsvorm, CODA-bestanden (optioneel), SEPA-bestanden (optioneel)",
      "Persoonlijke gegevens: woon- of werkadres",
      "Factuurgegevens: naam tegenpartij, factuurdatum, bedragen, factuurnummer, vervaldatum betaling, communicatie, BTW-nummer tegenpartij, IBAN-nummer tegenpartij",
    ],
    "13.4.4 gevoelige persoonsgegevens": ["Gevoelige persoonsgegevens Geen"],
    "13.4.5 betrokkenen": ["Boekhouders", "Cliënten van boekhouders", "Tegenpartijen van deze cliënten"],
    "13.4.6 subverwerkers": [
      "Amazon Web Services EMEA SARL: Biedt hosting voor de dienst",
      "IxorDocs: Biedt OCR-functionaliteit",
      "Duitsland (Frankfurt)",
      "Ierland (Dublin)",
    ],
    "13.4.7 plaats": ["Plaats van de verwerking • België • Duitsland • Ierland"],
    "13.4.8 bewaartermijn": ["Duur van het contract met de registeraccountant of tot de toegang wordt opgeheven", "10 jaar"],
    "13.4.9 DPO": ["Data Protection Officer, dpo@clearfacts.example"],
    "13.5.8, 13.5.10, 13.6.3, art. 11": ["15 kalenderdagen", "3 maanden", "2 maanden", "Clausule 7.7, onder a), optie 2"],
  },
  en: {
    "13.4.1 subject matter": [
      "Maintenance and availability of the ClearFacts application",
      "Managing access to the ClearFacts application",
      "Migration of client files between accountants",
    ],
    "13.4.2 purposes": [
      "Manage access to the application",
      "Provide an application for downloading, recognising and validating documents",
      "Allow accountants' clients to migrate their ClearFacts data from a previous to a new accountant",
    ],
    "13.4.3 types of personal data": [
      "Identification data: name, business or personal e-mail address, IP address",
      "Technical data: access granted",
      "Identification data: name, business or personal e-mail address, passwords",
      "Financial data: IBAN, VAT number, legal form, CODA files (optional), SEPA files (optional)",
      "Personal data: home or work address",
      "Invoice data: counterparty name, invoice date, amounts, invoice number, payment due date, payment reference, counterparty VAT number, counterparty IBAN",
    ],
    "13.4.4 sensitive data": ["Sensitive data None"],
    "13.4.5 data subjects": ["Accountants", "Accountants' clients", "Counterparties of those clients"],
    "13.4.6 sub-processors": [
      "Amazon Web Services EMEA SARL: Provides hosting for the service",
      "IxorDocs: Provides OCR functionality",
      "Germany (Frankfurt)",
      "Ireland (Dublin)",
    ],
    "13.4.7 places": ["Places of processing • Belgium • Germany • Ireland"],
    "13.4.8 retention": ["Duration of the contract with the registered accountant or until access is revoked", "10 years"],
    "13.4.9 DPO": ["Data Protection Officer, dpo@clearfacts.example"],
    "13.5.8, 13.5.10, 13.6.3, art. 11": [
      "15 calendar days",
      "3 months",
      "2 months",
      "Clause 7.7(a), option 2: general written authorisation",
    ],
  },
} as const;

describe("the ClearFacts demo agreement's annex (article 13.4 of the seed)", () => {
  let t: TestApp;
  let agreementId: string;
  beforeAll(async () => {
    t = await makeTestApp(memoryStore());
    agreementId = (await loadDemoRegister(t.store)).agreementIds["CF-DPA-2024-001"] as string;
  });

  describe.each(["nl", "en"] as const)("as a PDF in %s", (lang) => {
    let text: string;
    beforeAll(async () => {
      const response = await t.request("GET", `/api/v1/documents/annex/${agreementId}?format=pdf&lang=${lang}`);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      text = flat(pdfText(new Uint8Array(await response.arrayBuffer())));
    });

    it.each(Object.entries(FACTS[lang]))("states %s", (_, facts) => {
      for (const fact of facts) expect(text, fact).toContain(fact);
    });

    it("names both parties, the agreement and the clause 7.7 objection window", () => {
      for (const fact of ["ClearFacts BV", "Boekhoudkantoor Peeters BV", "An Peeters", "CF-DPA-2024-001"]) expect(text).toContain(fact);
      const window = lang === "nl" ? "ten minste 15 kalenderdagen" : "at least 15 calendar days";
      expect(text).toContain(window);
    });

    it("prints page N of M and the content fingerprint on every page", async () => {
      const response = await t.request("GET", `/api/v1/documents/annex/${agreementId}?format=pdf&lang=${lang}`);
      const fingerprint = response.headers.get("x-document-fingerprint") as string;
      const pages = text.match(lang === "nl" ? /Pagina (\d+) van (\d+)/g : /Page (\d+) of (\d+)/g) ?? [];
      expect(pages.length).toBeGreaterThan(1);
      const total = Number(/(\d+)$/.exec(pages[0] as string)?.[1]);
      expect(pages).toHaveLength(total);
      expect(text.split(fingerprint).length - 1).toBeGreaterThanOrEqual(total);
    });
  });

  it("uses the agreement's own language when none is asked for", async () => {
    const response = await t.request("GET", `/api/v1/documents/annex/${agreementId}`);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain('<html lang="nl">');
    expect(html).toContain("Bijlage IV: Lijst van subverwerkers");
  });
});
