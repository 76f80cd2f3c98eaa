import { beforeAll, describe, expect, it } from "vitest";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { bodyOf, makeTestApp, type TestApp } from "../helpers/test-app.ts";
import { nQuads } from "./linked-data-reader.ts";

const DPV = "https://w3id.org/dpv#";
const TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

let t: TestApp;
let annexPath: string;
let asOf: string;
beforeAll(async () => {
  const store = memoryStore();
  const demo = await loadDemoRegister(store);
  t = await makeTestApp(store, demo.clock);
  annexPath = `/api/v1/documents/annex/${demo.agreementIds["CF-DPA-2024-001"]}`;
  asOf = demo.loadedUntil;
});

async function get(path: string) {
  const response = await t.request("GET", path);
  expect(response.status, await response.clone().text()).toBe(200);
  return { response, text: await response.text() };
}

describe("documents as JSON-LD (format=jsonld)", () => {
  it("gives the same bytes for the same request, with the PDF's fingerprint, and records the export", async () => {
    const first = await get(`${annexPath}?format=jsonld&asOf=${asOf}`);
    const second = await get(`${annexPath}?format=jsonld&asOf=${asOf}`);
    expect(first.response.headers.get("content-type")).toBe("application/ld+json");
    expect(first.response.headers.get("content-disposition")).toMatch(/^attachment; filename="annex_CF-DPA-2024-001_.*_nl\.jsonld"$/);
    expect(second.text).toBe(first.text);
    const fingerprint = first.response.headers.get("x-document-fingerprint") as string;
    // The fingerprint covers what the document says, whatever its format, and is stated inside it.
    const pdf = await get(`${annexPath}?format=pdf&asOf=${asOf}`);
    expect(pdf.response.headers.get("x-document-fingerprint")).toBe(fingerprint);
    expect(first.text).toContain(`"dpar:fingerprint":"${fingerprint}"`);

    const exportId = first.response.headers.get("x-export-id") as string;
    const record = await bodyOf<{ format: string; sha256: string; fingerprint: string }>(
      await t.request("GET", `/api/v1/exports/${exportId}`),
    );
    expect(record).toMatchObject({ format: "jsonld", sha256: first.response.headers.get("x-content-sha256"), fingerprint });
    const verified = await bodyOf<{ verified: boolean; regeneratedSha256: string }>(
      await t.request("GET", `/api/v1/exports/${exportId}/verify`),
    );
    expect(verified).toMatchObject({ verified: true, regeneratedSha256: record.sha256 });
    const file = await t.request("GET", `/api/v1/exports/${exportId}/file`);
    expect(await file.text()).toBe(first.text);
  });

  it.each([
    ["art30-controller", "dpv:DataController", "_:art301"],
    ["art30-processor", "dpv:DataProcessor", "_:art302"],
  ])("renders the %s record as a dpv:DataProcessingRecord", async (kind, role, record) => {
    const { text } = await get(`/api/v1/documents/${kind}?format=jsonld`);
    const graph = await nQuads(JSON.parse(text));
    const [node] = graph.subjects(TYPE, `<${DPV}DataProcessingRecord>`);
    expect(node).toMatch(/^_:/);
    const processes = graph.objects(node as string, `${DPV}hasProcess`);
    expect(processes.length).toBeGreaterThan(0);
    const entity = role === "dpv:DataController" ? `${DPV}hasDataController` : `${DPV}hasDataProcessor`;
    const [org] = graph.objects(node as string, entity);
    expect(graph.objects(org as string, TYPE)).toEqual([`<${DPV}${role.slice(4)}>`]);
    for (const p of processes) {
      expect(graph.objects(p, TYPE)).toEqual([`<${DPV}Process>`]);
      expect(graph.objects(p, `${DPV}hasDataController`).length).toBeGreaterThan(0);
    }
    expect(JSON.parse(text)["@graph"][1]["@id"]).toBe(record);
  });

  it.each([
    ["an unknown agreement", "/api/v1/documents/annex/0190a000-0000-7000-8000-000000000000?format=jsonld", 404],
    ["an unknown format", "/api/v1/documents/art30-processor?format=turtle", 422],
  ])("answers %s with a problem and changes nothing", async (_, path, status) => {
    const before = await snapshot(t.store);
    const response = await t.request("GET", path);
    expect(response.status).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/^application\/problem\+json/);
    expect(await snapshot(t.store)).toEqual(before);
  });
});
