import { beforeEach, describe, expect, it } from "vitest";
import { changeWorld, noticesOf, ocrProposal, propose } from "../helpers/changes.ts";
import * as fixtures from "../helpers/fixtures.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { bodyOf, createdVia, makeTestApp, type TestApp } from "../helpers/test-app.ts";

// Read-modify-write over the API: every single-record GET gives its revision
// as an ETag, and a write sent with If-Match is refused (412, nothing changed)
// when the record moved on since it was read.

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp(memoryStore());
});

const patchWith = (path: string, body: unknown, ifMatch?: string) =>
  t.request("PATCH", path, { body, headers: ifMatch === undefined ? {} : { "if-match": ifMatch } });

describe("ETag and If-Match", () => {
  it("gives the revision as the ETag of a read and of a write", async () => {
    const { id } = await createdVia(t, "/api/v1/customers", fixtures.customer());
    const read = await t.request("GET", `/api/v1/customers/${id}`);
    expect(read.headers.get("etag")).toBe('"1"');
    const written = await patchWith(`/api/v1/customers/${id}`, { companyNumber: "0123.456.789" }, '"1"');
    expect(written.status).toBe(200);
    expect(written.headers.get("etag")).toBe('"2"');
    expect((await t.request("GET", "/api/v1/organisation")).status).toBe(404);
  });

  it("refuses a stale If-Match with 412 problem+json and changes nothing", async () => {
    const { id } = await createdVia(t, "/api/v1/customers", fixtures.customer());
    expect((await patchWith(`/api/v1/customers/${id}`, { companyNumber: "1" }, '"1"')).status).toBe(200);
    const before = await snapshot(t.store);
    for (const stale of ['"1"', 'W/"1"', '"7", "1"', "not-a-tag"]) {
      const response = await patchWith(`/api/v1/customers/${id}`, { companyNumber: "2" }, stale);
      expect(response.status, stale).toBe(412);
      expect(response.headers.get("content-type")).toBe("application/problem+json");
      expect((await bodyOf<{ detail: string }>(response)).detail).toContain("is at revision 2");
    }
    const archive = await t.request("POST", `/api/v1/customers/${id}/archive`, { headers: { "if-match": '"1"' } });
    expect(archive.status).toBe(412);
    const category = await createdVia(t, "/api/v1/data-categories", fixtures.dataCategory());
    expect((await patchWith(`/api/v1/data-categories/${category.id}`, { description: { en: "Phone numbers" } })).status).toBe(200);
    const afterCategory = await snapshot(t.store);
    const remove = await t.request("DELETE", `/api/v1/data-categories/${category.id}`, { headers: { "if-match": '"1"' } });
    expect(remove.status).toBe(412);
    expect(await snapshot(t.store)).toEqual(afterCategory);
    expect(before.customers).toEqual(afterCategory.customers);
  });

  it("accepts a current, weak or wildcard If-Match, and a write without one", async () => {
    const { id } = await createdVia(t, "/api/v1/customers", fixtures.customer());
    expect((await patchWith(`/api/v1/customers/${id}`, { companyNumber: "1" }, '"1"')).status).toBe(200);
    expect((await patchWith(`/api/v1/customers/${id}`, { companyNumber: "2" }, 'W/"2"')).status).toBe(200);
    expect((await patchWith(`/api/v1/customers/${id}`, { companyNumber: "3" }, "*")).status).toBe(200);
    expect((await patchWith(`/api/v1/customers/${id}`, { companyNumber: "4" })).status).toBe(200);
    const archived = await t.request("POST", `/api/v1/customers/${id}/archive`, { headers: { "if-match": '"5"' } });
    expect(archived.status).toBe(200);
    expect(archived.headers.get("etag")).toBe('"6"');
  });

  it("guards the organisation profile too", async () => {
    const profile = {
      legalName: "ClearFacts BV",
      address: fixtures.address,
      contact: { email: "dpo@clearfacts.example" },
      defaultLanguage: "nl",
    };
    const first = await t.request("PUT", "/api/v1/organisation", { body: profile });
    expect(first.status, JSON.stringify(await first.clone().json())).toBe(200);
    expect(first.headers.get("etag")).toBe('"1"');
    expect((await t.request("GET", "/api/v1/organisation")).headers.get("etag")).toBe('"1"');
    expect(
      (await t.request("PUT", "/api/v1/organisation", { body: { ...profile, legalName: "ClearFacts NV" }, headers: { "if-match": '"1"' } }))
        .status,
    ).toBe(200);
    const stale = await t.request("PUT", "/api/v1/organisation", {
      body: { ...profile, legalName: "Lost" },
      headers: { "if-match": '"1"' },
    });
    expect(stale.status).toBe(412);
  });

  it("loses no update when eight clients read, modify and write one record with If-Match", async () => {
    const { id } = await createdVia(t, "/api/v1/customers", { ...fixtures.customer(), companyNumber: "0" });
    const CLIENTS = 8;
    const INCREMENTS = 5;
    let refused = 0;
    const client = async () => {
      for (let done = 0; done < INCREMENTS; ) {
        const read = await t.request("GET", `/api/v1/customers/${id}`);
        const current = Number((await bodyOf<{ companyNumber: string }>(read)).companyNumber);
        const written = await patchWith(`/api/v1/customers/${id}`, { companyNumber: String(current + 1) }, read.headers.get("etag") ?? "");
        if (written.status === 200) done += 1;
        else {
          expect([409, 412]).toContain(written.status);
          refused += 1;
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    const final = await bodyOf<{ companyNumber: string; revision: number }>(await t.request("GET", `/api/v1/customers/${id}`));
    expect(final.companyNumber).toBe(String(CLIENTS * INCREMENTS));
    expect(final.revision).toBe(1 + CLIENTS * INCREMENTS);
    // The clients did race: some writes were refused and retried rather than applied over another's.
    expect(refused).toBeGreaterThan(0);
  });

  it("tags a change, a notice and an objection with their revisions too", async () => {
    const w = await changeWorld();
    const change = await propose(w.t, ocrProposal(w.maintenance));
    const [notice] = (await noticesOf(w.t, change.id)).filter((n) => n.kind === "objection_window");
    const objection = await bodyOf<{ id: string }>(
      await w.t.request("POST", `/api/v1/change-notices/${notice?.id}/objections`, { token: "editor", body: { grounds: "Not audited." } }),
    );
    for (const path of [
      `/api/v1/sub-processor-changes/${change.id}`,
      `/api/v1/change-notices/${notice?.id}`,
      `/api/v1/objections/${objection.id}`,
    ]) {
      const response = await w.t.request("GET", path);
      const { revision } = await bodyOf<{ revision: number }>(response.clone());
      expect(response.headers.get("etag"), path).toBe(`"${revision}"`);
    }
  });

  it("is documented in the OpenAPI document", async () => {
    const doc = await bodyOf<{
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; in: string }[]; responses: Record<string, { headers?: Record<string, unknown> }> }>
      >;
    }>(await t.request("GET", "/api/openapi.json"));
    const patch = doc.paths["/api/v1/customers/{id}"]?.patch;
    expect(patch?.parameters?.some((p) => p.name.toLowerCase() === "if-match" && p.in === "header")).toBe(true);
    expect(Object.keys(patch?.responses ?? {})).toContain("412");
    expect(Object.keys(doc.paths["/api/v1/customers/{id}"]?.get?.responses["200"]?.headers ?? {})).toEqual(["ETag", "Request-Id"]);
    expect(doc.paths["/api/v1/customers/{id}/archive"]?.post?.parameters?.some((p) => p.name.toLowerCase() === "if-match")).toBe(true);
  });
});
