// Which register events reach an endpoint, and when: each written in the atomic unit of the
// change it tells of (the outbox row appears with the write, or not at all), once per event.
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { outbox } from "../../db/schema.ts";
import { changeWorld, type ChangeWorld, runLifecycle } from "../helpers/changes.ts";
import { bodyOf } from "../helpers/test-app.ts";
import { announced, grant, object } from "../changes/clearfacts-steps.ts";
import { detailOf, efficadoWorld, termsChange } from "../changes/efficado-world.ts";
import { WEBHOOK_EVENTS } from "../../src/core/webhooks/index.ts";

async function listening(w: ChangeWorld): Promise<string> {
  const response = await w.t.request("POST", "/api/v1/webhooks/endpoints", {
    body: { url: "https://procurement.example/hooks", events: [...WEBHOOK_EVENTS] },
  });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
  return (await bodyOf<{ id: string }>(response)).id;
}

/** The events queued so far, oldest first, with their payloads. */
async function events(w: ChangeWorld) {
  const rows = await w.store.db.select().from(outbox).where(eq(outbox.kind, "webhook")).orderBy(asc(outbox.id));
  return rows.map((r) => ({ type: r.subject, ...(JSON.parse(r.body) as { data: Record<string, unknown> }) }));
}
const typesOf = async (w: ChangeWorld) => (await events(w)).map((e) => e.type);

describe("the events a change of sub-processors gives", () => {
  it("proposed and announced; an objection in time blocks it once; withdrawn", async () => {
    const w = await changeWorld();
    await listening(w);
    const { change, dupont, peeters, janssens } = await announced(w);
    expect(await typesOf(w)).toEqual(["change.proposed", "change.announced"]);
    await object(w, dupont.id, {});
    expect(await typesOf(w)).toEqual(["change.proposed", "change.announced", "change.objection_received", "change.blocked"]);
    // Already blocked: another objection is news, the block is not.
    await object(w, peeters.id, {});
    await grant(w, janssens.id, "refused");
    expect((await typesOf(w)).slice(4)).toEqual(["change.objection_received"]);
    const withdrawn = await w.t.request("POST", `/api/v1/sub-processor-changes/${change.id}/withdraw`, {
      token: "procurement",
      body: { reason: "The customers said no." },
    });
    expect(withdrawn.status, JSON.stringify(await withdrawn.clone().json())).toBe(200);
    const all = await events(w);
    expect(all.at(-1)).toMatchObject({
      type: "change.withdrawn",
      data: { id: change.id, status: "withdrawn", reason: "The customers said no." },
    });
    const objection = all.find((e) => e.type === "change.objection_received");
    expect(objection?.data).toMatchObject({ id: change.id, objection: { agreementId: w.agreements["CF-DPA-2024-002"], onTime: true } });
  });

  it("a refused authorisation blocks it; effective once it takes effect, from the scheduler's run", async () => {
    const w = await changeWorld();
    await listening(w);
    const { change, janssens } = await announced(w);
    await grant(w, janssens.id, "refused");
    expect((await typesOf(w)).slice(2)).toEqual(["change.blocked"]);
    const excluded = await w.t.request("POST", `/api/v1/change-notices/${janssens.id}/exclusion`, {
      token: "editor",
      body: { reason: "customer_terminated", note: "Janssens ends the contract on 31 December." },
    });
    expect(excluded.status).toBe(200);
    w.clock.set("2026-12-09T10:00:00.000Z");
    expect((await runLifecycle(w.t)).effective).toEqual([change.id]);
    expect((await events(w)).at(-1)).toMatchObject({
      type: "change.effective",
      data: { id: change.id, status: "effective", agreementsApplied: 2, agreementsExcluded: 1 },
    });
    await runLifecycle(w.t);
    expect((await typesOf(w)).filter((t) => t === "change.effective")).toHaveLength(1);
  });

  it("a breach recorded, its notification duties due and then overdue, each once", async () => {
    const w = await changeWorld();
    await listening(w);
    const recorded = await w.t.request("POST", "/api/v1/breaches", {
      body: {
        summary: "Credentials of a storage account leaked.",
        discoveredAt: "2026-11-20T08:00:00.000Z",
        subProcessorIds: [w.aws],
        likelyConsequences: "Stored documents may have been read.",
        measuresTaken: "The credentials were rotated.",
        notify: false,
      },
    });
    expect(recorded.status, JSON.stringify(await recorded.clone().json())).toBe(201);
    const { breach, obligationIds } = await bodyOf<{ breach: { id: string }; obligationIds: string[] }>(recorded);
    expect(obligationIds.length).toBeGreaterThan(0);
    expect(await events(w)).toEqual([
      expect.objectContaining({
        type: "breach.recorded",
        data: expect.objectContaining({ id: breach.id, notificationDutyIds: obligationIds }),
      }),
    ]);
    await runLifecycle(w.t);
    const due = (await events(w)).filter((e) => e.type === "obligation.due");
    expect(due.map((e) => e.data.id).sort()).toEqual([...obligationIds].sort());
    await runLifecycle(w.t);
    expect((await typesOf(w)).filter((t) => t.startsWith("obligation."))).toHaveLength(obligationIds.length);
    w.clock.set("2026-12-20T10:00:00.000Z");
    await runLifecycle(w.t);
    await runLifecycle(w.t);
    const overdue = (await events(w)).filter((e) => e.type === "obligation.overdue");
    expect(overdue.map((e) => e.data.id).sort()).toEqual([...obligationIds].sort());
    expect(overdue[0]?.data).toMatchObject({ status: "overdue", href: `http://localhost:3000/api/v1/obligations/${overdue[0]?.data.id}` });
  });
});

