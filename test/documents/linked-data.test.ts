import jsonld from "jsonld";
import { beforeAll, describe, expect, it } from "vitest";
import { lastSeqAt, loadDocumentSnapshot, type RegisterSnapshot } from "../../src/core/documents/register-snapshot.ts";
import { documentContent, renderDocument } from "../../src/core/documents/render-document.ts";
import { art9Condition, LINKED_DATA_CONTEXT, legalBasis, mechanismBasis } from "../../src/core/documents/linked-data/vocabulary.ts";
import { inCreationOrder, subProcessorsOf } from "../../src/core/documents/view/parts.ts";
import { isInEea } from "../../src/core/kernel/values/countries.ts";
import { CLOCK_NAMES, type LocalizedText } from "../../src/core/kernel/values/values.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { documentLoader, type Graph, nQuads, offlineLoader } from "./linked-data-reader.ts";

const DPV = "https://w3id.org/dpv#";
const DPAR = "https://w3id.org/dpa-register/ns#";
const GDPR = "https://w3id.org/dpv/legal/eu/gdpr#";
const LOC = "https://w3id.org/dpv/loc#";
const DCT = "http://purl.org/dc/terms/";
const SCHEMA = "https://schema.org/";
const INTEGER = "http://www.w3.org/2001/XMLSchema#integer";
const urn = (id: string) => `<urn:uuid:${id}>`;
const iri = (value: string) => `<${value}>`;
const lit = (value: string, language?: string) => `${JSON.stringify(value)}${language ? `@${language}` : ""}`;
const texts = (t: LocalizedText | null | undefined) => Object.entries(t ?? {}).map(([l, v]) => lit(v as string, l));
/** A register text as a document shows it, without the "[EN] " of a text shown in another language. */
const shown = (text: string) => text.replace(/^\[[A-Z]{2}\] /, "");

