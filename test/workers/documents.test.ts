import { createExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import entry from "../../src/entry/worker.ts";
import { describe, expect, it } from "vitest";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import { createToken } from "../../src/core/accounts/token-use-cases.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import { freshD1Store } from "./d1-store.ts";

// Documents rendered by the deployed Worker entry, inside workerd, over D1:
// the same templates, the same PDF code, the same bytes as on Node.
// Exports carry a signed checkpoint of the audit chain, whose head depends on the ids each runtime made, so the
// byte-for-byte comparison with Node runs the same entry without a signing key (test/workers/evidence.test.ts signs).
const unsignedEnv = { ...env, CHECKPOINT_KEY: undefined };

async function demoWorker() {
  const store = await freshD1Store();
  const demo = await loadDemoRegister(store);
  const { token } = await createToken(makeCtx(store, SYSTEM_ACTOR), { name: "worker documents", role: "read-only" });
  const get = (path: string) =>
    entry.fetch(
      new Request(`https://register.test${path}`, { headers: { authorization: `Bearer ${token}` } }),
      unsignedEnv as never,
      createExecutionContext(),
    );
  return { demo, get };
}

const hex = async (bytes: ArrayBuffer) =>
  [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))].map((b) => b.toString(16).padStart(2, "0")).join("");

describe("documents in the Worker runtime", () => {
  it("renders the ClearFacts annex as a PDF with exactly the bytes Node renders", async () => {
    const { demo, get } = await demoWorker();
    const id = demo.agreementIds["CF-DPA-2024-001"];
    const response = await get(`/api/v1/documents/annex/${id}?format=pdf&lang=nl&draft=true&asOf=${demo.loadedUntil}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const bytes = await response.arrayBuffer();
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe("%PDF-");
    expect(await hex(bytes)).toBe(response.headers.get("x-content-sha256"));
    expect(response.headers.get("x-content-sha256")).toBe(env.NODE_REFERENCE.annexPdf);
  });

  it("renders the HTML annex and the Art. 30(1) PDF identically to Node", async () => {
    const { demo, get } = await demoWorker();
    const id = demo.agreementIds["CF-DPA-2024-001"];
    const html = await get(`/api/v1/documents/annex/${id}?format=html&lang=nl&draft=true&asOf=${demo.loadedUntil}`);
    expect(await html.clone().text()).toContain("Bijlage II: Beschrijving van de verwerking");
    expect(html.headers.get("x-content-sha256")).toBe(env.NODE_REFERENCE.annexHtml);
    const record = await get(`/api/v1/documents/art30-controller?format=pdf&lang=nl&draft=true&asOf=${demo.loadedUntil}`);
    expect(record.status).toBe(200);
    expect(record.headers.get("x-content-sha256")).toBe(env.NODE_REFERENCE.art30Pdf);
  });

  it("names the agreement by its reference over D1 as by its id, and records the export under the id", async () => {
    const { demo, get } = await demoWorker();
    const byReference = await get(`/api/v1/documents/annex/CF-DPA-2024-001?format=html&lang=nl&draft=true&asOf=${demo.loadedUntil}`);
    expect(byReference.status).toBe(200);
    expect(byReference.headers.get("x-content-sha256")).toBe(env.NODE_REFERENCE.annexHtml);
    const exported = await get(`/api/v1/exports/${byReference.headers.get("x-export-id")}`);
    expect(((await exported.json()) as { agreementId: string }).agreementId).toBe(demo.agreementIds["CF-DPA-2024-001"]);
    const clearance = await get("/api/v1/clearance?subProcessorId=IXORDOCS&agreementId=CF-DPA-2024-001");
    expect(((await clearance.json()) as { status: string }).status).toBe("cleared");
    expect((await get("/api/v1/documents/annex/CF-DPA-1999-999")).status).toBe(404);
  });

  it("records the export in D1 and verifies it by regenerating it there", async () => {
    const { demo, get } = await demoWorker();
    const response = await get(`/api/v1/documents/annex/${demo.agreementIds["CF-DPA-2025-003"]}?format=pdf`);
    expect(response.status).toBe(200);
    const exportId = response.headers.get("x-export-id");
    const verification = (await (await get(`/api/v1/exports/${exportId}/verify`)).json()) as {
      verified: boolean;
      regeneratedSha256: string;
    };
    expect(verification).toEqual(expect.objectContaining({ verified: true, regeneratedSha256: response.headers.get("x-content-sha256") }));
  });

  it("renders the annex as DPV JSON-LD (its ids are this runtime's) and serves the well-known sub-processor list", async () => {
    const { demo, get } = await demoWorker();
    const path = `/api/v1/documents/annex/${demo.agreementIds["CF-DPA-2024-001"]}?format=jsonld&asOf=${demo.loadedUntil}`;
    const first = await get(path);
    expect(first.status).toBe(200);
    expect(first.headers.get("content-type")).toBe("application/ld+json");
    const text = await first.text();
    expect(await (await get(path)).text()).toBe(text);
    expect(JSON.parse(text)["@graph"][1]["@type"]).toBe("dpv:ControllerProcessorAgreement");
    const verification = (await (await get(`/api/v1/exports/${first.headers.get("x-export-id")}/verify`)).json()) as { verified: boolean };
    expect(verification.verified).toBe(true);
    const list = await get("/.well-known/dpa-sub-processors.jsonld");
    expect(list.headers.get("content-type")).toBe("application/ld+json");
    expect(await list.text()).toContain('"dpv:hasName":"IxorDocs"');
  });
});
