import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changeWorld, ocrProposal, propose } from "../helpers/changes.ts";
import { type Components, hostileLeaf, type JsonSchema, mutate, valid } from "../helpers/schema-arbitrary.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { bodyOf } from "../helpers/test-app.ts";

// Every write route of the API, fed generated requests: bodies derived from
// the OpenAPI document's schemas (valid, or with one part made hostile: lone
// surrogates, NUL, right-to-left marks, 20,000-character strings, deep
// nesting, __proto__ keys, wrong types, boundary lengths), and ids that exist,
// do not exist or are not ids. Whatever comes: no 5xx, problem+json on every
// 4xx, a byte-identical database after every refusal, and every document
// still renders after every accepted write. Fixed seed, so CI runs the same
// requests every time.

const REQUESTS = Number(process.env.PROPERTY_REQUESTS ?? 10_000);
const SEED = 20261129;
const BATCH = 500;

interface Operation {
  requestBody?: { content: { "application/json"?: { schema: JsonSchema } } };
}
interface WriteRoute {
  method: string;
  path: string;
  body: JsonSchema | null;
}

describe("every write route under generated requests", () => {
  it(`answers ${REQUESTS} generated requests without a 5xx, leaving refused ones without a trace`, async () => {
    const seen = { sent: 0, accepted: 0, refused: 0, routes: 0 };
    // Batches on a fresh demo register each, so the register (and what each check costs) stays the size of a real one.
    for (let batch = 0; seen.sent < REQUESTS; batch++) {
      await runBatch(SEED + batch, Math.min(BATCH, REQUESTS - seen.sent), seen);
    }
    console.log(
      `write routes: ${seen.sent} generated requests over ${seen.routes} routes (seed ${SEED}): ${seen.accepted} accepted, ${seen.refused} refused`,
    );
    expect(seen.sent).toBe(REQUESTS);
    expect(seen.accepted).toBeGreaterThan(REQUESTS / 50);
  }, 900_000);
});

async function runBatch(seed: number, requests: number, seen: { sent: number; accepted: number; refused: number; routes: number }) {
  const w = await changeWorld();
  // Something under way, so the change, notice and objection routes have real ids to act on.
  const change = await propose(w.t, ocrProposal(w.maintenance));
  const doc = await bodyOf<{ paths: Record<string, Record<string, Operation>>; components: { schemas: Components } }>(
    await w.t.request("GET", "/api/openapi.json"),
  );
  const routes: WriteRoute[] = Object.entries(doc.paths).flatMap(([path, operations]) =>
    Object.entries(operations)
      .filter(([method]) => ["post", "patch", "put", "delete"].includes(method))
      .map(([method, operation]) => ({
        method: method.toUpperCase(),
        path,
        body: operation.requestBody?.content["application/json"]?.schema ?? null,
      })),
  );
  expect(routes.length).toBeGreaterThanOrEqual(33);
  seen.routes = routes.length;

  const ids = await knownIds(w, change.id);
  const idFor = (path: string): fc.Arbitrary<string> => {
    const collection = path.split("/")[3] ?? "";
    return fc.oneof(
      { weight: 4, arbitrary: fc.constantFrom(...(ids[collection] ?? ["0190a000-0000-7000-8000-000000000000"])) },
      { weight: 1, arbitrary: fc.uuid({ version: 7 }) },
      { weight: 1, arbitrary: fc.constantFrom("CF-DPA-2024-001", "AWS", "not-an-id", "%2e%2e", "\u0000", "x".repeat(300)) },
    );
  };
  const request = fc.constantFrom(...routes).chain((route) =>
    fc.record({
      route: fc.constant(route),
      id: idFor(route.path),
      body: route.body
        ? fc.oneof(
            { weight: 1, arbitrary: valid(route.body, doc.components.schemas) },
            { weight: 3, arbitrary: valid(route.body, doc.components.schemas).chain(mutate) },
          )
        : fc.oneof(fc.constant(undefined), hostileLeaf),
      ifMatch: fc.option(fc.constantFrom('"1"', '"2"', "*", "garbage"), { nil: undefined }),
    }),
  );

  let register = await snapshot(w.store);
  await fc.assert(
    fc.asyncProperty(request, async ({ route, id, body, ifMatch }) => {
      const path = route.path.replace(/\{\w+\}/, encodeURIComponent(id));
      const response = await w.t.request(route.method, path, {
        token: "admin",
        ...(body === undefined ? {} : { body }),
        headers: ifMatch ? { "if-match": ifMatch } : {},
      });
      seen.sent += 1;
      const what = `${route.method} ${path} ${JSON.stringify(body)?.slice(0, 300)}`;
      expect(response.status, `${what}\n${await response.clone().text()}`).toBeLessThan(500);
      if (response.status >= 400) {
        seen.refused += 1;
        expect(response.headers.get("content-type"), what).toBe("application/problem+json");
        expect(await snapshot(w.store), `a refused ${what} changed the register`).toEqual(register);
        return;
      }
      seen.accepted += 1;
      await everyDocumentRenders(w, what);
      register = await snapshot(w.store);
    }),
    { seed, numRuns: requests, endOnFailure: true },
  );
}

async function everyDocumentRenders(w: Awaited<ReturnType<typeof changeWorld>>, after: string) {
  // By id: an accepted PATCH may well have renamed the agreement's reference.
  const agreement = w.agreements["CF-DPA-2024-001"];
  for (const path of [
    "/api/v1/documents/art30-controller?format=json",
    "/api/v1/documents/art30-processor?format=json",
    `/api/v1/documents/annex/${agreement}?format=json`,
    `/api/v1/documents/annex/${agreement}?format=html`,
  ]) {
    const response = await w.t.request("GET", path, { token: "read-only" });
    expect(response.status, `${path} after ${after}\n${await response.clone().text()}`).toBe(200);
  }
}

/** The ids of what the register holds, by the collection a path names. */
async function knownIds(w: Awaited<ReturnType<typeof changeWorld>>, changeId: string): Promise<Record<string, string[]>> {
  const list = async (path: string) =>
    (await bodyOf<{ items: { id: string }[] }>(await w.t.request("GET", path))).items.map((item) => item.id);
  const collections = [
    "data-categories",
    "subject-categories",
    "security-measures",
    "activities",
    "sub-processors",
    "customers",
    "agreements",
    "objections",
  ];
  const ids: Record<string, string[]> = {};
  for (const collection of collections) ids[collection] = await list(`/api/v1/${collection}?limit=200`);
  ids["sub-processor-changes"] = [changeId];
  ids["change-notices"] = await list(`/api/v1/sub-processor-changes/${changeId}/notices`);
  // Every token but those this test sends its requests with: revoking them would end the run.
  const tokens = await bodyOf<{ items: { id: string; name: string }[] }>(await w.t.request("GET", "/api/v1/tokens"));
  ids.tokens = tokens.items.filter((token) => token.name !== "test admin" && token.name !== "test read-only").map((token) => token.id);
  for (const [key, value] of Object.entries(ids)) if (value.length === 0) ids[key] = ["0190a000-0000-7000-8000-000000000000"];
  return ids;
}