describe("the events a change of the terms gives", () => {
  it("announced; an objection received; effective where nobody objected in time; or withdrawn", async () => {
    const w = await efficadoWorld();
    await listening(w);
    const change = await bodyOf<{ id: string }>(await w.t.request("POST", "/api/v1/terms-changes", { body: termsChange() }));
    expect(await typesOf(w)).toEqual(["terms.announced"]);
    const notice = (await detailOf(w.t, change.id)).notices.find((l) => l.agreementReference === "EFF-001")?.notice.id;
    w.clock.set("2026-11-25T12:00:00.000Z");
    const objected = await w.t.request("POST", `/api/v1/change-notices/${notice}/objections`, {
      body: { grounds: "No.", receivedAt: "2026-11-25T10:00:00Z", channel: "email" },
    });
    expect(objected.status).toBe(201);
    w.clock.set("2026-12-07T10:00:00.000Z");
    await runLifecycle(w.t);
    await runLifecycle(w.t);
    const all = await events(w);
    expect(all.map((e) => e.type)).toEqual(["terms.announced", "terms.objection_received", "terms.effective"]);
    expect(all[1]?.data).toMatchObject({ id: change.id, objection: { onTime: true } });
    expect(all[2]?.data).toMatchObject({
      id: change.id,
      status: "effective",
      href: `http://localhost:3000/api/v1/terms-changes/${change.id}`,
    });

    const other = await bodyOf<{ id: string }>(
      await w.t.request("POST", "/api/v1/terms-changes", { body: termsChange({ version: "2027.2", effectiveOn: "2027-01-15" }) }),
    );
    const withdrawn = await w.t.request("POST", `/api/v1/terms-changes/${other.id}/withdraw`, { body: { reason: "Drafting reviewed." } });
    expect(withdrawn.status).toBe(200);
    expect((await events(w)).slice(3)).toEqual([
      expect.objectContaining({ type: "terms.announced" }),
      expect.objectContaining({ type: "terms.withdrawn", data: expect.objectContaining({ id: other.id, reason: "Drafting reviewed." }) }),
    ]);
  });
});
