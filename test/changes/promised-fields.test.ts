import { beforeEach, describe, expect, it } from "vitest";
import { SubProcessorInput } from "../../src/core/register/model/sub-processor.ts";
import { SUB_PROCESSOR_FIELD_PATHS } from "../../src/core/register/sub-processor-fields.ts";
import { can, ROLES } from "../../src/core/kernel/roles.ts";
import { makeAdminUi } from "../helpers/admin-ui.ts";
import { type ChangeWorld, changeWorld, clearanceOf, OCR_VENDOR } from "../helpers/changes.ts";
import { snapshot } from "../helpers/snapshot.ts";
import { bodyOf } from "../helpers/test-app.ts";
import { errorBeside, fill, readForm } from "../admin/register-form-reader.ts";

// What customers were told about a sub-processor (that it is one, where, under
// which safeguard, for which processing, through which chain) changes only
// through a sub-processor change that notifies them, for every role and on the
// API and the admin UI alike. Everything else about a vendor may be edited.

interface Problem {
  status: number;
  detail: string;
  errors?: { field: string; message: string }[];
}

/** For every field of a sub-processor, a value other than IxorDocs' own: the table must name each field. */
const CHANGED: Record<keyof SubProcessorInput, (w: ChangeWorld) => unknown> = {
  legalName: () => "IxorDocs NV",
  reference: () => "IXOR",
  companyNumber: () => "0999.888.777",
  address: () => ({ street: "Technologiepark 2", postalCode: "9052", city: "Gent", country: "BE" }),
  contact: () => ({ email: "dpo@ixordocs.example" }),
  service: () => ({ en: "OCR and classification" }),
  processingDescription: () => ({ en: "Reads invoices." }),
  status: () => "retired",
  locations: () => [{ country: "US" }],
  transferMechanism: () => ({ kind: "scc" }),
  activityIds: (w) => [w.maintenance, w.access],
  parentId: (w) => w.aws,
};
const WORKFLOW = Object.entries(SUB_PROCESSOR_FIELD_PATHS)
  .filter(([, path]) => path === "workflow")
  .map(([field]) => field as keyof SubProcessorInput);
const EDITABLE = Object.entries(SUB_PROCESSOR_FIELD_PATHS)
  .filter(([, path]) => path === "edit")
  .map(([field]) => field as keyof SubProcessorInput);

let w: ChangeWorld;
beforeEach(async () => {
  w = await changeWorld();
});

/** What a customer or procurement sees: the annex, the public list and clearance. */
async function promises() {
  const annex = await w.t.request("GET", "/api/v1/documents/annex/CF-DPA-2024-001/completeness?lang=en", { token: "read-only" });
  const list = await w.t.request("GET", "/public/sub-processors.json?lang=en", { token: null });
  return {
    annexFindings: await annex.json(),
    publicList: await list.json(),
    clearance: (await clearanceOf(w.t, { subProcessorId: "IXORDOCS", agreementId: "CF-DPA-2024-001", activityId: w.access })).status,
  };
}

