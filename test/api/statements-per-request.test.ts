import { describe, expect, it } from "vitest";
import { agreementKind, createEntity, getEntity } from "../../src/core/register/index.ts";
import { activities, agreements } from "../../db/schema.ts";
import { makeCtx, SYSTEM_ACTOR } from "../../src/core/kernel/context.ts";
import type { SqliteStore } from "../../src/platform/node/sqlite-store.ts";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { makeTestApp, type TestApp } from "../helpers/test-app.ts";

let executed = 0;

/**
 * Counts the SQL statements better-sqlite3 runs, prepared or not: every
 * execution goes through one of these Statement methods (shared by every
 * database of this test file's worker, so patched once).
 */
function statementCounter(store: SqliteStore) {
  const prototype = Object.getPrototypeOf(store.sqlite.prepare("select 1")) as Record<string, (...args: unknown[]) => unknown>;
  for (const method of ["run", "get", "all", "iterate"]) {
    const original = prototype[method] as (...args: unknown[]) => unknown;
    if ((original as { counted?: boolean }).counted) continue;
    const counted = function (this: unknown, ...args: unknown[]) {
      executed++;
      return original.apply(this, args);
    };
    prototype[method] = Object.assign(counted, { counted: true });
  }
  return async (request: () => Promise<Response>): Promise<number> => {
    executed = 0;
    const response = await request();
    expect(response.status).toBe(200);
    await response.text();
    return executed;
  };
}

/** The demo register with agreements copied from its first until there are `total`. */
async function registerWith(total: number) {
  const store = memoryStore();
  const { clock } = await loadDemoRegister(store);
  const ctx = makeCtx(store, SYSTEM_ACTOR, clock);
  const [first] = await store.db.select().from(agreements).orderBy(agreements.id).limit(1);
  if (!first) throw new Error("The demo register has no agreement.");
  const template = agreementKind.toInput(await getEntity(ctx, agreementKind, first.id));
  const existing = (await store.db.select({ id: agreements.id }).from(agreements)).length;
  for (let i = existing; i < total; i++) {
    await createEntity(ctx, agreementKind, { ...template, reference: `CF-DPA-COPY-${String(i).padStart(3, "0")}`, status: "draft" });
  }
  expect((await store.db.select({ id: agreements.id }).from(agreements)).length).toBe(total);
  const [activity] = await store.db.select({ id: activities.id }).from(activities).limit(1);
  const t = await makeTestApp(store, clock);
  return { store, t, activityId: activity?.id ?? "", count: statementCounter(store) };
}

async function countsOf(world: { t: TestApp; activityId: string; count: ReturnType<typeof statementCounter> }) {
  const { t, activityId, count } = world;
  const get = (path: string, token?: null) => () => t.request("GET", path, token === null ? { token: null } : {});
  // Requests first: the token's usage mark is written once a minute, not by each request.
  for (let i = 0; i < 2; i++) await (await get("/api/v1/agreements")()).text();
  return {
    list50: await count(get("/api/v1/agreements?limit=50")),
    list50Again: await count(get("/api/v1/agreements?limit=50")),
    list200: await count(get("/api/v1/agreements?limit=200")),
    activity: await count(get(`/api/v1/activities/${activityId}`)),
    publicList: await count(get("/public/sub-processors.json", null)),
  };
}

describe("SQL statements per request", () => {
  it("do not grow with the number of rows", async () => {
    const small = await countsOf(await registerWith(5));
    const large = await countsOf(await registerWith(150));
    expect(large).toEqual(small);
    // A page read first: the change counters (this connection's writes, read by the
    // authentication and by the page, and other connections' commits), its ids, its
    // rows and their links; no statement per row. The token is remembered.
    expect(small.list50).toBe(6);
    // Read again with nothing committed since: only the change counters.
    expect(small.list50Again).toBe(3);
    expect(small.list200).toBe(small.list50);
  }, 60_000);
});
