import { beforeEach, describe, expect, it } from "vitest";
import { loadDemoRegister } from "../helpers/demo-register.ts";
import * as fixtures from "../helpers/fixtures.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { memoryStore } from "../helpers/sqlite.ts";
import { bodyOf, makeTestApp, type TestApp } from "../helpers/test-app.ts";
import { makeAdminUi } from "../helpers/admin-ui.ts";
import { settableClock } from "../helpers/clocks.ts";

// Agreements, customers and sub-processors are named by their reference
// (CF-DPA-2024-001, CF-CUST-001, AWS) wherever a path or query parameter names
// them by id, with the same answer either way.

type Entity = Record<string, unknown> & { id: string; reference: string | null };
interface Problem {
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

let t: TestApp;
let ids: Record<"agreement" | "customer" | "aws" | "ixordocs", string>;

beforeEach(async () => {
  const store = memoryStore();
  await loadDemoRegister(store);
  t = await makeTestApp(store);
  const byReference = async (path: string, reference: string) =>
    ((await bodyOf<{ items: Entity[] }>(await t.request("GET", path))).items.find((e) => e.reference === reference) as Entity).id;
  ids = {
    agreement: await byReference("/api/v1/agreements", "CF-DPA-2024-001"),
    customer: await byReference("/api/v1/customers", "CF-CUST-001"),
    aws: await byReference("/api/v1/sub-processors", "AWS"),
    ixordocs: await byReference("/api/v1/sub-processors", "IXORDOCS"),
  };
});

async function getJson(path: string): Promise<unknown> {
  const response = await t.request("GET", path, { token: "read-only" });
  expect(response.status, `${path}: ${await response.clone().text()}`).toBe(200);
  return response.json();
}

describe("the agreement's documents and clocks by reference or id", () => {
  it("renders the same annex for CF-DPA-2024-001 and the agreement's id, and records both exports under the id", async () => {
    const byReference = await t.request("GET", "/api/v1/documents/annex/CF-DPA-2024-001?format=json&lang=en&asOf=2026-01-01T00:00:00Z");
    const byId = await t.request("GET", `/api/v1/documents/annex/${ids.agreement}?format=json&lang=en&asOf=2026-01-01T00:00:00Z`);
    expect(byReference.status).toBe(200);
    expect(byId.status).toBe(200);
    expect(byReference.headers.get("x-document-fingerprint")).toBe(byId.headers.get("x-document-fingerprint"));
    expect(await byReference.text()).toBe(await byId.text());

    const exports = (await getJson("/api/v1/exports?agreementId=CF-DPA-2024-001")) as { items: { agreementId: string }[] };
    expect(exports.items.map((e) => e.agreementId)).toEqual([ids.agreement, ids.agreement]);
    expect(await getJson(`/api/v1/exports?agreementId=${ids.agreement}`)).toEqual(exports);
  });

  it("gives the same completeness check for the reference and the id", async () => {
    const byReference = await getJson("/api/v1/documents/annex/CF-DPA-2024-001/completeness?lang=nl");
    expect(byReference).toMatchObject({ language: "nl", findings: expect.any(Array) });
    expect(await getJson(`/api/v1/documents/annex/${ids.agreement}/completeness?lang=nl`)).toEqual(byReference);
  });

  it("runs the same clocks for the reference and the id", async () => {
    const from = "2026-03-31T10:00:00Z";
    const byReference = (await getJson(`/api/v1/agreements/CF-DPA-2024-001/clocks?from=${from}`)) as {
      deadlines: { clock: string; lastDay: string }[];
    };
    expect(byReference.deadlines.find((d) => d.clock === "deletionOrReturn")?.lastDay).toBe("2026-06-30");
    expect(await getJson(`/api/v1/agreements/${ids.agreement}/clocks?from=${from}`)).toEqual(byReference);
  });

  it("answers 404 naming an unknown reference, and records no export", async () => {
    const before = await snapshot(t.store);
    for (const path of [
      "/api/v1/documents/annex/CF-DPA-1999-999",
      "/api/v1/documents/annex/CF-DPA-1999-999/completeness",
      "/api/v1/agreements/CF-DPA-1999-999/clocks",
    ]) {
      const response = await t.request("GET", path);
      expect(response.status, path).toBe(404);
      expect((await bodyOf<Problem>(response)).detail).toBe('No agreement with id or reference "CF-DPA-1999-999".');
    }
    expect(await snapshot(t.store)).toEqual(before);
  });
});

describe("records by reference or id", () => {
  it("reads an agreement, a customer and a sub-processor by reference as by id", async () => {
    for (const [segment, reference, id] of [
      ["agreements", "CF-DPA-2024-001", ids.agreement],
      ["customers", "CF-CUST-001", ids.customer],
      ["sub-processors", "AWS", ids.aws],
    ] as const) {
      const byReference = (await getJson(`/api/v1/${segment}/${reference}`)) as Entity;
      expect(byReference.id).toBe(id);
      expect(await getJson(`/api/v1/${segment}/${id}`)).toEqual(byReference);
    }
  });

  it("changes and archives a customer named by reference, filing the audit entries under its id", async () => {
    const patched = await t.request("PATCH", "/api/v1/customers/CF-CUST-001", { body: { companyNumber: "0123.456.750" } });
    expect(patched.status).toBe(200);
    expect((await bodyOf<Entity>(patched)).id).toBe(ids.customer);

    const created = await t.request("POST", "/api/v1/customers", { body: { ...fixtures.customer(), reference: "CRM-77" } });
    expect(created.status).toBe(201);
    const archived = await t.request("POST", "/api/v1/customers/CRM-77/archive");
    expect(archived.status).toBe(200);
    expect((await bodyOf<Entity>(archived)).archivedAt).toEqual(expect.any(String));

    const trail = (await getJson("/api/v1/audit?entityType=customer&entityId=CF-CUST-001")) as {
      items: { action: string; entityId: string }[];
    };
    expect(trail.items.map((e) => [e.action, e.entityId])).toEqual([
      ["create", ids.customer],
      ["update", ids.customer],
    ]);
    const archivedTrail = (await getJson("/api/v1/audit?entityType=customer&entityId=CRM-77")) as { items: { action: string }[] };
    expect(archivedTrail.items.map((e) => e.action)).toEqual(["create", "archive"]);
  });

  it("takes a reference in every query parameter that names one of these records", async () => {
    const agreementsOf = (await getJson("/api/v1/agreements?customerId=CF-CUST-001")) as { items: Entity[] };
    expect(agreementsOf.items.map((a) => a.reference)).toEqual(["CF-DPA-2024-001"]);
    expect(await getJson(`/api/v1/agreements?customerId=${ids.customer}`)).toEqual(agreementsOf);

    const covered = (await getJson("/api/v1/activities?agreementId=CF-DPA-2024-001")) as { items: Entity[] };
    expect(covered.items).toHaveLength(3);
    expect(await getJson(`/api/v1/activities?agreementId=${ids.agreement}`)).toEqual(covered);

    expect(await getJson("/api/v1/sub-processors?parentId=AWS")).toEqual(await getJson(`/api/v1/sub-processors?parentId=${ids.aws}`));
    expect(await getJson("/api/v1/sub-processor-changes?subProcessorId=IXORDOCS")).toEqual(
      await getJson(`/api/v1/sub-processor-changes?subProcessorId=${ids.ixordocs}`),
    );

    const cleared = (await getJson("/api/v1/clearance?subProcessorId=IXORDOCS&agreementId=CF-DPA-2024-001")) as {
      status: string;
      asOf: string;
    };
    expect(cleared.status).toBe("cleared");
    const clearedById = (await getJson(`/api/v1/clearance?subProcessorId=${ids.ixordocs}&agreementId=${ids.agreement}`)) as {
      status: string;
    };
    expect({ ...clearedById, asOf: cleared.asOf }).toEqual(cleared);
  });

  it("refuses a filter naming an unknown reference with 422 on that field", async () => {
    for (const [path, field, label] of [
      ["/api/v1/agreements?customerId=CRM-404", "customerId", "customer"],
      ["/api/v1/activities?agreementId=CF-DPA-1999-999", "agreementId", "agreement"],
      ["/api/v1/clearance?subProcessorId=NOBODY&agreementId=CF-DPA-2024-001", "subProcessorId", "sub-processor"],
    ] as const) {
      const response = await t.request("GET", path);
      expect(response.status, path).toBe(422);
      const value = new URL(path, "http://x").searchParams.get(field);
      expect((await bodyOf<Problem>(response)).errors).toEqual([
        expect.objectContaining({ field, message: `No ${label} with id or reference "${value}".` }),
      ]);
    }
  });

  it("answers 404 to a write naming an unknown reference, and changes nothing", async () => {
    const before = await snapshot(t.store);
    const patch = await t.request("PATCH", "/api/v1/customers/CRM-404", { body: { companyNumber: "1" } });
    const archive = await t.request("POST", "/api/v1/sub-processors/NOBODY/archive");
    expect([patch.status, archive.status]).toEqual([404, 404]);
    expect((await bodyOf<Problem>(archive)).detail).toBe('No sub-processor with id or reference "NOBODY".');
    expect(await snapshot(t.store)).toEqual(before);
  });

  it("keeps references unique and unlike ids, so a path names one record", async () => {
    const before = await snapshot(t.store);
    const taken = await t.request("POST", "/api/v1/customers", { body: { ...fixtures.customer(), reference: "CF-CUST-002" } });
    expect(taken.status).toBe(422);
    expect((await bodyOf<Problem>(taken)).errors).toEqual([
      { field: "reference", pointer: "/reference", message: "Another customer already has reference CF-CUST-002." },
    ]);

    const renamed = await t.request("PATCH", "/api/v1/sub-processors/IXORDOCS", { body: { reference: "AWS" } });
    expect(renamed.status).toBe(422);
    expect((await bodyOf<Problem>(renamed)).errors?.[0]?.message).toBe("Another sub-processor already has reference AWS.");

    const idLike = await t.request("PATCH", "/api/v1/agreements/CF-DPA-2024-002", { body: { reference: ids.agreement } });
    expect(idLike.status).toBe(422);
    expect((await bodyOf<Problem>(idLike)).errors).toEqual([
      expect.objectContaining({ field: "reference", message: "A reference cannot have the form of a register id (a UUID)." }),
    ]);
    expect(await snapshot(t.store)).toEqual(before);
  });

  it("finds a reference holding a slash or a space when the path encodes it", async () => {
    const updated = await t.request("PATCH", "/api/v1/agreements/CF-DPA-2024-002", { body: { reference: "DPA 2024/02" } });
    expect(updated.status).toBe(200);
    const found = (await getJson(`/api/v1/agreements/${encodeURIComponent("DPA 2024/02")}`)) as Entity;
    expect(found.reference).toBe("DPA 2024/02");
  });
});

describe("the OpenAPI document", () => {
  it("says that each path and query parameter naming these records takes the id or the reference", async () => {
    const doc = (await getJson("/api/openapi.json")) as {
      paths: Record<string, Record<string, { parameters?: { name: string; in: string; description?: string }[] }>>;
    };
    const described = (path: string, method: string, name: string) =>
      doc.paths[path]?.[method]?.parameters?.find((p) => p.name === name)?.description ?? `${method} ${path} has no parameter ${name}`;
    expect(described("/api/v1/documents/annex/{agreementId}", "get", "agreementId")).toBe(
      "The agreement's id or its reference (e.g. CF-DPA-2024-001).",
    );
    expect(described("/api/v1/documents/annex/{agreementId}/completeness", "get", "agreementId")).toBe(
      "The agreement's id or its reference (e.g. CF-DPA-2024-001).",
    );
    expect(described("/api/v1/agreements/{id}/clocks", "get", "id")).toBe("The agreement's id or its reference (e.g. CF-DPA-2024-001).");
    for (const method of ["get", "patch"]) {
      expect(described("/api/v1/agreements/{id}", method, "id")).toBe("The agreement's id or its reference (e.g. CF-DPA-2024-001).");
      expect(described("/api/v1/customers/{id}", method, "id")).toBe("The customer's id or its reference (e.g. CF-CUST-001).");
      expect(described("/api/v1/sub-processors/{id}", method, "id")).toBe("The sub-processor's id or its reference (e.g. AWS).");
    }
    expect(described("/api/v1/agreements", "get", "customerId")).toBe("The customer's id or its reference (e.g. CF-CUST-001).");
    expect(described("/api/v1/clearance", "get", "subProcessorId")).toBe("The sub-processor's id or its reference (e.g. AWS).");
    expect(described("/api/v1/exports", "get", "agreementId")).toBe("The agreement's id or its reference (e.g. CF-DPA-2024-001).");
    // Records no one names by reference keep a plain id.
    expect(described("/api/v1/activities/{id}", "get", "id")).toBe("The entity's id.");
  });
});

describe("the admin UI", () => {
  it("opens an agreement, its history and its annex preview by reference", async () => {
    const ui = await makeAdminUi(t.store, settableClock("2026-11-20T09:00:00.000Z"));
    const session = await ui.signIn("read-only");
    const view = await ui.get("/admin/agreements/CF-DPA-2024-001", session);
    expect(view.status).toBe(200);
    expect(await view.text()).toContain("CF-DPA-2024-001");
    const history = await (await ui.get("/admin/customers/CF-CUST-001/history", session)).text();
    expect(history).toContain("History of Boekhoudkantoor Peeters BV");
    expect(history).toContain("Created on 1 January 2025");
    const preview = await ui.get("/admin/documents/annex/CF-DPA-2024-001/preview", session);
    expect(preview.status).toBe(200);
    expect(await preview.text()).toContain("CF-DPA-2024-001");
    expect((await ui.get("/admin/agreements/CF-DPA-1999-999", session)).status).toBe(404);
  });
});