describe("the fields of a sub-processor", () => {
  it("each have a decided path, and the workflow holds status, locations, transfer mechanism, activities and chain", () => {
    expect(Object.keys(SUB_PROCESSOR_FIELD_PATHS).sort()).toEqual(Object.keys(SubProcessorInput.shape).sort());
    expect(WORKFLOW.sort()).toEqual(["activityIds", "locations", "parentId", "status", "transferMechanism"]);
  });

  it.each(WORKFLOW)("%s: a direct PATCH is refused for every role, naming the field and the way, and nothing changes", async (field) => {
    const before = await snapshot(w.store);
    const shown = await promises();
    for (const role of ROLES) {
      const response = await w.t.request("PATCH", "/api/v1/sub-processors/IXORDOCS", { token: role, body: { [field]: CHANGED[field](w) } });
      if (!can(role, "sub-processors:write")) {
        expect(response.status, role).toBe(403);
        continue;
      }
      expect(response.status, role).toBe(422);
      const problem = await bodyOf<Problem>(response);
      expect(problem.errors?.map((e) => e.field)).toContain(field);
      expect(problem.errors?.find((e) => e.field === field)?.message).toMatch(
        /cannot be edited directly\. .*\/api\/v1\/sub-processor(-changes|s\/\{id\}\/corrections)/,
      );
    }
    expect(await snapshot(w.store)).toEqual(before);
    expect(await promises()).toEqual(shown);
  });

  it.each(EDITABLE)("%s: describes the vendor and changes directly, with its audit entry", async (field) => {
    const response = await w.t.request("PATCH", "/api/v1/sub-processors/IXORDOCS", {
      token: "procurement",
      body: { [field]: CHANGED[field](w) },
    });
    expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
    expect((await bodyOf<Record<string, unknown>>(response))[field]).toEqual(CHANGED[field](w));
    const trail = await bodyOf<{ items: { action: string }[] }>(
      await w.t.request("GET", `/api/v1/audit?entityType=sub_processor&entityId=${w.ixordocs}`),
    );
    expect(trail.items.at(-1)?.action).toBe("update");
  });

  it("a new vendor can only be proposed, by every role that writes; activating it takes a change", async () => {
    const before = await snapshot(w.store);
    for (const role of ROLES) {
      for (const status of ["active", "retired", "rejected"]) {
        const response = await w.t.request("POST", "/api/v1/sub-processors", {
          token: role,
          body: { ...OCR_VENDOR, status, activityIds: [w.maintenance] },
        });
        expect(response.status, `${role} ${status}`).toBe(can(role, "sub-processors:write") ? 422 : 403);
        if (can(role, "sub-processors:write"))
          expect((await bodyOf<Problem>(response)).errors?.[0]).toMatchObject({
            field: "status",
            message: expect.stringContaining("recorded as proposed"),
          });
      }
    }
    expect(await snapshot(w.store)).toEqual(before);
    const proposed = await w.t.request("POST", "/api/v1/sub-processors", {
      token: "procurement",
      body: { ...OCR_VENDOR, activityIds: [w.maintenance] },
    });
    expect(proposed.status).toBe(201);
    const vendor = await bodyOf<{ id: string; status: string }>(proposed);
    expect(vendor.status).toBe("proposed");
    expect((await clearanceOf(w.t, { subProcessorId: vendor.id, activityId: w.maintenance })).status).toBe("not_authorised");
  });

  it("a proposed vendor not yet announced may still get its details right, but not its status", async () => {
    const vendor = await bodyOf<{ id: string }>(
      await w.t.request("POST", "/api/v1/sub-processors", { token: "procurement", body: OCR_VENDOR }),
    );
    const moved = await w.t.request("PATCH", `/api/v1/sub-processors/${vendor.id}`, {
      token: "procurement",
      body: { locations: [{ country: "AT" }], activityIds: [w.maintenance] },
    });
    expect(moved.status).toBe(200);
    const activated = await w.t.request("PATCH", `/api/v1/sub-processors/${vendor.id}`, { token: "admin", body: { status: "active" } });
    expect(activated.status).toBe(422);
    expect((await bodyOf<Problem>(activated)).errors?.map((e) => e.field)).toEqual(["status"]);
  });

  it("an active vendor is not archived directly: it leaves through a change of kind remove", async () => {
    const before = await snapshot(w.store);
    for (const role of ["admin", "editor", "procurement"] as const) {
      const response = await w.t.request("POST", "/api/v1/sub-processors/IXORDOCS/archive", { token: role });
      expect(response.status, role).toBe(409);
      expect((await bodyOf<Problem>(response)).detail).toContain("Propose a change of kind remove");
    }
    expect(await snapshot(w.store)).toEqual(before);
  });

  it("the admin UI's edit form refuses a new location beside the field and saves nothing", async () => {
    const ui = await makeAdminUi(w.store, w.clock);
    const session = await ui.signIn("admin");
    const form = readForm(await (await ui.get("/admin/sub-processors/IXORDOCS/edit", session)).text());
    const before = await snapshot(w.store);
    const response = await ui.post(form.action, fill(form, { "Country (location 1, required)": "US" }), session);
    expect(response.status).toBe(422);
    expect(errorBeside(await response.text(), "locations")).toContain("propose a change of kind change_locations");
    expect(await snapshot(w.store)).toEqual(before);
  });
});

describe("an admin's correction of a real mistake", () => {
  const correction = {
    reason: "IxorDocs also serves user access since 2024; customers were told by letter on 3 March 2024.",
    changes: { activityIds: [] as string[] },
  };

  it("is for admins only, needs a reason, and changes nothing otherwise", async () => {
    correction.changes.activityIds = [w.maintenance, w.access];
    const before = await snapshot(w.store);
    for (const role of ["editor", "procurement", "read-only"] as const) {
      expect(
        (await w.t.request("POST", "/api/v1/sub-processors/IXORDOCS/corrections", { token: role, body: correction })).status,
        role,
      ).toBe(403);
    }
    const noReason = await w.t.request("POST", "/api/v1/sub-processors/IXORDOCS/corrections", { body: { ...correction, reason: "oops" } });
    expect(noReason.status).toBe(422);
    expect((await bodyOf<Problem>(noReason)).errors?.map((e) => e.field)).toEqual(["reason"]);
    const badChange = await w.t.request("POST", "/api/v1/sub-processors/IXORDOCS/corrections", {
      body: { ...correction, changes: { locations: [] } },
    });
    expect((await bodyOf<Problem>(badChange)).errors?.map((e) => e.field)).toEqual(["changes.locations"]);
    expect(await snapshot(w.store)).toEqual(before);
  });

  it("is recorded as a correction with its reason, in the audit trail and the entity's history", async () => {
    correction.changes.activityIds = [w.maintenance, w.access];
    const response = await w.t.request("POST", "/api/v1/sub-processors/IXORDOCS/corrections", { body: correction });
    expect(response.status).toBe(200);
    expect((await bodyOf<{ activityIds: string[] }>(response)).activityIds).toEqual([w.maintenance, w.access]);
    const trail = await bodyOf<{ items: { action: string; reason: string | null }[] }>(
      await w.t.request("GET", "/api/v1/audit?entityType=sub_processor&entityId=IXORDOCS"),
    );
    expect(trail.items.at(-1)).toMatchObject({ action: "correct", reason: correction.reason });

    const ui = await makeAdminUi(w.store, w.clock);
    const history = await (await ui.get("/admin/sub-processors/IXORDOCS/history", await ui.signIn("read-only"))).text();
    expect(history).toContain("Corrected on");
    expect(history).toContain(`Reason: ${correction.reason}`);
  });
});

