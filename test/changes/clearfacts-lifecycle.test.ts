import { describe, expect, it } from "vitest";
import { outbox } from "../../db/schema.ts";
import { bodyOf } from "../helpers/test-app.ts";
import { changeWorld, clearanceOf, noticesOf, runLifecycle } from "../helpers/changes.ts";
import { annexHtml, announced, grant, object } from "./clearfacts-steps.ts";

describe("the lifecycle", () => {
  it("makes the change effective by itself once due; the annexes show the vendor from then on, not before", async () => {
    const w = await changeWorld();
    const { change, janssens } = await announced(w);
    await grant(w, janssens.id);
    w.clock.set("2026-12-07T12:00:00.000Z");
    expect((await runLifecycle(w.t)).effective).toEqual([]);
    w.clock.set("2026-12-08T06:00:00.000Z");
    expect((await runLifecycle(w.t)).effective).toEqual([change.id]);
    expect((await runLifecycle(w.t)).effective).toEqual([]);
    const vendor = await bodyOf<{ status: string; activityIds: string[] }>(
      await w.t.request("GET", `/api/v1/sub-processors/${change.subProcessorId}`),
    );
    expect(vendor).toMatchObject({ status: "active", activityIds: [w.maintenance] });
    const detail = await bodyOf<{ status: string; effectiveAt: string; notices: { open: number } }>(
      await w.t.request("GET", `/api/v1/sub-processor-changes/${change.id}`),
    );
    expect(detail).toMatchObject({ status: "effective", effectiveAt: "2026-12-08T06:00:00.000Z", notices: { open: 0 } });
    expect(await annexHtml(w, "CF-DPA-2024-001")).toContain("Klippa OCR GmbH");
    expect(await annexHtml(w, "CF-DPA-2024-001", "2026-12-08T05:59:59.000Z")).not.toContain("Klippa OCR GmbH");
    const effectiveMail = (await w.store.db.select().from(outbox)).filter((m) => m.kind === "change_effective");
    expect(effectiveMail).toHaveLength(1);
  });

  it("keeps a vendor out of an agreement whose objection was met with an alternative", async () => {
    const w = await changeWorld();
    const { change, dupont, janssens } = await announced(w);
    await grant(w, janssens.id);
    w.clock.set("2026-12-02T10:00:00.000Z");
    const objection = await object(w, dupont.id, {});
    const resolved = await w.t.request("POST", `/api/v1/objections/${objection.id}/resolution`, {
      token: "editor",
      body: { resolution: "alternative_offered", reason: "OCR for Dupont stays with IxorDocs." },
    });
    expect(resolved.status).toBe(200);
    w.clock.set("2026-12-08T06:00:00.000Z");
    expect((await runLifecycle(w.t)).effective).toEqual([change.id]);
    expect(await annexHtml(w, "CF-DPA-2024-001")).toContain("Klippa OCR GmbH");
    expect(await annexHtml(w, "CF-DPA-2024-002")).not.toContain("Klippa OCR GmbH");
    const forDupont = await clearanceOf(w.t, {
      subProcessorId: change.subProcessorId,
      agreementId: w.agreements["CF-DPA-2024-002"] as string,
    });
    expect(forDupont.status).toBe("not_authorised");
  });

  it("waits for a refused option-1 authorisation until the DPO takes that agreement out", async () => {
    const w = await changeWorld();
    const { change, janssens } = await announced(w);
    await grant(w, janssens.id, "refused");
    w.clock.set("2026-12-09T10:00:00.000Z");
    expect((await clearanceOf(w.t, { subProcessorId: change.subProcessorId, activityId: w.maintenance })).status).toBe("blocked");
    expect((await runLifecycle(w.t)).effective).toEqual([]);
    const excluded = await w.t.request("POST", `/api/v1/change-notices/${janssens.id}/exclusion`, {
      token: "editor",
      body: { reason: "customer_terminated", note: "Janssens ends the contract on 31 December." },
    });
    expect(excluded.status).toBe(200);
    expect((await runLifecycle(w.t)).effective).toEqual([change.id]);
    expect(await annexHtml(w, "CF-DPA-2025-003")).not.toContain("Klippa OCR GmbH");
  });

  it("reminds the DPO once, three days before the first window closes", async () => {
    const w = await changeWorld();
    const { change } = await announced(w);
    w.clock.set("2026-12-03T10:00:00.000Z");
    expect((await runLifecycle(w.t)).reminded).toEqual([]);
    w.clock.set("2026-12-04T10:00:00.000Z");
    expect((await runLifecycle(w.t)).reminded).toEqual([change.id]);
    expect((await runLifecycle(w.t)).reminded).toEqual([]);
    const reminders = (await w.store.db.select().from(outbox)).filter((m) => m.kind === "dpo_reminder");
    expect(reminders).toHaveLength(1);
    expect(reminders[0]?.body).toContain("Nog verwachte toestemmingen: 1");
  });

  it("withdraws a change: notices close, customers are told, the vendor is rejected", async () => {
    const w = await changeWorld();
    const { change } = await announced(w);
    const response = await w.t.request("POST", `/api/v1/sub-processor-changes/${change.id}/withdraw`, {
      token: "procurement",
      body: { reason: "Vendor failed our security review." },
    });
    expect(response.status).toBe(200);
    expect((await noticesOf(w.t, change.id)).every((n) => n.status === "closed" && n.outcome === "excluded")).toBe(true);
    const told = (await w.store.db.select().from(outbox)).filter((m) => m.kind === "change_withdrawn");
    expect(told).toHaveLength(3);
    const vendor = await bodyOf<{ status: string }>(await w.t.request("GET", `/api/v1/sub-processors/${change.subProcessorId}`));
    expect(vendor.status).toBe("rejected");
    expect((await clearanceOf(w.t, { subProcessorId: change.subProcessorId, activityId: w.maintenance })).status).toBe("not_authorised");
  });
});
