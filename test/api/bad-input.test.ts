import { beforeEach, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES } from "../../src/http/middleware/json-body.ts";
import * as fixtures from "../helpers/fixtures.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { bodyOf, makeTestApp, type TestApp } from "../helpers/test-app.ts";

interface Problem {
  type: string;
  status: number;
  detail: string;
  errors?: Array<{ field: string; message: string }>;
}

let t: TestApp;
let ids: { customerId: string; activityId: string; dataCategoryId: string; subjectCategoryId: string };

beforeEach(async () => {
  t = await makeTestApp(memoryStore());
  const post = async (path: string, body: unknown) => ((await (await t.request("POST", path, { body })).json()) as { id: string }).id;
  const dataCategoryId = await post("/api/v1/data-categories", fixtures.dataCategory());
  const subjectCategoryId = await post("/api/v1/subject-categories", fixtures.subjectCategory());
  const activityId = await post("/api/v1/activities", fixtures.activity({ dataCategoryId, subjectCategoryId }));
  const customerId = await post("/api/v1/customers", fixtures.customer());
  ids = { customerId, activityId, dataCategoryId, subjectCategoryId };
});

/** Sends a bad request and checks the problem it gets back and that the database did not change. */
async function rejects(request: () => Promise<Response>, expected: { status: number; fields?: string[] }): Promise<Problem> {
  const before = await snapshot(t.store);
  const response = await request();
  expect(response.status).toBe(expected.status);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  const problem = await bodyOf<Problem>(response);
  expect(problem.status).toBe(expected.status);
  expect(problem.detail).toBeTruthy();
  if (expected.fields) expect(problem.errors?.map((e) => e.field).sort()).toEqual([...expected.fields].sort());
  expect(await snapshot(t.store)).toEqual(before);
  return problem;
}

describe("bad input gets a problem naming the field and changes nothing", () => {
  it("malformed JSON: 400", async () => {
    await rejects(
      () => t.request("POST", "/api/v1/customers", { rawBody: '{"legalName": ', headers: { "content-type": "application/json" } }),
      { status: 400 },
    );
  });

  it("a body that is not a JSON object: 422", async () => {
    await rejects(() => t.request("POST", "/api/v1/customers", { body: [1, 2] }), { status: 422 });
    await rejects(() => t.request("PATCH", `/api/v1/customers/${ids.customerId}`, { body: "text" }), { status: 422 });
  });

  it("wrong content type: 415", async () => {
    await rejects(
      () =>
        t.request("POST", "/api/v1/customers", { rawBody: JSON.stringify(fixtures.customer()), headers: { "content-type": "text/plain" } }),
      { status: 415 },
    );
    await rejects(
      () =>
        t.request("POST", "/api/v1/customers", {
          rawBody: "legalName=x",
          headers: { "content-type": "application/x-www-form-urlencoded" },
        }),
      { status: 415 },
    );
    await rejects(() => t.request("PATCH", `/api/v1/customers/${ids.customerId}`, { rawBody: '{"legalName":"x"}' }), { status: 415 });
  });

  it("unknown fields, top level and nested: 422 naming each", async () => {
    await rejects(
      () =>
        t.request("POST", "/api/v1/customers", {
          body: { ...fixtures.customer(), colour: "red", address: { ...fixtures.address, planet: "Earth" } },
        }),
      {
        status: 422,
        fields: ["colour", "address.planet"],
      },
    );
    await rejects(() => t.request("PATCH", `/api/v1/customers/${ids.customerId}`, { body: { nickname: "x" } }), {
      status: 422,
      fields: ["nickname"],
    });
  });

  it("invalid country codes: 422", async () => {
    await rejects(
      () => t.request("POST", "/api/v1/customers", { body: { ...fixtures.customer(), address: { ...fixtures.address, country: "XX" } } }),
      { status: 422, fields: ["address.country"] },
    );
    await rejects(
      () =>
        t.request("POST", "/api/v1/sub-processors", {
          body: { ...fixtures.subProcessor(), locations: [{ country: "de" }, { country: "UK" }] },
        }),
      {
        status: 422,
        fields: ["locations.0.country", "locations.1.country"],
      },
    );
  });

  it("impossible dates such as 2026-02-30: 422", async () => {
    await rejects(
      () => t.request("POST", "/api/v1/agreements", { body: { ...fixtures.agreement(ids.customerId), signedOn: "2026-02-30" } }),
      { status: 422, fields: ["signedOn"] },
    );
    await rejects(
      () =>
        t.request("POST", "/api/v1/agreements", {
          body: { ...fixtures.agreement(ids.customerId), signedOn: "2025-02-29", endedOn: "2026-13-01" },
        }),
      {
        status: 422,
        fields: ["signedOn", "endedOn"],
      },
    );
  });

  it("wrong types and missing required fields: 422 naming each", async () => {
    await rejects(
      () =>
        t.request("POST", "/api/v1/agreements", {
          body: {
            ...fixtures.agreement(ids.customerId),
            clocks: { subProcessorNotice: { length: -3, unit: "weeks" } },
            reference: undefined,
          },
        }),
      { status: 422, fields: ["clocks.subProcessorNotice.length", "clocks.subProcessorNotice.unit", "reference"] },
    );
  });

  it("oversized bodies: 413", async () => {
    const huge = { ...fixtures.customer(), legalName: "x".repeat(MAX_BODY_BYTES + 10) };
    await rejects(() => t.request("POST", "/api/v1/customers", { body: huge }), { status: 413 });
  });

  it("references to ids that do not exist: 422 naming the field", async () => {
    const missing = "01a1ff89-0000-7000-8000-00000000dead";
    await rejects(() => t.request("POST", "/api/v1/agreements", { body: fixtures.agreement(missing) }), {
      status: 422,
      fields: ["customerId"],
    });
    await rejects(() => t.request("POST", "/api/v1/agreements", { body: fixtures.agreement(ids.customerId, [ids.activityId, missing]) }), {
      status: 422,
      fields: ["activityIds.1"],
    });
    await rejects(
      () =>
        t.request("POST", "/api/v1/activities", {
          body: fixtures.activity({ dataCategoryId: missing, subjectCategoryId: ids.subjectCategoryId }),
        }),
      {
        status: 422,
        fields: ["dataCategories.0.dataCategoryId"],
      },
    );
    await rejects(() => t.request("PATCH", `/api/v1/sub-processors/${missing}`, { body: { legalName: "x" } }), { status: 404 });
  });

  it("invalid query parameters: 422", async () => {
    await rejects(() => t.request("GET", "/api/v1/customers?limit=0"), { status: 422, fields: ["limit"] });
    await rejects(() => t.request("GET", "/api/v1/activities?role=owner&colour=red"), { status: 422, fields: ["role", "colour"] });
  });
});