describe("an admin's correction in the admin UI", () => {
  it("is offered to admins only, needs a reason beside its field, and is saved with it", async () => {
    const ui = await makeAdminUi(w.store, w.clock);
    const admin = await ui.signIn("admin");
    const editor = await ui.signIn("editor");
    expect(await (await ui.get("/admin/sub-processors/IXORDOCS", admin)).text()).toContain("Correct a mistake (admin)");
    expect(await (await ui.get("/admin/sub-processors/IXORDOCS", editor)).text()).not.toContain("Correct a mistake");
    expect((await ui.get("/admin/sub-processors/IXORDOCS/correct", editor)).status).toBe(403);

    const form = readForm(await (await ui.get("/admin/sub-processors/IXORDOCS/correct", admin)).text());
    const before = await snapshot(w.store);
    const noReason = await ui.post(form.action, fill(form, { "Region (location 1)": "Frankfurt" }), admin);
    expect(noReason.status).toBe(422);
    expect(errorBeside(await noReason.text(), "reason")).toBe("Fill this in.");
    expect(await snapshot(w.store)).toEqual(before);

    const reason = "The region was left out when IxorDocs was recorded; customers were told on 2 March.";
    const saved = await ui.post(
      form.action,
      fill(form, { "Region (location 1)": "Frankfurt", "Reason for the correction (required)": reason }),
      admin,
    );
    expect(saved.status).toBe(303);
    const vendor = await bodyOf<{ locations: unknown[] }>(await w.t.request("GET", "/api/v1/sub-processors/IXORDOCS"));
    expect(vendor.locations).toEqual([{ country: "DE", region: "Frankfurt" }]);
    const history = await (await ui.get("/admin/sub-processors/IXORDOCS/history", admin)).text();
    expect(history).toContain(`Reason: ${reason}`);
  });
});

describe("clearance tells the truth", () => {
  const uuid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

  it("is not_authorised for an agreement signed before a correction made the vendor serve its processing", async () => {
    const corrected = await w.t.request("POST", "/api/v1/sub-processors/IXORDOCS/corrections", {
      body: { reason: "Recorded late: IxorDocs reads access logs too.", changes: { activityIds: [w.maintenance, w.access] } },
    });
    expect(corrected.status).toBe(200);
    const answer = await clearanceOf(w.t, { subProcessorId: "IXORDOCS", agreementId: "CF-DPA-2024-001", activityId: w.access });
    expect(answer.status).toBe("not_authorised");
    expect(answer.reasons).toEqual([
      "IxorDocs became active for this processing after agreement CF-DPA-2024-001 was recorded (2025-01-01), and no change that took effect brought it in for that agreement.",
    ]);
    // What every customer signed stays cleared.
    expect((await clearanceOf(w.t, { subProcessorId: "IXORDOCS", agreementId: "CF-DPA-2024-001", activityId: w.maintenance })).status).toBe(
      "cleared",
    );
  });

  it("is not_authorised for an archived vendor, even one written active before the archive rule", async () => {
    const { subProcessors } = await import("../../db/schema.ts");
    const { eq } = await import("drizzle-orm");
    await w.store.db.update(subProcessors).set({ archivedAt: "2026-11-01T00:00:00.000Z" }).where(eq(subProcessors.id, w.ixordocs));
    const answer = await clearanceOf(w.t, { subProcessorId: "IXORDOCS", agreementId: "CF-DPA-2024-001" });
    expect(answer).toMatchObject({ status: "not_authorised", reasons: ["IxorDocs is archived (since 2026-11-01)."] });
  });

  it("names agreements by reference and the real last day of the window, never an id", async () => {
    const proposed = await w.t.request("POST", "/api/v1/sub-processor-changes", {
      token: "procurement",
      body: {
        kind: "add",
        vendor: OCR_VENDOR,
        activityIds: [w.maintenance],
        reason: { en: "Better OCR." },
        intendedStart: "2026-12-08",
        announce: true,
      },
    });
    expect(proposed.status).toBe(201);
    const vendorId = (await bodyOf<{ subProcessorId: string }>(proposed)).subProcessorId;
    const forPeeters = await clearanceOf(w.t, { subProcessorId: vendorId, agreementId: "CF-DPA-2024-001" });
    expect(forPeeters.status).toBe("pending");
    const general = await clearanceOf(w.t, { subProcessorId: vendorId, activityId: w.maintenance });
    expect(general.reasons.join(" ")).toContain("CF-DPA-2025-003");
    for (const reason of [...forPeeters.reasons, ...general.reasons]) expect(reason).not.toMatch(uuid);
  });
});
