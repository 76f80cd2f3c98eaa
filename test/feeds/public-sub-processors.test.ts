import { DomUtils, parseDocument } from "htmlparser2";
import { beforeEach, describe, expect, it } from "vitest";
import { memoryStore } from "../helpers/sqlite.ts";
import { activeSubProcessorVia, bodyOf, makeTestApp } from "../helpers/test-app.ts";
import { clearFactsWorld, type FeedWorld, proposeVendor, publicGet } from "./feed-fixtures.ts";

interface PublicList {
  organisation: { legalName: string; country: string; dpoEmail: string };
  language: string;
  generatedAt: string;
  subProcessors: {
    legalName: string;
    service: string;
    locations: { country: string; name: string; region: string | null }[];
    transfer: { outsideEea: boolean; label: string };
  }[];
  announcedChanges: { id: string; kind: string; title: string; vendor: { legalName: string } }[];
}

/** Names that are the customers' business, never the public's. */
const PRIVATE_NAMES = ["Peeters", "Dupont", "Janssens", "CF-DPA-", "an.peeters@", "Better recognition"];

let w: FeedWorld;
beforeEach(async () => {
  w = await clearFactsWorld();
});

describe("GET /public/sub-processors (HTML)", () => {
  it("lists the active sub-processors with their countries, without a token and without customer or agreement names", async () => {
    const response = await publicGet(w, "/public/sub-processors?lang=en");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    const html = await response.text();
    expect(html).toContain("<h1>Sub-processors of ClearFacts BV</h1>");
    expect(html).toContain(
      "<td>Amazon Web Services EMEA SARL</td><td>Provides hosting for the service</td><td>Germany (Frankfurt), Ireland (Dublin)</td><td>ClearFacts BV, directly</td><td>None: within the EEA</td>",
    );
    expect(html).toContain("<td>IxorDocs</td><td>Provides OCR functionality</td><td>Germany</td>");
    expect(html).toContain("No changes are announced.");
    for (const name of PRIVATE_NAMES) expect(html).not.toContain(name);
  });

  it("is cacheable, revalidates with its ETag and sends a CSP that allows no script", async () => {
    const first = await publicGet(w, "/public/sub-processors?lang=en");
    expect(first.headers.get("cache-control")).toBe("public, max-age=300");
    const csp = first.headers.get("content-security-policy");
    expect(csp).toBe("default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    expect(await first.text()).not.toContain("<script");
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/"[0-9a-f]{32}"$/);

    const again = await publicGet(w, "/public/sub-processors?lang=en", { "if-none-match": etag as string });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect((await publicGet(w, "/public/sub-processors?lang=nl", { "if-none-match": etag as string })).status).toBe(200);

    await proposeVendor(w, "OCRCo GmbH");
    const changed = await publicGet(w, "/public/sub-processors?lang=en", { "if-none-match": etag as string });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
  });

  it("is served in Dutch by default (the organisation's language) and in French on request", async () => {
    const dutch = await (await publicGet(w, "/public/sub-processors")).text();
    expect(dutch).toContain('<html lang="nl">');
    expect(dutch).toContain("<h1>Subverwerkers van ClearFacts BV</h1>");
    expect(dutch).toContain(
      "<td>Biedt OCR-functionaliteit</td><td>Duitsland</td><td>ClearFacts BV, rechtstreeks</td><td>Geen: binnen de EER</td>",
    );
    expect(dutch).toContain("Er zijn geen wijzigingen aangekondigd.");

    const french = await (await publicGet(w, "/public/sub-processors?lang=fr")).text();
    expect(french).toContain('<html lang="fr">');
    expect(french).toContain("<h1>Sous-traitants ultérieurs de ClearFacts BV</h1>");
    expect(french).toContain(
      "<td>Allemagne (Frankfurt), Irlande (Dublin)</td><td>ClearFacts BV, directement</td><td>Aucun : au sein de l’EEE</td>",
    );
    const links = DomUtils.getElementsByTagName("a", parseDocument(french).children).map((a) => a.attribs.href);
    expect(links).toEqual(["?lang=en", "?lang=nl", "?lang=fr", "sub-processors.atom?lang=fr", "sub-processors.json?lang=fr"]);
  });

  it("publishes nothing for a register without an organisation profile", async () => {
    const empty = await makeTestApp(memoryStore());
    for (const path of ["/public/sub-processors", "/public/sub-processors.json", "/public/sub-processors.atom"]) {
      const response = await empty.request("GET", path, { token: null });
      expect(response.status, path).toBe(404);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
    }
  });

  it("refuses a language it does not have", async () => {
    const response = await publicGet(w, "/public/sub-processors?lang=de");
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/problem+json");
  });

  it("shows an announced change, with hostile register text escaped", async () => {
    await proposeVendor(w, `<script>alert(1)</script>&"`, { service: "<b>OCR</b>" });
    const html = await (await publicGet(w, "/public/sub-processors?lang=en")).text();
    expect(html).toContain(
      "<td>New sub-processor: &lt;script&gt;alert(1)&lt;/script&gt;&amp;&quot; (&lt;b&gt;OCR&lt;/b&gt;, Germany)</td><td>20 November 2026</td><td>8 December 2026</td><td>8 December 2026</td>",
    );
    expect(html).not.toContain("<script>");
    expect(html).not.toContain("<b>OCR");
  });
});

