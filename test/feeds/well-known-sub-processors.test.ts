import { beforeEach, describe, expect, it } from "vitest";
import { nQuads } from "../documents/linked-data-reader.ts";
import { activeSubProcessorVia } from "../helpers/test-app.ts";
import { clearFactsWorld, type FeedWorld, proposeVendor, publicGet } from "./feed-fixtures.ts";

const PATH = "/.well-known/dpa-sub-processors.jsonld";
const DPV = "https://w3id.org/dpv#";
const TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
/** Names that are the customers' business, and the safeguards text the public lists leave out. */
const PRIVATE_NAMES = ["Peeters", "Dupont", "Janssens", "CF-DPA-", "an.peeters@", "Better recognition", "Encrypted before it leaves"];

let w: FeedWorld;
beforeEach(async () => {
  w = await clearFactsWorld();
});

describe(`GET ${PATH}`, () => {
  it("lists the current sub-processors in DPV, without a token, and not the proposed ones", async () => {
    await proposeVendor(w, "OCRCo GmbH");
    const us = await activeSubProcessorVia(w.t, {
      legalName: "Mailer Inc.",
      address: { street: "1 Market St", postalCode: "94105", city: "San Francisco", country: "US" },
      contact: { email: "privacy@mailer.example" },
      service: { en: "Sends e-mail", nl: "Verstuurt e-mail" },
      locations: [{ country: "US", region: "Virginia" }],
      transferMechanism: { kind: "scc", safeguards: { en: "Encrypted before it leaves the EEA" } },
      activityIds: w.processorActivityIds.slice(0, 1),
    });
    const response = await publicGet(w, PATH);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/ld+json");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    const text = await response.text();
    for (const name of [...PRIVATE_NAMES, "OCRCo"]) expect(text).not.toContain(name);

    const graph = await nQuads(JSON.parse(text));
    const listed = graph.subjects(TYPE, `<${DPV}DataSubProcessor>`);
    const names = listed.flatMap((s) => graph.objects(s, `${DPV}hasName`)).sort();
    expect(names).toEqual(['"Amazon Web Services EMEA SARL"', '"IxorDocs"', '"Mailer Inc."']);
    const mailer = `<urn:uuid:${us.id}>`;
    expect(graph.objects(mailer, "https://w3id.org/dpa-register/ns#service").sort()).toEqual([
      '"Sends e-mail"@en',
      '"Verstuurt e-mail"@nl',
    ]);
    const transfer = graph.one(mailer, `${DPV}hasProcess`);
    expect(graph.objects(transfer, `${DPV}hasThirdCountry`)).toEqual(["<https://w3id.org/dpv/loc#US>"]);
    expect(graph.objects(transfer, `${DPV}hasLegalBasis`)).toEqual(["<https://w3id.org/dpv/legal/eu/gdpr#A46-2-c>"]);
    const [processor] = graph.subjects(TYPE, `<${DPV}DataProcessor>`);
    expect(graph.objects(processor as string, `${DPV}hasName`)).toEqual(['"ClearFacts BV"']);
  });

  it("is linked from the public page and revalidates with its ETag", async () => {
    const page = await (await publicGet(w, "/public/sub-processors?lang=en")).text();
    expect(page).toContain(`<link rel="alternate" type="application/ld+json" href="${PATH}">`);
    const first = await publicGet(w, PATH);
    const etag = first.headers.get("etag") as string;
    expect((await publicGet(w, PATH, { "if-none-match": etag })).status).toBe(304);
  });
});