describe("the DPA annex as DPV JSON-LD", () => {
  let snapshot: RegisterSnapshot;
  let agreementId: string;
  let bytes: Uint8Array;
  let graph: Graph;

  beforeAll(async () => {
    const store = memoryStore();
    const demo = await loadDemoRegister(store);
    agreementId = demo.agreementIds["CF-DPA-2024-001"] as string;
    const asOf = demo.loadedUntil;
    snapshot = await loadDocumentSnapshot(store.db, asOf, await lastSeqAt(store.db, asOf), { kind: "annex", agreementId });
    const rendered = await renderDocument(snapshot, { kind: "annex", agreementId, language: null, format: "jsonld", draft: false });
    expect(rendered.contentType).toBe("application/ld+json");
    bytes = rendered.bytes;
    graph = await nQuads(JSON.parse(new TextDecoder().decode(bytes)));
  });

  it("expands and converts to N-Quads offline, dropping no term", async () => {
    const doc = JSON.parse(new TextDecoder().decode(bytes));
    // safe mode throws on any key or value the context does not map to an IRI.
    // (safe is jsonld.js's option since version 6; the types predate it.)
    const expanded = await jsonld.expand(doc, { documentLoader, safe: true } as jsonld.Options.Expand);
    expect(expanded.length).toBeGreaterThan(10);
    expect(graph.quads.length).toBeGreaterThan(200);
    // The loader serves the bundled context only and refuses the network.
    await expect(offlineLoader("https://w3id.org/dpv")).rejects.toThrow(/offline/);
    expect((await offlineLoader("https://w3id.org/dpa-register/context.jsonld")).document).toEqual({ "@context": LINKED_DATA_CONTEXT });
  });

  it("states every fact the PDF annex states", () => {
    // The PDF is drawn from this content: each fact it shows is checked in the N-Quads against the stored value it came from.
    const content = documentContent(snapshot, { kind: "annex", agreementId, language: null });
    const body = content.body as AnnexBody;
    const language = content.language;
    const agreement = snapshot.agreements.get(agreementId);
    const customer = agreement && snapshot.customers.get(agreement.customerId);
    const org = snapshot.organisation;
    if (!agreement || !customer || !org) throw new Error("demo register incomplete");
    const A = urn(agreement.id);

    // Annex I: parties, addresses, contact persons, DPOs.
    for (const [party, view] of [
      [customer, body.controller],
      [org, body.processor],
    ] as const) {
      if (!view) throw new Error("no party view");
      const P = urn(party.id);
      expect(graph.objects(P, `${DPV}hasName`)).toEqual([lit(view.name)]);
      const address = graph.one(P, `${DPV}hasAddress`);
      expect(graph.objects(address, `${SCHEMA}streetAddress`)).toEqual([lit(party.address.street)]);
      expect(graph.objects(address, `${SCHEMA}postalCode`)).toEqual([lit(party.address.postalCode)]);
      expect(graph.objects(address, `${SCHEMA}addressLocality`)).toEqual([lit(party.address.city)]);
      expect(graph.objects(address, `${DPV}hasCountry`)).toEqual([iri(LOC + party.address.country)]);
      expect(view.address).toContain(party.address.street);
      for (const [field, c] of [
        [`${DPV}hasContact`, party.contact],
        [`${DPV}hasDataProtectionOfficer`, party.dpo],
      ] as const) {
        if (!c) continue;
        const node = graph.one(P, field);
        expect(graph.objects(node, `${SCHEMA}email`)).toEqual([lit(c.email)]);
        if (c.name) expect(graph.objects(node, `${SCHEMA}name`)).toEqual([lit(c.name)]);
        if (c.position) expect(graph.objects(node, `${SCHEMA}jobTitle`)).toEqual([lit(c.position)]);
        if (c.phone) expect(graph.objects(node, `${SCHEMA}telephone`)).toEqual([lit(c.phone)]);
      }
    }
    expect(body.processor?.dpo).toBeTruthy();
    expect(graph.objects(A, `${DPV}hasDataController`)).toEqual([urn(customer.id)]);
    expect(graph.objects(A, `${DPV}hasDataProcessor`)).toEqual([urn(org.id)]);
    expect(graph.objects(A, `${DCT}identifier`)).toEqual([lit(body.agreement.reference)]);
    expect(graph.objects(A, `${DCT}dateAccepted`)).toEqual([`"${agreement.signedOn}"^^<http://www.w3.org/2001/XMLSchema#date>`]);

    // Clause 7.7 and the contract clocks: every period the annex lists, as length and unit.
    expect(graph.objects(A, `${DPAR}authorisation`)).toEqual([iri(`${DPAR}GeneralAuthorisation`)]);
    const clocks = CLOCK_NAMES.filter((name) => agreement.clocks[name]);
    expect(clocks.length).toBe(body.agreement.clocks.length);
    for (const name of clocks) {
      const period = agreement.clocks[name];
      const node = graph.one(A, DPAR + name);
      expect(graph.objects(node, `${DPAR}length`)).toEqual([`"${period?.length}"^^<${INTEGER}>`]);
      expect(graph.objects(node, `${DPAR}unit`)).toEqual([iri(DPAR + period?.unit)]);
    }
    const places = graph.objects(A, `${DPAR}placeOfProcessing`);
    expect(places.length).toBe(body.places.length);

    // Annex II: each activity, its purposes, data, data subjects, retention, recipients and transfers.
    const activities = agreement.activityIds.flatMap((id) => snapshot.activities.get(id) ?? []);
    expect(graph.objects(A, `${DPV}hasProcess`)).toEqual(activities.map((a) => urn(a.id)));
    expect(activities.map((a) => a.name[language])).toEqual(body.activities.map((v) => shown(v.name)));
    for (const [i, a] of activities.entries()) {
      const P = urn(a.id);
      const view = body.activities[i] as AnnexBody["activities"][number];
      expect(graph.objects(P, `${DCT}title`)).toEqual(expect.arrayContaining(texts(a.name)));
      if (a.subjectMatter) expect(graph.objects(P, `${DPAR}subjectMatter`)).toEqual(expect.arrayContaining(texts(a.subjectMatter)));
      if (a.nature) expect(graph.objects(P, `${DPAR}nature`)).toEqual(expect.arrayContaining(texts(a.nature)));
      const purposes = graph.objects(P, `${DPV}hasPurpose`).flatMap((p) => graph.objects(p, `${DCT}description`));
      expect(purposes).toEqual(expect.arrayContaining(a.purposes.flatMap(texts)));
      expect(view.purposes.length).toBe(a.purposes.length);
      if (a.legalBasis) expect(graph.objects(P, `${DPV}hasLegalBasis`)[0]).toMatch(new RegExp(`^<${GDPR}A6-1-[a-f]>$`));
      const subjects = graph.objects(P, `${DPV}hasDataSubject`).flatMap((s) => graph.objects(s, `${DCT}title`));
      expect(subjects.length).toBeGreaterThan(0);
      for (const name of view.subjects) expect(subjects).toContain(lit(shown(name), language));
      const categories = graph.objects(P, `${DPV}hasPersonalData`).flatMap((c) => graph.objects(c, `${DCT}title`));
      for (const name of view.dataCategories) expect(categories).toContain(lit(shown(name), language));
      expect(view.sensitiveData).toEqual([]);
      const storage = graph.objects(P, `${DPV}hasStorageCondition`);
      expect(storage.length).toBe(a.dataCategories.filter((l) => l.retention).length);
      for (const link of a.dataCategories) {
        const r = link.retention;
        if (!r) continue;
        const node = storage.find((s) => graph.objects(s, `${DPV}hasPersonalData`).includes(urn(link.dataCategoryId)));
        expect(node).toBeDefined();
        const length = r.kind === "period" ? r.period : r.offset;
        if (length)
          expect(graph.objects(graph.one(node as string, `${DPV}hasDuration`), `${DPAR}length`)).toEqual([
            `"${length.length}"^^<${INTEGER}>`,
          ]);
        if (r.kind === "event") expect(graph.objects(node as string, `${DPAR}event`)).toEqual(expect.arrayContaining(texts(r.event)));
      }
      const recipients = graph.objects(P, `${DPV}hasRecipient`);
      for (const s of subProcessorsOf(snapshot, a.id, agreement.id)) expect(recipients).toContain(urn(s.id));
      expect(view.subProcessors.length).toBe(subProcessorsOf(snapshot, a.id, agreement.id).length);
      expect(graph.objects(P, `${DPV}hasProcess`).length).toBe(a.transfers.length);
    }

    // Annex III: the measures with their certifications.
    const measureIds = new Set(activities.flatMap((a) => a.securityMeasureIds));
    expect(measureIds.size).toBe(body.measures.length);
    for (const m of body.measures) {
      const [node] = graph.subjects(`${DCT}title`, lit(shown(m.title), language));
      expect(node, m.title).toBeDefined();
      expect(graph.objects(node as string, `${DCT}description`)).toContain(lit(shown(m.description), language));
      expect(graph.objects(node as string, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type")[0]).toMatch(
        /(Technical|Organisational)Measure>$/,
      );
      expect(graph.objects(node as string, `${DPAR}certification`).length).toBe(m.certifications.length);
    }

    // Annex IV: each sub-processor, its address, service, locations and transfer basis.
    const subProcessors = inCreationOrder(
      [...snapshot.subProcessors.values()].filter((s) => graph.objects(A, `${DPAR}subProcessor`).includes(urn(s.id))),
    );
    expect(subProcessors.map((s) => s.legalName)).toEqual(body.subProcessors.map((v) => v.name));
    for (const s of subProcessors) {
      const S = urn(s.id);
      expect(graph.objects(S, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type")).toEqual([iri(`${DPV}DataSubProcessor`)]);
      expect(graph.objects(graph.one(S, `${DPV}hasAddress`), `${SCHEMA}streetAddress`)).toEqual([lit(s.address.street)]);
      expect(graph.objects(graph.one(S, `${DPV}hasContact`), `${SCHEMA}email`)).toEqual([lit(s.contact.email)]);
      expect(graph.objects(S, `${DPAR}service`)).toEqual(expect.arrayContaining(texts(s.service)));
      if (s.processingDescription)
        expect(graph.objects(S, `${DCT}description`)).toEqual(expect.arrayContaining(texts(s.processingDescription)));
      const locations = graph.objects(S, `${DPV}hasLocation`);
      expect(locations.flatMap((l) => graph.objects(l, `${DPV}hasCountry`))).toEqual(s.locations.map((l) => iri(LOC + l.country)));
      for (const l of s.locations) {
        expect(places).toContain(iri(LOC + l.country));
        if (l.region) expect(locations.flatMap((n) => graph.objects(n, `${SCHEMA}addressRegion`))).toContain(lit(l.region));
      }
      const outside = s.locations.filter((l) => !isInEea(l.country));
      const transfers = graph.objects(S, `${DPV}hasProcess`);
      expect(transfers.length).toBe(outside.length ? 1 : 0);
      for (const t of transfers) {
        expect(graph.objects(t, `${DPV}hasProcessing`)).toEqual([iri(`${DPV}CrossBorderTransfer`)]);
        if (s.transferMechanism?.kind === "scc") expect(graph.objects(t, `${DPV}hasLegalBasis`)).toEqual([iri(`${GDPR}A46-2-c`)]);
      }
    }
  });
});

interface PartyBody {
  name: string;
  address: string;
  dpo: string | null;
}
interface AnnexBody {
  agreement: { reference: string; clocks: unknown[] };
  controller: PartyBody;
  processor: PartyBody | null;
  places: unknown[];
  activities: {
    name: string;
    purposes: string[];
    subjects: string[];
    dataCategories: string[];
    sensitiveData: string[];
    subProcessors: string[];
  }[];
  measures: { title: string; description: string; certifications: string[] }[];
  subProcessors: { name: string }[];
}

describe("DPV's GDPR concepts for the register's codes", () => {
  it("names each point of Arts. 6(1), 9(2), 45, 46 and 49(1) by its letter", () => {
    expect(legalBasis("consent")).toEqual({ "@id": "eu-gdpr:A6-1-a" });
    expect(legalBasis("legitimate_interests")).toEqual({ "@id": "eu-gdpr:A6-1-f" });
    expect(art9Condition("archiving_research_statistics")).toEqual({ "@id": "eu-gdpr:A9-2-j" });
    expect(mechanismBasis({ kind: "scc" })).toEqual({ "@id": "eu-gdpr:A46-2-c" });
    expect(mechanismBasis({ kind: "adequacy" })).toEqual({ "@id": "eu-gdpr:A45-3" });
    expect(mechanismBasis({ kind: "art49_derogation", derogation: "public_register" })).toEqual({ "@id": "eu-gdpr:A49-1-g" });
    expect(mechanismBasis({ kind: "art49_derogation", derogation: "compelling_legitimate_interests" })).toEqual({
      "@id": "dpar:A49-1-second",
    });
  });
});
