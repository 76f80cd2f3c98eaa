import { beforeEach, describe, expect, it } from "vitest";
import * as fixtures from "../helpers/fixtures.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { bodyOf, makeTestApp, type TestApp } from "../helpers/test-app.ts";

type Entity = Record<string, unknown> & { id: string; revision: number };
interface AuditRow {
  action: string;
  before: unknown;
  after: unknown;
  actorName: string;
}

let t: TestApp;
beforeEach(async () => {
  t = await makeTestApp(memoryStore());
});

async function create(path: string, body: unknown): Promise<Entity> {
  const response = await t.request("POST", path, { body });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  const entity = await bodyOf<Entity>(response);
  expect(response.headers.get("location")).toBe(`${path}/${entity.id}`);
  return entity;
}

async function history(entityId: string): Promise<AuditRow[]> {
  const response = await t.request("GET", `/api/v1/audit?entityId=${entityId}`, { token: "read-only" });
  return (await bodyOf<{ items: AuditRow[] }>(response)).items;
}

async function graph() {
  const dataCategory = await create("/api/v1/data-categories", fixtures.dataCategory());
  const subjectCategory = await create("/api/v1/subject-categories", fixtures.subjectCategory());
  const activity = await create(
    "/api/v1/activities",
    fixtures.activity({ dataCategoryId: dataCategory.id, subjectCategoryId: subjectCategory.id }),
  );
  const customer = await create("/api/v1/customers", fixtures.customer());
  return { dataCategory, subjectCategory, activity, customer };
}