describe("GET /public/sub-processors.json", () => {
  it("gives the same list as data, with no customer or agreement in it", async () => {
    const response = await publicGet(w, "/public/sub-processors.json?lang=en");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const text = await response.clone().text();
    for (const name of PRIVATE_NAMES) expect(text).not.toContain(name);
    const list = await bodyOf<PublicList>(response);
    expect(list.organisation).toEqual({ legalName: "ClearFacts BV", country: "Belgium", dpoEmail: "dpo@clearfacts.example" });
    expect(list.language).toBe("en");
    expect(list.generatedAt).toBe("2026-11-20T09:00:00.000Z");
    expect(list.subProcessors.map((s) => s.legalName)).toEqual(["Amazon Web Services EMEA SARL", "IxorDocs"]);
    expect(list.subProcessors[0]?.locations).toEqual([
      { country: "DE", name: "Germany", region: "Frankfurt" },
      { country: "IE", name: "Ireland", region: "Dublin" },
    ]);
    expect(list.subProcessors[1]?.transfer.outsideEea).toBe(false);
    expect(list.announcedChanges).toEqual([]);
  });

  it("keeps its ETag while only generatedAt moves", async () => {
    const first = await publicGet(w, "/public/sub-processors.json");
    w.clock.t += 60_000;
    const second = await publicGet(w, "/public/sub-processors.json");
    expect((await bodyOf<PublicList>(second)).generatedAt).toBe("2026-11-20T09:01:00.000Z");
    expect(second.headers.get("etag")).toBe(first.headers.get("etag"));
    expect((await publicGet(w, "/public/sub-processors.json", { "if-none-match": first.headers.get("etag") as string })).status).toBe(304);
  });

  it("names the transfer mechanism of a sub-processor outside the EEA, but not its safeguards text", async () => {
    await activeSubProcessorVia(w.t, {
      legalName: "Overseas Support Inc",
      address: { street: "1 Main Street", postalCode: "10001", city: "New York", country: "US" },
      contact: { email: "privacy@overseas.example" },
      service: { en: "Support desk" },
      locations: [{ country: "US" }],
      transferMechanism: { kind: "scc", safeguards: { en: "Encrypted at rest with keys held in the EU" } },
    });
    const response = await publicGet(w, "/public/sub-processors.json?lang=en");
    const text = await response.clone().text();
    expect(text).not.toContain("Encrypted at rest");
    const overseas = (await bodyOf<PublicList>(response)).subProcessors.find((s) => s.legalName === "Overseas Support Inc");
    expect(overseas?.transfer).toEqual({ outsideEea: true, mechanism: "scc", label: "Standard contractual clauses (Art. 46(2)(c))" });
    const html = await (await publicGet(w, "/public/sub-processors?lang=en")).text();
    expect(html).toContain(
      "<td>Overseas Support Inc</td><td>Support desk</td><td>United States</td><td>ClearFacts BV, directly</td><td>Standard contractual clauses (Art. 46(2)(c))</td>",
    );
  });

  it("lists a change announced outside the EEA in the reader's language", async () => {
    await proposeVendor(w, "Overseas OCR Inc", { country: "US" });
    const list = await bodyOf<PublicList>(await publicGet(w, "/public/sub-processors.json?lang=nl"));
    expect(list.announcedChanges.map((c) => c.title)).toEqual(["Nieuwe subverwerker: Overseas OCR Inc (OCR, Verenigde Staten)"]);
  });
});