describe("register entities through the API", () => {
  it("creates, reads, lists, changes and archives an agreement, auditing each step once", async () => {
    const { activity, customer } = await graph();
    const agreement = await create("/api/v1/agreements", fixtures.agreement(customer.id, [activity.id]));
    expect(agreement).toMatchObject({
      revision: 1,
      status: "draft",
      governingCountry: "BE",
      timeZone: "Europe/Brussels",
      endedOn: null,
      archivedAt: null,
    });

    const fetched = await t.request("GET", `/api/v1/agreements/${agreement.id}`, { token: "read-only" });
    expect(await fetched.json()).toEqual(agreement);

    const patched = await t.request("PATCH", `/api/v1/agreements/${agreement.id}`, {
      token: "editor",
      body: {
        status: "active",
        clocks: { subProcessorNotice: { length: 30, unit: "calendar_days" }, auditNotice: { length: 15, unit: "calendar_days" } },
      },
    });
    expect(patched.status).toBe(200);
    const changed = await bodyOf<Entity>(patched);
    expect(changed).toMatchObject({ revision: 2, status: "active", reference: "DPA-1", activityIds: [activity.id] });

    const unchanged = await t.request("PATCH", `/api/v1/agreements/${agreement.id}`, { body: { status: "active", reference: "DPA-1" } });
    expect(await unchanged.json()).toEqual(changed);

    const listed = await bodyOf<{ items: Entity[] }>(await t.request("GET", `/api/v1/agreements?customerId=${customer.id}&status=active`));
    expect(listed.items).toEqual([changed]);
    const none = await bodyOf<{ items: Entity[] }>(await t.request("GET", "/api/v1/agreements?status=terminated"));
    expect(none.items).toEqual([]);

    const archived = await bodyOf<Entity>(await t.request("POST", `/api/v1/agreements/${agreement.id}/archive`));
    expect(archived.archivedAt).toEqual(expect.any(String));
    expect((await bodyOf<{ items: Entity[] }>(await t.request("GET", "/api/v1/agreements"))).items).toEqual([]);
    expect((await bodyOf<{ items: Entity[] }>(await t.request("GET", "/api/v1/agreements?includeArchived=true"))).items).toEqual([
      archived,
    ]);
    expect((await t.request("PATCH", `/api/v1/agreements/${agreement.id}`, { body: { version: "2" } })).status).toBe(409);

    const audit = await history(agreement.id);
    expect(audit.map((a) => a.action)).toEqual(["create", "update", "archive"]);
    expect(audit[1]).toMatchObject({ before: agreement, after: changed, actorName: "test editor" });
    expect(audit[2]).toMatchObject({ before: changed, after: archived });
  });

  it("deletes an unused category but refuses, with a 409 and no change, one still in use", async () => {
    const { dataCategory } = await graph();
    const unused = await create("/api/v1/data-categories", { name: { nl: "Ongebruikt" }, special: "art9" });
    expect((await t.request("DELETE", `/api/v1/data-categories/${unused.id}`)).status).toBe(204);
    expect((await t.request("GET", `/api/v1/data-categories/${unused.id}`)).status).toBe(404);
    expect((await history(unused.id)).map((a) => a.action)).toEqual(["create", "delete"]);

    const before = await snapshot(t.store);
    const refused = await t.request("DELETE", `/api/v1/data-categories/${dataCategory.id}`);
    expect(refused.status).toBe(409);
    expect((await bodyOf<{ detail: string }>(refused)).detail).toContain("Payroll processing");
    expect(await snapshot(t.store)).toEqual(before);
  });

  it("keeps a sub-processor chain acyclic and filters sub-processors by country and activity", async () => {
    const { activity } = await graph();
    const hosting = await create("/api/v1/sub-processors", fixtures.subProcessor([activity.id]));
    const backup = await create("/api/v1/sub-processors", {
      ...fixtures.subProcessor(),
      legalName: "Backup Ltd",
      locations: [{ country: "IE" }],
      parentId: hosting.id,
    });
    const cycle = await t.request("PATCH", `/api/v1/sub-processors/${hosting.id}`, { body: { parentId: backup.id } });
    expect(cycle.status).toBe(422);
    expect((await bodyOf<{ errors: Array<{ field: string }> }>(cycle)).errors.map((e) => e.field)).toEqual(["parentId"]);

    const inIreland = await bodyOf<{ items: Entity[] }>(
      await t.request("GET", "/api/v1/sub-processors?country=IE", { token: "procurement" }),
    );
    expect(inIreland.items.map((s) => s.id)).toEqual([backup.id]);
    const forActivity = await bodyOf<{ items: Entity[] }>(await t.request("GET", `/api/v1/sub-processors?activityId=${activity.id}`));
    expect(forActivity.items.map((s) => s.id)).toEqual([hosting.id]);
    const children = await bodyOf<{ items: Entity[] }>(await t.request("GET", `/api/v1/sub-processors?parentId=${hosting.id}`));
    expect(children.items.map((s) => s.id)).toEqual([backup.id]);
  });

  it("lets procurement propose a sub-processor but not touch the rest of the register", async () => {
    const proposed = await t.request("POST", "/api/v1/sub-processors", { token: "procurement", body: fixtures.subProcessor() });
    expect(proposed.status).toBe(201);
    expect((await bodyOf<Entity>(proposed)).status).toBe("proposed");
    expect((await t.request("POST", "/api/v1/customers", { token: "procurement", body: fixtures.customer() })).status).toBe(403);
    expect((await t.request("GET", "/api/v1/audit", { token: "procurement" })).status).toBe(403);
  });

  it("applies the register's rules with a message on the field", async () => {
    const { dataCategory, subjectCategory, customer } = await graph();
    const fieldsOf = async (response: Response) => {
      expect(response.status).toBe(422);
      return (await bodyOf<{ errors: Array<{ field: string }> }>(response)).errors.map((e) => e.field);
    };
    const base = fixtures.activity({ dataCategoryId: dataCategory.id, subjectCategoryId: subjectCategory.id });
    expect(
      await fieldsOf(await t.request("POST", "/api/v1/activities", { body: { ...base, transfers: [{ country: "FR", mechanism: null }] } })),
    ).toEqual(["transfers.0.country"]);
    expect(await fieldsOf(await t.request("POST", "/api/v1/activities", { body: { ...base, role: "controller" } }))).toEqual([
      "legalBasis",
    ]);
    expect(
      await fieldsOf(
        await t.request("POST", "/api/v1/activities", {
          body: {
            ...base,
            transfers: [{ country: "US", mechanism: { kind: "art49_derogation", derogation: "compelling_legitimate_interests" } }],
          },
        }),
      ),
    ).toEqual(["transfers.0.mechanism.safeguards"]);
    const overseas = await create("/api/v1/sub-processors", { ...fixtures.subProcessor(), locations: [{ country: "US" }] });
    const activation = { reason: "In place before the register was kept.", changes: { status: "active" } };
    expect(await fieldsOf(await t.request("POST", `/api/v1/sub-processors/${overseas.id}/corrections`, { body: activation }))).toEqual([
      "changes.transferMechanism",
    ]);

    const controllerActivity = await create("/api/v1/activities", { ...base, role: "controller", legalBasis: "contract" });
    expect(
      await fieldsOf(await t.request("POST", "/api/v1/agreements", { body: fixtures.agreement(customer.id, [controllerActivity.id]) })),
    ).toEqual(["activityIds.0"]);
    await create("/api/v1/agreements", fixtures.agreement(customer.id));
    expect(await fieldsOf(await t.request("POST", "/api/v1/agreements", { body: fixtures.agreement(customer.id) }))).toEqual(["reference"]);
    expect(
      await fieldsOf(
        await t.request("POST", "/api/v1/agreements", { body: { ...fixtures.agreement(customer.id, [], "DPA-2"), status: "terminated" } }),
      ),
      // An agreement ends through its termination, which starts its duties; and an ended one needs its end date.
    ).toEqual(["endedOn", "status"]);
  });

  it("keeps accented and right-to-left text exactly as given", async () => {
    const name = { nl: "Gegevens van cliënten — ‮evil", fr: "Données à caractère personnel" };
    const created = await create("/api/v1/data-categories", { name });
    expect(created.name).toEqual(name);
  });
});

describe("the organisation profile", () => {
  it("is set with PUT, audited, and validated", async () => {
    expect((await t.request("GET", "/api/v1/organisation")).status).toBe(404);
    const first = await t.request("PUT", "/api/v1/organisation", { body: fixtures.organisation() });
    expect(first.status).toBe(200);
    const created = await bodyOf<Entity>(first);
    const second = await bodyOf<Entity>(
      await t.request("PUT", "/api/v1/organisation", { body: { ...fixtures.organisation(), legalName: "Renamed BV" } }),
    );
    expect(second).toMatchObject({ revision: 2, legalName: "Renamed BV", createdAt: created.createdAt });
    expect(await bodyOf(await t.request("GET", "/api/v1/organisation", { token: "read-only" }))).toEqual(second);
    expect((await history(created.id)).map((a) => a.action)).toEqual(["create", "update"]);

    const before = await snapshot(t.store);
    const bad = await t.request("PUT", "/api/v1/organisation", { body: { ...fixtures.organisation(), dpo: { email: "not-an-email" } } });
    expect(bad.status).toBe(422);
    expect(await snapshot(t.store)).toEqual(before);
  });
});

describe("API tokens", () => {
  it("are created by an admin, work at once, never show their hash, and stop working when revoked", async () => {
    const created = await t.request("POST", "/api/v1/tokens", { body: { name: "procurement workflow", role: "procurement" } });
    expect(created.status).toBe(201);
    const token = await bodyOf<{ id: string; token: string }>(created);
    expect(token.token).toMatch(/^dpar_[A-Za-z0-9_-]{43}$/);

    const withIt = (path: string, init: RequestInit = {}) =>
      t.request(init.method ?? "GET", path, { token: null, headers: { authorization: `Bearer ${token.token}` } });
    expect((await withIt("/api/v1/sub-processors")).status).toBe(200);

    const listed = await (await t.request("GET", "/api/v1/tokens")).text();
    expect(listed).not.toContain(token.token);
    expect(listed).not.toMatch(/hash/i);
    expect(listed).toContain('"lastUsedAt":"');

    expect((await t.request("POST", `/api/v1/tokens/${token.id}/revoke`)).status).toBe(200);
    expect((await withIt("/api/v1/sub-processors")).status).toBe(401);
    expect((await t.request("POST", `/api/v1/tokens/${token.id}/revoke`)).status).toBe(409);
    expect((await history(token.id)).map((a) => a.action)).toEqual(["create", "revoke"]);
  });
});
